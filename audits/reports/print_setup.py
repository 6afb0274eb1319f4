"""Page setup of everything a person prints: the XLSX sheets (feedback, quality, proposals, the
plan, the templates) and the DOCX annex to the mayor's order.

A sheet prints on A4 landscape with all its columns on one page width (as many pages down as
needed), its header row repeated on every page and page numbers in the footer. A header is
never broken inside a word: a column narrower than the header's longest word gets the header
turned upright. Long texts wrap, and their row gets the height of its wrapped lines
(LibreOffice does not size a row to its text when it opens a file; a row left at the
default height prints one line of each cell over the next row).

Every function works on write-only (streamed) sheets too: ``print_setup`` and ``set_widths``
must then be called before the sheet's first row."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from copy import copy

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

A4 = 9                        # the paperSize code of A4
FOOTER = "&P / &N"            # page number / pages
MARGINS = dict(left=0.4, right=0.4, top=0.5, bottom=0.6, header=0.25, footer=0.3)   # inches
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
LINE_HEIGHT = 13.8            # points per line of 11-point text
UPRIGHT_CHAR = 6.5            # points per character of upright (rotated) 11-point text
CHARS_PER_WIDTH = 1.1         # characters of Cyrillic text per unit of column width
POINTS_PER_WIDTH = 5.25       # points of page per unit of column width
DEFAULT_WIDTH = 8.43
WIDE = 260                    # column widths beyond which one page wide is too small to read (~55%)
WORD_BREAK = re.compile(r"\s+|(?<=-)")


def print_setup(ws, header_rows: str | None = "1:1", landscape: bool = True, title_columns: str | None = None) -> None:
    """A4, landscape, fit to one page wide, ``header_rows`` ("1:1", "7:7") repeated on every page.

    ``title_columns`` ("A:B"), for a sheet far too wide for one page (the inventory template's 23
    columns would print at a fifth of their size): printed at full size, pages across, with
    these columns repeated on every page, so no page holds columns without their row's name."""
    setup = ws.page_setup
    setup.paperSize = A4
    setup.orientation = "landscape" if landscape else "portrait"
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    if title_columns:
        ws.print_title_cols = title_columns
        ws.sheet_properties.pageSetUpPr.fitToPage = False
    else:
        setup.fitToWidth, setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    if header_rows:
        ws.print_title_rows = header_rows
    ws.page_margins = PageMargins(**MARGINS)
    ws.oddFooter.center.text = FOOTER


def print_as_found(ws) -> None:
    """A sheet someone else laid out (the department's own, in the marked copy): left alone when
    it says how it prints; else one page wide, or when that would shrink it past reading (wider
    than ``WIDE``), at full size with its first two columns (identifier, title) on every page."""
    if has_own_setup(ws):
        return
    total = sum(_width(ws, i) for i in range(ws.max_column))
    print_setup(ws, None, title_columns="A:B" if total > WIDE else None)


def has_own_setup(ws) -> bool:
    """True when the sheet already says how it prints (someone set it up: keep theirs)."""
    props = ws.sheet_properties.pageSetUpPr
    return bool(ws.page_setup.orientation or (props is not None and props.fitToPage) or ws.print_title_rows
                or ws.print_title_cols)


def set_widths(ws, widths: Iterable[float]) -> None:
    ws.__dict__.pop("_print_widths", None)
    for index, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(index)].width = width


def longest_word(text) -> int:
    """The longest run a line cannot break inside (lines break at spaces and after hyphens)."""
    return max((len(word) for word in WORD_BREAK.split(str(text or "")) if word), default=0)


def header_alignment(text, width: float, vertical: str = "center") -> Alignment:
    """Wrapped at spaces; turned upright when a word of it is wider than the column."""
    upright = longest_word(text) + 1 > width
    return Alignment(wrap_text=True, vertical="bottom" if upright else vertical, text_rotation=90 if upright else 0)


def header_widths(headers: Sequence[str], floor: float = 8, ceiling: float = 30) -> list[float]:
    """Widths holding each header's longest word (for sheets whose values are short)."""
    return [min(ceiling, max(floor, longest_word(h) + 2)) for h in headers]


def wrapped(ws, values: Sequence, columns: Iterable[int] | None = None) -> list:
    """The row with the cells at ``columns`` (0-based; all when None) wrapped and top-aligned,
    their other style (font, fill, link, protection) kept."""
    line = list(values)
    for i in range(len(line)) if columns is None else columns:
        if i < len(line):
            line[i] = _aligned(ws, line[i], wrap=True)
    return line


def fit_row(ws, row: int, values: Sequence, columns: Iterable[int] | None = None,
            line: float = LINE_HEIGHT, align_all: bool = True) -> list:
    """``wrapped`` and, when a cell needs more than one line, row ``row``'s height set to hold
    its longest wrapped cell and (``align_all``) its other cells aligned to its top (widths from
    ``ws.column_dimensions``; call before appending the row to a write-only sheet)."""
    values = list(values)
    wrap = set(range(len(values)) if columns is None else columns)
    lines = max((wrapped_lines(str(_value(values[i])), _width(ws, i)) for i in wrap
                 if i < len(values) and _value(values[i]) is not None), default=1)
    if lines == 1:                 # fits on one line: nothing to wrap, no styled cell to make
        return values
    ws.row_dimensions[row].height = round(lines * line + 3, 1)
    if align_all:                  # a short sheet: every cell of the row aligned to its top
        return [_aligned(ws, v, wrap=i in wrap) for i, v in enumerate(values)]
    # a long one (quality, proposals): only the cells that wrap get a style (~30 µs a cell)
    return [_aligned(ws, v, wrap=True) if i in wrap and _wraps(v, _width(ws, i)) else v
            for i, v in enumerate(values)]


def append_fitted(ws, row: int, values: Sequence, columns: Iterable[int] | None = None,
                  align_all: bool = True) -> None:
    """``fit_row`` appended at once to the write-only sheet ``ws`` (it writes the row, height
    included, as it is appended); the row's dimension is then dropped, or a 120,000-row sheet
    would keep one object per row until it is saved."""
    ws.append(fit_row(ws, row, values, columns, align_all=align_all))
    ws.row_dimensions.pop(row, None)


def _wraps(value, width) -> bool:
    value = _value(value)
    return value is not None and wrapped_lines(str(value), width) > 1


def _value(value):
    return value.value if isinstance(value, Cell) else value


def _aligned(ws, value, wrap: bool):
    """``value`` as a cell aligned to the top (and wrapped): an unstyled value takes the style
    of a prototype cell (copying its style is cheap; setting an alignment on each of a
    40,000-row sheet's cells is not), a styled cell keeps its style but the alignment."""
    if value is None:
        return None
    if isinstance(value, Cell) and value.has_style:
        old = value.alignment
        value.alignment = Alignment(wrap_text=wrap or old.wrap_text, vertical="top", horizontal=old.horizontal,
                                    text_rotation=old.text_rotation)
        return value
    cell = value if isinstance(value, Cell) else WriteOnlyCell(ws, value=value)
    cell._style = copy(_prototype(ws, wrap)._style)
    return cell


def _prototype(ws, wrap: bool):
    protos = ws.__dict__.setdefault("_print_prototypes", {})
    if wrap not in protos:
        protos[wrap] = WriteOnlyCell(ws)
        protos[wrap].alignment = WRAP_TOP if wrap else TOP
    return protos[wrap]


def header_height(headers: Sequence[str], widths: Sequence[float], line: float = LINE_HEIGHT) -> float:
    """The height of a header row made with ``header_alignment``: upright headers stand as tall
    as their text, the others wrap."""
    tallest = 1.0
    for text, width in zip(headers, widths):
        if longest_word(text) + 1 > width:        # upright: the lines stand side by side in the width
            side_by_side = max(1, int(width * POINTS_PER_WIDTH // line))
            tallest = max(tallest, (len(str(text)) / side_by_side + 3) * UPRIGHT_CHAR / line)
        else:
            tallest = max(tallest, wrapped_lines(str(text), width))
    return round(tallest * line + 3, 1)


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a column ``width`` characters wide, broken at spaces."""
    capacity = max(1.0, width * CHARS_PER_WIDTH - 1)
    if len(text) <= capacity and "\n" not in text:
        return 1
    count = 0
    for paragraph in text.split("\n"):
        used, count = None, count + 1
        for word in paragraph.split():
            size = len(word)
            if used is None:
                used = size
            elif used + 1 + size <= capacity:
                used += 1 + size
            else:
                count, used = count + 1, size
            while used > capacity:           # a word longer than the line is broken by the spreadsheet
                count, used = count + 1, used - capacity
    return count


def _width(ws, index: int) -> float:
    """Column ``index``'s width, looked up once per sheet and column (widths are set before rows)."""
    known = ws.__dict__.setdefault("_print_widths", {})
    if index not in known:
        known[index] = ws.column_dimensions[get_column_letter(index + 1)].width or DEFAULT_WIDTH
    return known[index]


# --- DOCX -----------------------------------------------------------------------------------

def docx_widths(rows: Sequence[Sequence[str]], total: int, char: int) -> list[int]:
    """Column widths (in the unit of ``total``, e.g. EMU) for a table's rows, the header first:
    each column gets at least its longest word (``char``: the width of one character), and the
    rest of the page goes to the columns whose text would wrap, by how much they would."""
    columns = list(zip(*rows))
    floors = [(max(longest_word(v) for v in col) + 2.5) * char for col in columns]
    if sum(floors) >= total:
        return [int(total * f / sum(floors)) for f in floors]
    needs = [max(0.0, (max(len(str(v)) for v in col) + 2.5) * char - f) for col, f in zip(columns, floors)]
    spare = total - sum(floors)
    if spare < sum(needs):
        return [int(f + spare * n / sum(needs)) for f, n in zip(floors, needs)]
    full = [f + n for f, n in zip(floors, needs)]     # every text fits on one line: spread the rest
    return [int(w + (spare - sum(needs)) * w / sum(full)) for w in full]


def docx_table_layout(table, widths) -> None:
    """Fixed column widths (Word and LibreOffice honour the cell widths), the header row
    repeated on every page, and no row split across two pages."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Emu

    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = Emu(width)
        for cell in column.cells:
            cell.width = Emu(width)
    for index, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if index == 0:
            properties.append(OxmlElement("w:tblHeader"))
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(Emu(width).twips))
