"""Builders shared by the reader, bad-input and check tests and by tests/data/make_data.py.

Every builder is deterministic (fixed document dates, fixed zip timestamps), so make_data.py
writes byte-identical files on every run. Large or hostile files are never committed: the
tests build them in tmp_path with the streaming writers at the end of this module.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from audits.inventory.grid import column_letter
from audits.inventory.schema import load_schema

SCHEMA = load_schema()
NAMES = SCHEMA.names                                   # id, title, ... notes (columns A..W)
TITLES = [f["title"] for f in SCHEMA.fields]           # the Ukrainian headers
LETTER = {name: column_letter(i) for i, name in enumerate(NAMES)}
AS_OF = date(2020, 6, 1)
ZIP_TIME = (2020, 5, 10, 9, 0, 0)
DOC_TIME = "2020-05-10T09:00:00Z"
DEPARTMENT = "Управління інформаційно-комунікаційних технологій"


def item(n: int, **changes) -> dict:
    """A correct inventory row (``id`` ds-00n); ``changes`` plant one mistake."""
    row = {
        "id": f"ds-{n:03d}", "title": f"Журнал обліку службових відряджень {n}",
        "description": "Перелік нежитлових приміщень з адресами та площею", "department": DEPARTMENT,
        "responsible_person": "Коваленко Олена Петрівна", "responsible_email": "o.kovalenko@lutskrada.gov.ua",
        "legal_basis": "Закон України «Про місцеве самоврядування в Україні», ст. 29",
        "purpose": "Облік майна громади", "storage": "електронна таблиця", "format": "XLSX",
        "update_frequency": "Щомісяця", "last_updated": date(2020, 3, 1), "current_as_of": date(2020, 3, 1),
        "records": 120, "language": "українська", "keywords": "майно, оренда", "personal_data": "ні",
        "access": "відкрита", "published": "ні", "portal_url": None, "catalogue_ref": None,
        "requests_per_year": 3, "notes": None,
    }
    unknown = set(changes) - set(row)
    assert not unknown, unknown
    row.update(changes)
    return row


def values(row: dict, names: list[str] = NAMES) -> list:
    return [row.get(name) for name in names]


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


# --- xlsx (openpyxl) ------------------------------------------------------------------------

def xlsx_bytes(sheets: list[tuple[str, list[list]]]) -> bytes:
    """A workbook with ``sheets`` = [(title, rows)]; a row is a list of cell values in
    columns A, B, ... ([] is a blank row). Cells may be :class:`Text` or :class:`Formula`."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    cached = {}
    for index, (title, rows) in enumerate(sheets, start=1):
        sheet = book.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
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


def inventory_rows(items: list[dict], title_block: bool = True, header: list | None = None) -> list[list]:
    """Title block (rows 1-3) + header (row 4) + one row per item, as a clerk fills the template."""
    rows = [["Інвентаризація інформаційних ресурсів"], [DEPARTMENT], []] if title_block else []
    return rows + [list(header or TITLES)] + [values(i) for i in items]


def write_xlsx(path: Path, items: list[dict], title_block: bool = True, sheet: str = "Інвентаризація") -> Path:
    path.write_bytes(xlsx_bytes([(sheet, inventory_rows(items, title_block))]))
    return path


# --- csv --------------------------------------------------------------------------------------

def csv_text(rows: list[list], delimiter: str, newline: str = "\r\n") -> str:
    """Rows as a spreadsheet program saves them: dates as дд.мм.рррр, quoting only where needed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    for row in rows:
        writer.writerow(["" if v is None else v.strftime("%d.%m.%Y") if isinstance(v, date) else v
                         for v in row])
    return buffer.getvalue()


# --- streaming writers for large and hostile files (tmp_path only) --------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>')
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Інвентаризація" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>')
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>'
WORKSHEET = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
SHEET_END = b"</sheetData></worksheet>"


def row_xml(number: int, cells: list) -> bytes:
    """One <row> of an xlsx sheet: numbers as numbers, dates as дд.мм.рррр text, the rest text."""
    parts = []
    for i, value in enumerate(cells):
        if value is None:
            continue
        ref = f"{column_letter(i)}{number}"
        if isinstance(value, int) and not isinstance(value, bool):
            parts.append(f'<c r="{ref}"><v>{value}</v></c>')
        else:
            text = value.strftime("%d.%m.%Y") if isinstance(value, date) else str(value)
            parts.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>')
    return f'<row r="{number}">{"".join(parts)}</row>'.encode("utf-8")


def write_raw_xlsx(path: Path, sheet_chunks, dimension: str | None = "A1:W1", extra: dict | None = None,
                   doctype: bytes = b"") -> Path:
    """An .xlsx whose sheet XML is streamed from ``sheet_chunks`` (bytes, after <sheetData>),
    so a million rows take a second. ``dimension=None`` leaves out the optional <dimension>.
    ``extra``: more members {name: bytes}; ``doctype`` goes before the root element."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(XML_DECLARATION + doctype + WORKSHEET)
            if dimension:
                sheet.write(b'<dimension ref="%s"/>' % dimension.encode())
            sheet.write(b"<sheetData>")
            for chunk in sheet_chunks:
                sheet.write(chunk)
            sheet.write(SHEET_END)
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return path


ODS_NAMESPACES = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def ods_row(cells: list, repeat: int = 1) -> str:
    """One <table:table-row> of text cells (None: an empty cell)."""
    attr = f' table:number-rows-repeated="{repeat}"' if repeat != 1 else ""
    parts = ["<table:table-cell/>" if v is None else
             f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'
             for v in cells]
    return f"<table:table-row{attr}>{''.join(parts)}</table:table-row>"


def write_raw_ods(path: Path, rows_xml: str | None = None, content: str | bytes | None = None,
                  mimetype: bytes = b"application/vnd.oasis.opendocument.spreadsheet") -> Path:
    """An .ods with one sheet made of ``rows_xml``, or with ``content`` as the whole content.xml."""
    if content is None:
        content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NAMESPACES}>'
                   f'<office:body><office:spreadsheet><table:table table:name="Інвентаризація">{rows_xml}'
                   "</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
    return path


def flat(report_or_findings) -> list[tuple]:
    """Findings as (row, column letter, field, code): what the clerk is pointed at."""
    findings = getattr(report_or_findings, "findings", report_or_findings)
    return [(f.row, f.column_letter, f.field, f.code) for f in findings]
