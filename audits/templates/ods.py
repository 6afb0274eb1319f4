"""Write a department's template as .ods (odfpy) for offices on LibreOffice: the same sheets,
hints, dropdowns, checks, locked department and identity as the .xlsx."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from odf import teletype
from odf.config import ConfigItem, ConfigItemMapEntry, ConfigItemMapIndexed, ConfigItemMapNamed, ConfigItemSet
from odf.meta import UserDefined
from odf.number import DateStyle, Day, Month, Text as NumberText, Year
from odf.office import Annotation
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style, TableCellProperties, TableColumnProperties, TableProperties, TextProperties
from odf.table import (
    ContentValidation,
    ContentValidations,
    ErrorMessage,
    HelpMessage,
    Table,
    TableCell,
    TableColumn,
    TableRow,
)
from odf.text import P

from . import texts
from .identity import identity
from .instructions import instruction_rows
from .spec import DATE_FLOOR, HEADER_ROW, Column, TemplateSpec

CM_PER_CHAR = 0.21


def write_ods_template(spec: TemplateSpec, path: Path) -> Path:
    doc = OpenDocumentSpreadsheet()
    styles = _styles(doc, spec)
    validations = ContentValidations()
    doc.spreadsheet.addElement(validations)
    doc.spreadsheet.addElement(_instructions(spec, styles))
    doc.spreadsheet.addElement(_inventory(spec, styles, _validations(spec, validations)))
    doc.spreadsheet.addElement(_lists(spec, styles))
    doc.spreadsheet.addElement(_identity_sheet(spec, styles))
    for key, value in identity(spec.meta).items():
        prop = UserDefined(name=key, valuetype="string")
        prop.addText(value)
        doc.meta.addElement(prop)
    _freeze_header(doc)
    doc.save(str(path))
    return path


def _style(doc, name: str, family: str, *props, **attrs) -> Style:
    style = Style(name=name, family=family, **attrs)
    for prop in props:
        style.addElement(prop)
    doc.automaticstyles.addElement(style)
    return style


def _styles(doc, spec: TemplateSpec) -> dict:
    dmy = DateStyle(name="dmy")
    for part in (Day(style="long"), NumberText(text="."), Month(style="long"), NumberText(text="."),
                 Year(style="long")):
        dmy.addElement(part)
    doc.automaticstyles.addElement(dmy)
    s = {"hidden": _style(doc, "hidden", "table", TableProperties(display="false")),
         "free": _style(doc, "free", "table-cell", TableCellProperties(cellprotect="none")),
         "free-date": _style(doc, "free-date", "table-cell", TableCellProperties(cellprotect="none"),
                             datastylename="dmy"),
         "date": _style(doc, "date", "table-cell", datastylename="dmy"),
         "dept": _style(doc, "dept", "table-cell",
                        TableCellProperties(backgroundcolor="#f2f2f2", cellprotect="protected")),
         "bold": _style(doc, "bold", "table-cell", TextProperties(fontweight="bold")),
         "title": _style(doc, "title", "table-cell", TextProperties(fontweight="bold", fontsize="14pt")),
         "wrap": _style(doc, "wrap", "table-cell", TableCellProperties(wrapoption="wrap"))}
    for required, colour in ((True, "#bdd7ee"), (False, "#e7e6e6")):
        s[f"header-{required}"] = _style(doc, f"header-{int(required)}", "table-cell",
                                         TableCellProperties(backgroundcolor=colour, wrapoption="wrap",
                                                             cellprotect="protected"),
                                         TextProperties(fontweight="bold" if required else "normal"))
    for width in {c.width for c in spec.columns} | {14, 34, 40, 70}:
        s[f"col-{width:g}"] = _style(doc, f"col-{width:g}", "table-column",
                                     TableColumnProperties(columnwidth=f"{width * CM_PER_CHAR:.2f}cm"))
    return s


def _cell(value, style=None, validation: str | None = None) -> TableCell:
    attrs = {"stylename": style} if style is not None else {}
    if validation:
        attrs["contentvalidationname"] = validation
    if value is None:
        return TableCell(**attrs)
    if isinstance(value, date):
        return TableCell(valuetype="date", datevalue=value.isoformat(), **attrs)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return TableCell(valuetype="float", value=value, **attrs)
    cell = TableCell(valuetype="string", **attrs)
    paragraph = P()
    teletype.addTextToElement(paragraph, str(value))
    cell.addElement(paragraph)
    return cell


def _instructions(spec: TemplateSpec, s: dict) -> Table:
    table = Table(name=texts.INSTRUCTIONS_SHEET)
    for width in (34, 14, 70, 40):
        table.addElement(TableColumn(stylename=s[f"col-{width:g}"]))
    for kind, values in instruction_rows(spec):
        row = TableRow()
        for index, value in enumerate(values):
            style = s["title"] if kind == "title" else s["bold"] if (
                kind in ("heading", "table-header") or (kind == "fact" and index == 0)) else s["wrap"]
            row.addElement(_cell(value, s["date"] if isinstance(value, date) else style))
        if not values:
            row.addElement(TableCell())
        table.addElement(row)
    return table


def _validations(spec: TemplateSpec, container: ContentValidations) -> dict[str, str]:
    """One content validation per column (input message, and a list or a check); name by field."""
    names, list_index = {}, 0
    for column in spec.columns:
        name = f"v-{column.name}"
        attrs = {"name": name, "basecelladdress": f"{texts.INVENTORY_SHEET}.{column.letter}{spec.first_row}"}
        error = _condition(spec, column, list_index, attrs)
        if column.choices:
            list_index += 1
        validation = ContentValidation(**attrs)
        help_message = HelpMessage(title=column.title[:32], display="true")
        help_message.addElement(P(text=texts.LOCKED_HINT if column.name == "department" else column.hint))
        validation.addElement(help_message)
        if error:
            message = ErrorMessage(messagetype="stop", title=texts.ERROR_TITLE, display="true")
            message.addElement(P(text=error))
            validation.addElement(message)
        container.addElement(validation)
        names[column.name] = name
    return names


def _condition(spec: TemplateSpec, column: Column, list_index: int, attrs: dict) -> str | None:
    """Set the condition of ``column`` in ``attrs``; returns its error message (None: no check)."""
    from ..inventory.grid import column_letter

    if column.name == "department":
        return None
    if column.choices:
        letter = column_letter(list_index)
        attrs.update(condition=f"of:cell-content-is-in-list([${texts.LISTS_SHEET}.${letter}$1:.${letter}$"
                               f"{len(column.choices)}])", allowemptycell="true", displaylist="unsorted")
        return texts.ERROR_LIST
    if column.kind == "date":
        floor = f"DATE({DATE_FLOOR.year};{DATE_FLOOR.month};{DATE_FLOOR.day})"
        if spec.as_of:
            ceiling = f"DATE({spec.as_of.year};{spec.as_of.month};{spec.as_of.day})"
            attrs.update(condition=f"of:cell-content-is-date() and cell-content-is-between({floor},{ceiling})",
                         allowemptycell="true")
            return texts.ERROR_DATE.format(as_of=spec.as_of.strftime("%d.%m.%Y"))
        attrs.update(condition=f"of:cell-content-is-date() and cell-content()>={floor}", allowemptycell="true")
        return texts.ERROR_DATE_OPEN
    if column.kind == "integer":
        minimum = column.minimum or 0
        attrs.update(condition=f"of:cell-content-is-whole-number() and cell-content()>={minimum}",
                     allowemptycell="true")
        return texts.ERROR_INTEGER.format(minimum=minimum)
    return None


def _inventory(spec: TemplateSpec, s: dict, validations: dict[str, str]) -> Table:
    table = Table(name=texts.INVENTORY_SHEET, protected="true")
    for column in spec.columns:
        table.addElement(TableColumn(stylename=s[f"col-{column.width:g}"],
                                     defaultcellstylename=s["free"]))
    deadline = spec.deadline.strftime("%d.%m.%Y") if spec.deadline else texts.NO_DEADLINE
    for value, style in ((texts.TITLE, s["title"]), (texts.SUBTITLE.format(
            department=spec.department_name, campaign=spec.campaign_name, deadline=deadline), None)):
        row = TableRow()
        row.addElement(_cell(value, style))
        table.addElement(row)
    table.addElement(_header_row(spec, s))
    for offset in range(spec.filled_rows):
        values = spec.prefill[offset] if offset < len(spec.prefill) else {}
        table.addElement(_data_row(spec, s, validations, {**values, "department": spec.department_name}))
    rest = spec.last_validated_row - spec.first_row + 1 - spec.filled_rows
    if rest > 0:
        table.addElement(_data_row(spec, s, validations, {}, repeat=rest))
    return table


def _header_row(spec: TemplateSpec, s: dict) -> TableRow:
    row = TableRow()
    for column in spec.columns:
        cell = TableCell(valuetype="string", stylename=s[f"header-{column.required}"])
        note = Annotation()
        note.addElement(P(text=column.hint + (f" ({column.rule})" if column.rule else "")))
        cell.addElement(note)
        cell.addElement(P(text=column.title))
        row.addElement(cell)
    return row


def _data_row(spec: TemplateSpec, s: dict, validations: dict[str, str], values: dict, repeat: int = 1) -> TableRow:
    row = TableRow(numberrowsrepeated=repeat) if repeat > 1 else TableRow()
    for column in spec.columns:
        if column.name == "department" and values.get("department"):
            style = s["dept"]              # filled and locked; rows below the filled block stay open
        else:
            style = s["free-date"] if column.kind == "date" else s["free"]
        row.addElement(_cell(values.get(column.name), style, validations[column.name]))
    return row


def _lists(spec: TemplateSpec, s: dict) -> Table:
    table = Table(name=texts.LISTS_SHEET, stylename=s["hidden"])
    listed = [c.choices for c in spec.columns if c.choices]
    for index in range(max(len(c) for c in listed)):
        row = TableRow()
        for choices in listed:
            row.addElement(_cell(choices[index] if index < len(choices) else None))
        table.addElement(row)
    return table


def _identity_sheet(spec: TemplateSpec, s: dict) -> Table:
    table = Table(name=texts.META_SHEET, stylename=s["hidden"])
    for key, value in identity(spec.meta).items():
        row = TableRow()
        row.addElement(_cell(key))
        row.addElement(_cell(value))
        table.addElement(row)
    return table


def _freeze_header(doc) -> None:
    """Freeze the rows above the first data row and the first column of the inventory sheet."""
    def item(name: str, kind: str, value) -> ConfigItem:
        element = ConfigItem(name=name, type=kind)
        element.addText(str(value))
        return element

    sheet = ConfigItemMapEntry(name=texts.INVENTORY_SHEET)
    for name, kind, value in (("HorizontalSplitMode", "short", 2), ("VerticalSplitMode", "short", 2),
                              ("HorizontalSplitPosition", "int", 1), ("VerticalSplitPosition", "int", HEADER_ROW),
                              ("ActiveSplitRange", "short", 2), ("PositionLeft", "int", 0),
                              ("PositionRight", "int", 1), ("PositionTop", "int", 0),
                              ("PositionBottom", "int", HEADER_ROW)):
        sheet.addElement(item(name, kind, value))
    tables = ConfigItemMapNamed(name="Tables")
    tables.addElement(sheet)
    view = ConfigItemMapEntry()
    view.addElement(item("ViewId", "string", "view1"))
    view.addElement(tables)
    views = ConfigItemMapIndexed(name="Views")
    views.addElement(view)
    settings = ConfigItemSet(name="ooo:view-settings")
    settings.addElement(views)
    doc.settings.addElement(settings)
