"""Fill a template the way a department clerk does: open it, type rows under the header, save
it under another name. Everything by the header titles the clerk sees, never by position."""
from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from audits.inventory.schema import load_schema
from audits.templates import texts
from rows import CLERK, row as inventory_row

SCHEMA = load_schema()


def clerk_row(n: int, **changes) -> dict:
    """A correct row as typed from the template's lists (department left to the template): the
    CLERK preset of inventories/rows.py."""
    return inventory_row(n, CLERK, **changes)


def header_columns(ws) -> tuple[int, dict[str, int]]:
    """(header row number, field name → column number) of the inventory sheet."""
    titles = {f["title"]: f["name"] for f in SCHEMA.fields}
    for row in ws.iter_rows(min_row=1, max_row=10):
        found = {titles[c.value]: c.column for c in row if c.value in titles}
        if len(found) == len(titles):
            return row[0].row, found
    raise AssertionError("no header row")


def fill(template: Path, rows: list[dict], saved_as: Path, start: int = 0) -> Path:
    """Type ``rows`` into the inventory sheet from data row ``start`` (0 = the first row)."""
    book = load_workbook(template)
    ws = book[texts.INVENTORY_SHEET]
    header, columns = header_columns(ws)
    for offset, values in enumerate(rows):
        for name, value in values.items():
            cell = ws.cell(header + 1 + start + offset, columns[name])
            cell.value = value
    book.save(saved_as)
    return saved_as
