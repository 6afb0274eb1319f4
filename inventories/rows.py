"""One builder of correct inventory rows and one writer of inventory files, shared by the demo
campaign (build_demo.py), the bench, the tests and tests/data/make_data.py.

Field names and header titles come from the inventory schema, never from a column list here.
Output is deterministic: fixed document dates and zip timestamps, so the same rows give the
same bytes on every run. Import it with inventories/ on sys.path (tests/conftest.py,
bench/campaign.py and make_data.py put it there; build_demo.py runs from it).

    row(n, preset=None, **changes)     a correct row; BASE, then a preset (CAMPAIGN, CLERK), then changes
    values(row, names=NAMES)           the row's cells in schema order
    inventory_rows(rows, ...)          title block + header + one list of cells per row
    write_inventory(path, rows, ...)   an .xlsx inventory as a clerk fills the template
    xlsx_bytes(sheets), csv_text(...)  the grid writers underneath (cells may be Text or Formula)
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from audits.inventory.schema import load_schema

SCHEMA = load_schema()
NAMES = SCHEMA.names                                   # id, title, ... notes (columns A..W)
TITLES = [f["title"] for f in SCHEMA.fields]           # the Ukrainian headers
SHEET = "Інвентаризація"
TITLE = "Інвентаризація інформаційних ресурсів"
DEPARTMENT = "Управління інформаційно-комунікаційних технологій"
ZIP_TIME = (2020, 5, 10, 9, 0, 0)
DOC_TIME = "2020-05-10T09:00:00Z"

# --- rows -------------------------------------------------------------------------------------

OMIT = object()
"""A preset value: the field is not in the row at all (a clerk leaves it to the template)."""

# The correct row of the reader, bad-input and check tests (tests/builders.py: item). Strings
# may hold {n}, the row's number; every field of the schema, in its order.
BASE = {
    "id": "ds-{n:03d}", "title": "Журнал обліку службових відряджень {n}",
    "description": "Перелік нежитлових приміщень з адресами та площею", "department": DEPARTMENT,
    "responsible_person": "Коваленко Олена Петрівна", "responsible_email": "o.kovalenko@lutskrada.gov.ua",
    "legal_basis": "Закон України «Про місцеве самоврядування в Україні», ст. 29",
    "purpose": "Облік майна громади", "storage": "електронна таблиця", "format": "XLSX",
    "update_frequency": "Щомісяця", "last_updated": date(2020, 3, 1), "current_as_of": date(2020, 3, 1),
    "records": 120, "language": "українська", "keywords": "майно, оренда", "personal_data": "ні",
    "access": "відкрита", "published": "ні", "portal_url": None, "catalogue_ref": None,
    "requests_per_year": 3, "notes": None,
}
if list(BASE) != NAMES:
    raise RuntimeError(f"rows.BASE does not follow the inventory schema's fields: {NAMES}")

# The campaign, flow, CLI and store tests' row (tests/campaigns.py: good_row).
CAMPAIGN = {
    "title": "Перелік об'єктів номер {n}", "description": "Опис набору даних", "department": "Управління ІКТ",
    "legal_basis": "Закон України «Про доступ до публічної інформації»", "purpose": "Облік",
    "keywords": "облік, майно",
}

# A row as a clerk types it into a template from its lists (tests/clerk.py: clerk_row): the
# department is left to the template, the optional link, reference and notes are not typed.
CLERK = {
    "id": "ukt-{n:03d}", "title": "Реєстр звернень громадян {n}",
    "description": "Звернення громадян до управління з датами та результатами розгляду", "department": OMIT,
    "responsible_person": "Мельник Андрій Олегович", "responsible_email": "a.melnyk@lutskrada.gov.ua",
    "legal_basis": "Закон України «Про звернення громадян»", "purpose": "Облік звернень",
    "storage": "інформаційна система", "records": 1200, "keywords": "звернення, громадяни, облік",
    "portal_url": OMIT, "catalogue_ref": OMIT, "requests_per_year": 4, "notes": OMIT,
}


def row(n: int, preset: dict | None = None, **changes) -> dict:
    """A correct inventory row number ``n``: BASE with ``preset``'s overrides (CAMPAIGN, CLERK),
    then ``changes`` (which plant a mistake). Only the schema's field names are accepted."""
    unknown = set(changes) - set(NAMES)
    if unknown:
        raise KeyError(f"not inventory fields: {sorted(unknown)}")
    made = {}
    for name, value in {**BASE, **(preset or {})}.items():
        if value is not OMIT:
            made[name] = value.format(n=n) if isinstance(value, str) else value
    made.update(changes)
    return made


def values(row: dict, names: list[str] = NAMES) -> list:
    """The row's cells in the order of ``names`` (the schema's fields; a missing field is None)."""
    return [row.get(name) for name in names]


def inventory_rows(rows: list[dict | None], title_block: bool = True, header: list | None = None, *,
                   title: str = TITLE, department: str | None = None) -> list[list]:
    """Title block (rows 1-3: ``title``, the department, blank) + header (row 4) + one list of
    cells per row, as a clerk fills the template. None in ``rows`` is a blank row. The
    department line is ``department``, else the first row's department (no rows: blank)."""
    grid = []
    if title_block:
        if department is None:
            department = rows[0]["department"] if rows else ""
        grid += [[title], [department], []]
    return grid + [list(header or TITLES)] + [[] if r is None else values(r) for r in rows]


def write_inventory(path: Path, rows: list[dict | None], *, title_block: bool = True, sheet: str = SHEET,
                    as_text_dates: bool = False, header: list | None = None, title: str = TITLE,
                    date_format: str | None = None) -> Path:
    """An .xlsx inventory: ``inventory_rows`` on one sheet. ``as_text_dates`` writes dates as
    дд.мм.рррр text; ``date_format`` is the number format of date cells (None: openpyxl's)."""
    if as_text_dates:
        rows = [None if r is None else {k: _text_date(v) for k, v in r.items()} for r in rows]
    grid = inventory_rows(rows, title_block, header, title=title)
    path.write_bytes(xlsx_bytes([(sheet, grid)], date_format=date_format))
    return path


def _text_date(value):
    return value.strftime("%d.%m.%Y") if isinstance(value, date) else value


# --- cell markers for the xlsx writer -------------------------------------------------------

@dataclass(frozen=True)
class Text:
    """A text cell whose content starts with '=' (stays text; openpyxl would make a formula)."""
    text: str


@dataclass(frozen=True)
class Formula:
    """A formula cell; ``cached`` is the result a spreadsheet program saves beside it
    (None: no cached value, as openpyxl writes formulas)."""
    formula: str
    cached: int | None = None


# --- zip packaging --------------------------------------------------------------------------

_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?")


def repack(data: bytes, edit=None) -> bytes:
    """The same archive with fixed timestamps (zip entries and document properties), in the
    same member order and compression; ``edit(name, bytes) -> bytes`` may rewrite members."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename in ("docProps/core.xml", "meta.xml"):
                content = _STAMP.sub(DOC_TIME, content.decode("utf-8")).encode("utf-8")
            if edit is not None:
                content = edit(info.filename, content)
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = info.compress_type
            fixed.create_system = 3
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, content)
    return out.getvalue()


# --- grid writers -----------------------------------------------------------------------------

def xlsx_bytes(sheets: list[tuple[str, list[list]]], date_format: str | None = None) -> bytes:
    """A workbook with ``sheets`` = [(title, rows)]; a row is a list of cell values in
    columns A, B, ... ([] is a blank row, None an absent cell). Cells may be :class:`Text` or
    :class:`Formula`; date cells get ``date_format`` when given."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    cached = {}
    for index, (title, rows) in enumerate(sheets, start=1):
        sheet = book.create_sheet(title)
        for r, cells in enumerate(rows, start=1):
            for c, value in enumerate(cells, start=1):
                if value is None:
                    continue
                cell = sheet.cell(r, c)
                if isinstance(value, Text):
                    cell.value = value.text
                    cell.data_type = "s"
                elif isinstance(value, Formula):
                    cell.value = value.formula
                    if value.cached is not None:
                        cached[(index, cell.coordinate)] = value.cached
                else:
                    cell.value = value
                    if date_format and isinstance(value, date):
                        cell.number_format = date_format
    buffer = io.BytesIO()
    book.save(buffer)

    def put_cached(name: str, content: bytes) -> bytes:
        match = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", name)
        for (index, ref), result in cached.items():
            if match and int(match.group(1)) == index:
                content = re.sub(rb'(<c r="%s"[^>]*><f>[^<]*</f>)(?:<v ?/>|<v></v>)' % ref.encode(),
                                 rb"\g<1><v>%d</v>" % result, content)
        return content

    return repack(buffer.getvalue(), put_cached)


def csv_text(rows: list[list], delimiter: str, newline: str = "\r\n") -> str:
    """Rows as a spreadsheet program saves them: dates as дд.мм.рррр, quoting only where needed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    for cells in rows:
        writer.writerow(["" if v is None else v.strftime("%d.%m.%Y") if isinstance(v, date) else v
                         for v in cells])
    return buffer.getvalue()
