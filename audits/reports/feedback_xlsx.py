"""feedback/<department>.xlsx: a copy of the department's own file (values untouched) with every
cell that has a finding filled (errors red, warnings amber) and a comment holding the message,
and a first sheet listing all findings with a link to each cell.

The original bytes are only read. A file that cannot be opened safely (unreadable, too big,
hostile) is not copied: the findings sheet then says why, and lists the findings."""
from __future__ import annotations

import io
import logging
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.hyperlink import Hyperlink

from .. import settings
from ..findings import FEEDBACK_FIELDS, Finding
from ..inventory.grid import ReadError
from ..inventory.read import default_limits, read_grids
from ..inventory.source import Source, check_archive, sniff_kind
from ..safe import safe_cell
from . import feedback_texts as t
from .feedback_clean import SEPARATOR, clean, is_our_grid, mark_as_ours
from .print_setup import fit_row, header_alignment, header_height, print_as_found, print_setup, set_widths

log = logging.getLogger(__name__)
FILLS = {"error": PatternFill("solid", fgColor="FFC7CE"), "warning": PatternFill("solid", fgColor="FFEB9C")}
FILE_LEVEL = {"source-error", "encrypted-file", "empty-file", "unsupported-format", "file-too-large",
              "archive-bomb", "too-many-rows", "read-timeout", "bad-encoding"}
MAX_MARKED = 2000            # cells marked in the copy; the rest are listed only
MAX_LISTED = 10000           # findings listed on the first sheet
MAX_SHEET_XML = 20_000_000   # unpacked worksheet XML openpyxl may load fully (5000 rows × 60 columns is ~10 MB)
KEYS = FEEDBACK_FIELDS
WIDTHS = (5, 10, 13, 14, 7, 18, 9, 16, 20, 23, 60)    # the findings sheet: ~75% on A4 landscape; «колонки» fits at 9


def write_feedback_xlsx(path: Path, file: str | None, data: bytes | None, findings: list[Finding],
                        reason: str | None = None) -> Path:
    write_marked_copy(path, file, data, findings, reason)
    return Path(path)


def write_marked_copy(path: Path, file: str | None, data: bytes | None, findings: list[Finding],
                      reason: str | None = None) -> bool:
    """Write the feedback workbook; True when it is a marked copy of the department's file
    (False: only the findings sheet). ``reason``: why no copy can be made, when the caller knows.

    The findings-only workbook is streamed (write-only). The marked copy cannot be: it is the
    department's own workbook loaded in full and changed in place (fills and comments on their
    cells, a sheet inserted before theirs), which openpyxl's write-only mode cannot do."""
    book, note = (None, t.NOTE_NO_COPY.format(reason=reason)) if reason else _copy(file or "", data, findings)
    if book is None:
        _write_findings_only(path, file or "", findings, note)
        return False
    own_sheets = list(book.sheetnames)
    csv_sheet = own_sheets[0] if own_sheets else None
    marked, cut = _mark(book, findings, csv_sheet)
    _findings_sheet(book, file or "", findings, marked, [n for n in (note, cut) if n])
    book.active = 0
    for ws in book.worksheets[1:]:
        ws.sheet_view.tabSelected = False
        print_as_found(ws)
    book.save(path)
    return note is None and bool(marked)


# --- the copy ---------------------------------------------------------------------------------

def _copy(file: str, data: bytes | None, findings: list[Finding]) -> tuple[Workbook | None, str | None]:
    """The department's workbook to mark, or None and the reason it is not a copy."""
    if any(f.code in FILE_LEVEL for f in findings):
        return None, t.NOTE_NO_COPY.format(reason=t.REASON_FILE_FINDING)
    if data is None:
        return None, t.NOTE_NO_COPY.format(reason=t.REASON_NO_FILE)
    try:
        kind = sniff_kind(data)
        if kind == "xlsx":
            return clean(_open_xlsx(data), FILLS), None   # a feedback copy sent back: ours taken out
        return _rebuild(file, data, kind), None
    except _TooBig:
        return None, t.NOTE_NO_COPY.format(reason=t.REASON_TOO_BIG)
    except Exception:  # a hostile or broken file must never stop the feedback of the others
        log.debug("feedback: cannot copy %s", file, exc_info=True)
        return None, t.NOTE_NO_COPY.format(reason=t.REASON_UNREADABLE)


class _TooBig(Exception):
    pass


def _empty() -> Workbook:
    """A workbook without sheets, built in memory: the .ods/.csv rebuild places cells at their
    positions and then marks them, so it cannot be streamed."""
    book = Workbook()
    book.remove(book.active)
    return book


def _write_findings_only(path: Path, file: str, findings: list[Finding], note: str) -> None:
    """No copy of the department's file: the findings sheet alone, streamed (write-only)."""
    book = Workbook(write_only=True)
    _fill_findings(book.create_sheet(_sheet_title(t.FINDINGS_SHEET, book)), file, findings, {}, [note])
    book.save(path)


def _open_xlsx(data: bytes) -> Workbook:
    check_archive(data, int(settings.get("max_unpacked_mb") * 1_000_000))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = sum(i.file_size for i in archive.infolist() if i.filename.startswith("xl/worksheets/"))
    if sheets > MAX_SHEET_XML:
        raise _TooBig()
    return load_workbook(io.BytesIO(data))


def _rebuild(file: str, data: bytes, kind: str) -> Workbook:
    """.ods and .csv: the cells as read, at the same positions, in a new workbook."""
    grids = read_grids(Source(Path(file), data, ""), default_limits())
    book = _empty()
    for grid in (g for g in grids if not is_our_grid(g)):
        ws = book.create_sheet(_sheet_title(grid.sheet or Path(file).stem or "CSV", book))
        for row in grid.rows:
            for index, value in enumerate(row.cells):
                if value is not None:
                    _put(ws.cell(row.number, index + 1), value)
    if not book.worksheets:
        raise ReadError("empty-file")
    return book


def _put(cell, value) -> None:
    """The value as read; a text starting with '=' stays text, never a formula."""
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    elif isinstance(value, (date, datetime)):
        cell.number_format = "DD.MM.YYYY"


def _sheet_title(name: str, book: Workbook) -> str:
    title = re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "Аркуш"
    base, n = title, 1
    while title in book.sheetnames:
        n += 1
        title = f"{base[:28]}_{n}"
    return title


# --- marking ------------------------------------------------------------------------------------

def _mark(book: Workbook, findings: list[Finding], csv_sheet: str | None) -> tuple[dict, str | None]:
    """Fill and comment each cell with findings; returns (finding index → (sheet, ref), note)."""
    cells: dict[tuple[str, str], list[int]] = {}
    for i, f in enumerate(findings):
        sheet = f.sheet if f.sheet is not None else csv_sheet
        if f.row and f.column_letter and sheet in book.sheetnames:
            cells.setdefault((sheet, f"{f.column_letter}{f.row}"), []).append(i)
    marked, note = {}, None
    for n, ((sheet, ref), indexes) in enumerate(cells.items()):
        if n >= MAX_MARKED:
            note = t.NOTE_TOO_MANY.format(limit=MAX_MARKED)
            break
        ref = _mark_cell(book[sheet], ref, [findings[i] for i in indexes])
        marked.update({i: (sheet, ref) for i in indexes})
    return marked, note


def _mark_cell(ws, ref: str, findings: list[Finding]) -> str:
    cell = ws[ref]
    if isinstance(cell, MergedCell):   # a merged area is marked on its top-left cell
        area = next(r for r in ws.merged_cells.ranges if ref in r)
        cell = ws.cell(area.min_row, area.min_col)
    severity = "error" if any(f.is_error for f in findings) else "warning"
    cell.fill = FILLS[severity]
    text = "\n\n".join(f"{t.COMMENT_PREFIX[f.severity]}: {f.message}" for f in findings)
    if cell.comment is not None:
        text += SEPARATOR + cell.comment.text
    cell.comment = Comment(text, t.COMMENT_AUTHOR, width=360, height=160)
    return cell.coordinate


# --- the first sheet ---------------------------------------------------------------------------

def _findings_sheet(book: Workbook, file: str, findings: list[Finding], marked: dict, notes: list[str]) -> None:
    ws = book.create_sheet(_sheet_title(t.FINDINGS_SHEET, book), 0)
    _fill_findings(ws, file, findings, marked, notes)
    mark_as_ours(book, ws.title)


def _fill_findings(ws, file: str, findings: list[Finding], marked: dict, notes: list[str]) -> None:
    """The findings sheet, row by row with ``ws.append``: the same code fills the marked copy's
    (normal) sheet and the streamed (write-only) one, so widths and frozen rows go first."""
    set_widths(ws, WIDTHS)
    if len(findings) > MAX_LISTED:
        notes = [*notes, t.NOTE_LIST_CUT.format(limit=MAX_LISTED, total=len(findings))]
    first = len(notes) + 5               # title, help, the notes, a blank row, the header
    ws.freeze_panes = f"A{first}"
    print_setup(ws, f"{first - 1}:{first - 1}")
    errors = sum(f.is_error for f in findings)
    title = t.FINDINGS_TITLE.format(file=safe_cell(file), errors=errors, warnings=len(findings) - errors)
    ws.append([_cell(ws, title, font=Font(bold=True, size=13))])
    ws.append([t.FINDINGS_HELP if findings else t.NO_FINDINGS])
    for note in notes:
        ws.append([note])
    ws.append([])
    bold = Font(bold=True)
    ws.row_dimensions[first - 1].height = header_height(t.HEADERS, WIDTHS)
    ws.append([_cell(ws, h, font=bold, alignment=header_alignment(h, w)) for h, w in zip(t.HEADERS, WIDTHS)])
    for i, f in enumerate(findings[:MAX_LISTED]):
        ws.append(fit_row(ws, first + i, _finding_row(ws, i, f, marked.get(i), first + i)))


LINK_FONT = Font(color="0563C1", underline="single")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")


def _cell(ws, value, **style):
    cell = WriteOnlyCell(ws, value=value)
    for name, v in style.items():
        setattr(cell, name, v)
    return cell


def _finding_row(ws, index: int, f: Finding, target: tuple[str, str] | None, row: int) -> list:
    values = {"severity": t.SEVERITY.get(f.severity, f.severity), **{k: getattr(f, k) for k in KEYS[1:]}}
    line = [index + 1, None] + [safe_cell(values[k]) for k in KEYS]
    if target:
        link = _cell(ws, target[1], font=LINK_FONT)
        sheet = target[0].replace("'", "''")
        link.hyperlink = Hyperlink(ref="", location=f"'{sheet}'!{target[1]}")
        link.hyperlink.ref = f"B{row}"   # a normal sheet's append does not move a cell's link
        line[1] = link
    line[2] = _cell(ws, line[2], fill=FILLS.get(f.severity, PatternFill()))
    line[-1] = _cell(ws, line[-1], alignment=WRAP_TOP)
    return line
