"""What a filled proposals.xlsx may not carry: live formulas, export ids that are not ids, and
control characters in the texts stored from it (audits.proposals.review turns these into
findings). The file has already passed the hardened reader (audits.inventory), so a second,
formula-preserving pass over it is bounded by the same limits."""
from __future__ import annotations

import io
import unicodedata

from openpyxl import load_workbook

MAX_ID = 2**31 - 1           # an export id is a database integer key
KEPT_CONTROLS = "\n"         # a line break typed in a cell (Alt+Enter) is text; other controls are not
BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F)}


def formula_cells(data: bytes, sheets: tuple[str, ...], max_rows: int, max_columns: int) -> list[tuple]:
    """(sheet, row, column index from 0) of every cell openpyxl reads as a formula (data_type
    'f': =HYPERLINK(…), =cmd|…, array and data-table formulas) in ``sheets``."""
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        return [(ws.title, cell.row, cell.column - 1)
                for ws in book.worksheets if ws.title in sheets
                for cells in ws.iter_rows(max_row=max_rows, max_col=max_columns)
                for cell in cells if getattr(cell, "data_type", None) == "f"]
    finally:
        book.close()


def export_id(value) -> int | None:
    """The export id of the hidden sheet, if it is one: a whole number from 1 to MAX_ID as the
    export wrote it (not a float, a text, a boolean, a negative or 1e308)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 1 <= value <= MAX_ID else None


def plain_text(value) -> str:
    """A cell's text as stored: stripped, without control, format-direction or other
    invisible characters (a line break is kept)."""
    text = "" if value is None else str(value)
    return "".join(c for c in text if c in KEPT_CONTROLS or (unicodedata.category(c) not in ("Cc", "Cs")
                                                              and c not in BIDI)).strip()
