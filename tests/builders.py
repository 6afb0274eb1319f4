"""Builders shared by the reader, bad-input and check tests and by tests/data/make_data.py.

Every builder is deterministic (fixed document dates, fixed zip timestamps), so make_data.py
writes byte-identical files on every run. Large or hostile files are never committed: the
tests build them in tmp_path with the streaming writers at the end of this module.
"""
from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from audits.inventory.grid import column_letter
from rows import (  # the one row builder and inventory writer (inventories/rows.py), under the names tests use
    DEPARTMENT,
    DOC_TIME,
    NAMES,
    SCHEMA,
    TITLES,
    ZIP_TIME,
    Formula,
    Text,
    csv_text,
    inventory_rows,
    repack,
    row as item,
    values,
    xlsx_bytes,
)

__all__ = ["AS_OF", "DEPARTMENT", "DOC_TIME", "LETTER", "NAMES", "SCHEMA", "TITLES", "ZIP_TIME", "Formula", "Text",
           "csv_text", "flat", "inventory_rows", "item", "repack", "values", "xlsx_bytes"]

LETTER = {name: column_letter(i) for i, name in enumerate(NAMES)}
AS_OF = date(2020, 6, 1)


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
