"""A feedback copy sent back by a clerk is the clerk's file: before it is marked again, what an
earlier feedback added is taken out, and only that. The clerk's own formatting stays.

What is ours, and how it is recognised:
- the workbook carries the defined name ``MARKER`` pointing at our findings sheet (Excel and
  LibreOffice keep it, and follow the sheet when it is renamed);
- every comment we write has the author ``COMMENT_AUTHOR``; LibreOffice drops comment authors
  when it saves an .xlsx, so in a workbook carrying the marker a comment that starts with our
  prefix («Помилка: », «Попередження: ») is ours too; a clerk's own earlier comment on the
  same cell was kept after ``SEPARATOR`` and is given back;
- our fills are the two exact colours of FILLS: on a cell with our comment, or anywhere in a
  workbook carrying the marker (a clerk who deleted our comment but not the colour).
A workbook without the marker and without our comments is never touched."""
from __future__ import annotations

import re

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName

from . import feedback_texts as t

MARKER = "odaudit_feedback"
SEPARATOR = "\n\n—\n"


def mark_as_ours(book: Workbook, findings_sheet: str) -> None:
    """Name our findings sheet in the workbook, so that the next feedback can take it out."""
    if MARKER in book.defined_names:
        del book.defined_names[MARKER]
    quoted = findings_sheet.replace("'", "''")
    book.defined_names[MARKER] = DefinedName(MARKER, attr_text=f"'{quoted}'!$A$1")


def clean(book: Workbook, fills: dict[str, PatternFill]) -> Workbook:
    """Remove an earlier feedback's findings sheets, fills and comments from ``book``, in place."""
    marked = _drop_findings_sheets(book)
    colours = {_colour(f) for f in fills.values()}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                ours = cell.comment is not None and _is_ours(cell.comment, marked)
                if ours:
                    cell.comment = _clerk_comment(cell.comment.text)
                if (ours or marked) and _colour(cell.fill) in colours:
                    cell.fill = PatternFill()
    return book


PREFIXES = tuple(f"{prefix}: " for prefix in t.COMMENT_PREFIX.values())


def _is_ours(comment: Comment, marked: bool) -> bool:
    return comment.author == t.COMMENT_AUTHOR or (marked and (comment.text or "").startswith(PREFIXES))


def _drop_findings_sheets(book: Workbook) -> bool:
    """Take out the sheets our marker names, and any sheet that is plainly an earlier findings
    sheet of ours (our name, our title in A1); True when the workbook was one of our copies."""
    named = set()
    if MARKER in book.defined_names:
        named = {sheet for sheet, _ in book.defined_names[MARKER].destinations}
        del book.defined_names[MARKER]
    found = False
    for ws in list(book.worksheets):
        if ws.title in named or _looks_like_ours(ws):
            if len(book.worksheets) > 1:
                book.remove(ws)
            found = True
    return found or bool(named)


TITLE = re.compile(re.escape(t.FINDINGS_TITLE.split("«")[0]))
NAMED = re.compile(re.escape(t.FINDINGS_SHEET) + r"(_\d+)?")


def _looks_like_ours(ws) -> bool:
    first = ws.cell(1, 1).value
    return bool(NAMED.fullmatch(ws.title)) and isinstance(first, str) and bool(TITLE.match(first))


def _clerk_comment(text: str) -> Comment | None:
    """The clerk's own comment that our comment carried after the separator, if any."""
    if SEPARATOR not in text:
        return None
    own = text.split(SEPARATOR, 1)[1]
    return Comment(own, "") if own.strip() else None


def _colour(fill) -> tuple | None:
    if fill is None or fill.fill_type != "solid":
        return None
    return fill.fill_type, str(fill.fgColor.rgb)[-6:].upper()


def is_our_grid(grid) -> bool:
    """A sheet read from an .ods/.csv that is an earlier findings sheet of ours (by name and title)."""
    first = grid.rows[0].cells[0] if grid.rows and grid.rows[0].cells else None
    return bool(grid.sheet and NAMED.fullmatch(grid.sheet)) and isinstance(first, str) and bool(TITLE.match(first))
