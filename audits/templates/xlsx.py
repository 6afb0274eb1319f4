"""Write a department's template as .xlsx (openpyxl): instructions, the inventory sheet with
hints, dropdowns and checks, the department locked, and hidden lists and identity."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import column_index_from_string
from openpyxl.worksheet.datavalidation import DataValidation

from ..inventory.grid import column_letter
from ..reports.print_setup import fit_row, print_setup
from . import texts
from .identity import identity
from .instructions import instruction_rows
from .spec import DATE_FLOOR, HEADER_ROW, Column, TemplateSpec

REQUIRED_FILL = PatternFill("solid", fgColor="BDD7EE")
OPTIONAL_FILL = PatternFill("solid", fgColor="E7E6E6")
LOCKED_FILL = PatternFill("solid", fgColor="F2F2F2")
DATE_FORMAT = "DD.MM.YYYY"
UNLOCKED = Protection(locked=False)
LOCKED = Protection(locked=True)


def write_xlsx_template(spec: TemplateSpec, path: Path) -> Path:
    """A write-only workbook: each sheet's widths, row heights and frozen panes are set before
    its rows stream to the file; validations, filter, protection and hidden state after them.
    Every feature of the template (comments, column styles, named lists, document properties)
    is one write-only mode can write, so nothing of it is built in memory cell by cell."""
    book = Workbook(write_only=True)
    _instructions(book.create_sheet(texts.INSTRUCTIONS_SHEET), spec)
    inventory = book.create_sheet(texts.INVENTORY_SHEET)
    lists = _lists(book.create_sheet(texts.LISTS_SHEET), spec)
    _inventory(inventory, spec, lists)
    _identity(book, spec)
    book.active = 0
    book.save(path)
    return path


def put(cell, value) -> None:
    """Write a value as data: a text starting with '=' stays text, never a formula."""
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"


def _new(ws, value=None, **style):
    """A cell of a write-only sheet holding ``value`` as data (see put), then styled."""
    cell = WriteOnlyCell(ws)
    put(cell, value)
    for name, v in style.items():
        setattr(cell, name, v)
    return cell


def _instructions(ws, spec: TemplateSpec) -> None:
    for letter, width in zip("ABCD", (34, 14, 70, 40)):
        ws.column_dimensions[letter].width = width
    print_setup(ws, None)
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, (kind, values) in enumerate(instruction_rows(spec), 1):
        row = []
        for c, value in enumerate(values, start=1):
            cell = _new(ws, value, alignment=wrap)
            if kind in ("title", "heading", "table-header") or (kind == "fact" and c == 1):
                cell.font = Font(bold=True, size=14 if kind == "title" else 11)
            if isinstance(value, date):
                cell.number_format = DATE_FORMAT
            row.append(cell)
        ws.append(fit_row(ws, number, row))


def _lists(ws, spec: TemplateSpec) -> dict[str, str]:
    """One column per dropdown list; returns field name → absolute range for the validation."""
    ranges = {}
    listed = [c for c in spec.columns if c.choices]
    for index, column in enumerate(listed):
        letter = column_letter(index)
        ranges[column.name] = f"'{texts.LISTS_SHEET}'!${letter}$1:${letter}${len(column.choices)}"
    for row in range(max((len(c.choices) for c in listed), default=0)):
        ws.append([_new(ws, c.choices[row]) if row < len(c.choices) else None for c in listed])
    ws.sheet_state = "hidden"
    return ranges


def _inventory(ws, spec: TemplateSpec, lists: dict[str, str]) -> None:
    last_col = spec.columns[-1].letter
    for column in spec.columns:
        ws.column_dimensions[column.letter].width = column.width
        ws.column_dimensions[column.letter].protection = UNLOCKED   # the filled department cells lock themselves
        _validation(ws, spec, column, lists)
    ws.row_dimensions[HEADER_ROW].height = 48
    ws.freeze_panes = f"B{spec.first_row}"
    print_setup(ws, f"{HEADER_ROW}:{HEADER_ROW}", title_columns="A:B")     # identifier and title on every page
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{HEADER_ROW}"
    _protect(ws)
    subtitle = texts.SUBTITLE.format(department=spec.department_name, campaign=spec.campaign_name,
                                     deadline=_deadline(spec))
    title = WriteOnlyCell(ws, texts.TITLE)
    title.font = Font(bold=True, size=14)
    ws.append([title])
    ws.append([subtitle])
    for _ in range(3, HEADER_ROW):
        ws.append([])
    ws.append(_placed(spec, {_index(c): _header(ws, c) for c in spec.columns}))
    _rows(ws, spec)


def _placed(spec: TemplateSpec, cells: dict[int, object]) -> list:
    """A row of cells by column index (0-based), gaps empty."""
    return [cells.get(i) for i in range(max(_index(c) for c in spec.columns) + 1)]


def _header(ws, column: Column):
    cell = WriteOnlyCell(ws, column.title)
    cell.font = Font(bold=column.required)
    cell.fill = REQUIRED_FILL if column.required else OPTIONAL_FILL
    cell.alignment = Alignment(wrap_text=True, vertical="center")
    note = column.hint + (f"\n({column.rule})" if column.rule else "")
    cell.comment = Comment(note, "odaudit", width=300, height=120)
    return cell


def _index(column: Column) -> int:
    return column_index_from_string(column.letter) - 1


def _rows(ws, spec: TemplateSpec) -> None:
    """Prefilled items, then blank rows; the department cell of each is filled and locked. Rows
    below them stay open, department included, so a clerk who needs more rows can fill them."""
    for offset in range(spec.filled_rows):
        values = spec.prefill[offset] if offset < len(spec.prefill) else {}
        cells = {}
        for column in spec.columns:
            cell = WriteOnlyCell(ws)
            if column.kind == "date":
                cell.number_format = DATE_FORMAT
            elif column.kind == "integer":
                cell.number_format = "0"
            if column.name == "department":
                put(cell, spec.department_name)
                cell.fill, cell.protection = LOCKED_FILL, LOCKED
            else:
                cell.protection = UNLOCKED
                if values.get(column.name) is not None:
                    put(cell, values[column.name])
            cells[_index(column)] = cell
        ws.append(_placed(spec, cells))


def _validation(ws, spec: TemplateSpec, column: Column, lists: dict[str, str]) -> None:
    """The dropdown or check of a column, with the field description as its input message."""
    if column.name == "department":
        dv = DataValidation(showInputMessage=True, promptTitle=column.title[:32], prompt=texts.LOCKED_HINT)
    elif column.choices:
        dv = DataValidation("list", formula1=lists[column.name], allow_blank=True, showErrorMessage=True,
                            errorTitle=texts.ERROR_TITLE, error=texts.ERROR_LIST)
    elif column.kind == "date":
        dv = _date_validation(spec)
    elif column.kind == "integer":
        minimum = column.minimum or 0
        dv = DataValidation("whole", operator="greaterThanOrEqual", formula1=str(minimum), allow_blank=True,
                            showErrorMessage=True, errorTitle=texts.ERROR_TITLE,
                            error=texts.ERROR_INTEGER.format(minimum=minimum))
    else:
        dv = DataValidation(allow_blank=True)
    dv.showInputMessage = True
    dv.promptTitle = column.title[:32]
    dv.prompt = dv.prompt or column.hint[:255]
    dv.add(f"{column.letter}{spec.first_row}:{column.letter}{spec.last_validated_row}")
    ws.data_validations.append(dv)


def _date_validation(spec: TemplateSpec) -> DataValidation:
    floor = f"DATE({DATE_FLOOR.year},{DATE_FLOOR.month},{DATE_FLOOR.day})"
    common = dict(allow_blank=True, showErrorMessage=True, errorTitle=texts.ERROR_TITLE)
    if spec.as_of:
        ceiling = f"DATE({spec.as_of.year},{spec.as_of.month},{spec.as_of.day})"
        return DataValidation("date", operator="between", formula1=floor, formula2=ceiling,
                              error=texts.ERROR_DATE.format(as_of=spec.as_of.strftime("%d.%m.%Y")), **common)
    return DataValidation("date", operator="greaterThanOrEqual", formula1=floor, error=texts.ERROR_DATE_OPEN,
                          **common)


def _protect(ws) -> None:
    """Sheet protection without a password: only the department cells and the header are locked;
    formatting, sorting, filtering and adding or deleting rows stay allowed."""
    p = ws.protection
    p.sheet = True
    p.formatCells = p.formatColumns = p.formatRows = False
    p.insertRows = p.deleteRows = p.sort = p.autoFilter = False


def _identity(book, spec: TemplateSpec) -> None:
    meta = identity(spec.meta)
    for key, value in meta.items():
        book.custom_doc_props.append(StringProperty(name=key, value=value))
    book.properties.title = texts.TITLE
    book.properties.subject = f"{spec.campaign} / {spec.department}"
    book.properties.creator = "odaudit"
    ws = book.create_sheet(texts.META_SHEET)
    for key, value in meta.items():
        ws.append([key, value])
    ws.sheet_state = "hidden"


def _deadline(spec: TemplateSpec) -> str:
    return spec.deadline.strftime("%d.%m.%Y") if spec.deadline else texts.NO_DEADLINE
