"""Write the small named test files of tests/data/ (deterministic: same bytes on every run).

Run: .venv/bin/python tests/data/make_data.py

Each file shows one thing and is named for it. Large or hostile files (zip bombs, a million
rows, 16,384 columns, billion laughs) are never committed: the tests build them at run time.
Row numbers below are the ones the clerk sees in the spreadsheet.
"""
from __future__ import annotations

import io
import random
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path
from unittest import mock

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "inventories"))

from rows import (  # noqa: E402  (the one row builder and inventory writer, inventories/rows.py)
    DEPARTMENT,
    NAMES,
    TITLES,
    Formula,
    Text,
    csv_text,
    inventory_rows,
    repack,
    row as item,
    values,
    xlsx_bytes,
)

PASSWORD = "секрет"


def title_block() -> bytes:
    """Title rows 1-3, header on row 4, data on 5, 6, 8 and 11 (blank rows 7, 9, 10);
    a wrong e-mail on row 8 and a frequency not from the list on row 11."""
    rows = inventory_rows([item(1), item(2)])
    rows += [[], values(item(3, responsible_email="нема пошти")), [], [],
             values(item(4, update_frequency="коли треба"))]
    return xlsx_bytes([("Інвентаризація", rows)])


def dates_as_text() -> bytes:
    """Header on row 1; «Дата останнього оновлення» (column L) written every way clerks write
    5 March 2020 (rows 2-9); row 10 has 31.02.2020. «Дані актуальні на дату» is ISO text."""
    written = [date(2020, 3, 5), datetime(2020, 3, 5, 14, 30), "05.03.2020", "5.3.2020", "05.03.2020 0:00",
               "05/03/2020", "2020-03-05", "2020-03-05T00:00:00", "31.02.2020"]
    rows = [TITLES] + [values(item(n, last_updated=when, current_as_of="2020-03-01"))
                       for n, when in enumerate(written, start=1)]
    return xlsx_bytes([("Інвентаризація", rows)])


def formula_cells() -> bytes:
    """Row 2: N2 =100+20 with the cached result 120 (as Excel saves it), V2 =1+2 without a
    cached value (as openpyxl saves it), W2 the text «=1+1». Row 3: the title is a formula
    without a cached value, so the required cell B3 is empty for the reader."""
    rows = [TITLES,
            values(item(1, records=Formula("=100+20", cached=120), requests_per_year=Formula("=1+2"),
                        notes=Text("=1+1"))),
            values(item(2, title=Formula('=CONCATENATE("Перелік ","майна")')))]
    return xlsx_bytes([("Інвентаризація", rows)])


def inventory_ods() -> bytes:
    """LibreOffice-style .ods: row 1 title, rows 2-3 one blank row repeated twice, header on
    row 4, row 5 item 1 (dates as date cells, L:M one cell repeated over two columns, a formula
    with its cached value, a boolean cell, a comment, a line break, «=1+1» as text), rows 6-7
    item 2 as one row repeated twice (so a duplicate id), then a million blank rows; every row
    padded with empty cells repeated to column AMJ."""
    from odf import teletype
    from odf.office import Annotation
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    def text_cell(text: str) -> TableCell:
        cell = TableCell(valuetype="string")
        paragraph = P()
        teletype.addTextToElement(paragraph, text)
        cell.addElement(paragraph)
        return cell

    def padded(cells: list, repeat: int = 1) -> TableRow:
        row = TableRow(numberrowsrepeated=repeat) if repeat != 1 else TableRow()
        for cell in cells:
            row.addElement(cell)
        row.addElement(TableCell(numbercolumnsrepeated=1024 - len(cells)))
        return row

    def item_cells(row: dict) -> list:
        cells = []
        for name in NAMES:
            value = row[name]
            if name == "current_as_of":
                continue                      # covered by last_updated's repeated cell
            if name == "last_updated":
                cells.append(TableCell(valuetype="date", datevalue=value.isoformat(), numbercolumnsrepeated=2))
            elif name == "records":
                cells.append(TableCell(valuetype="float", value=str(value), formula=f"of:={value - 20}+20"))
            elif name == "personal_data":
                cells.append(TableCell(valuetype="boolean", booleanvalue="false"))
            elif name == "portal_url":
                cells.append(TableCell(numbercolumnsrepeated=2))   # portal_url and catalogue_ref empty
            elif name == "catalogue_ref":
                continue
            elif isinstance(value, int):
                cells.append(TableCell(valuetype="float", value=str(value)))
            elif value is None:
                cells.append(TableCell())
            else:
                cells.append(text_cell(value))
        return cells

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Інвентаризація")
    table.addElement(padded([text_cell("Інвентаризація інформаційних ресурсів")]))
    table.addElement(padded([], repeat=2))
    table.addElement(padded([text_cell(t) for t in TITLES]))
    first = item_cells(item(1, description="Перший рядок\nдругий  рядок", notes="=1+1"))
    comment = Annotation()
    comment.addElement(P(text="Коментар рецензента: не враховувати"))
    first[1].addElement(comment)
    table.addElement(padded(first))
    table.addElement(padded(item_cells(item(2)), repeat=2))
    table.addElement(padded([], repeat=1_048_576 - 7))
    doc.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    doc.write(buffer)
    return repack(buffer.getvalue())


def cp1251_semicolon() -> bytes:
    """Excel «CSV (розділювач — крапка з комою)» on a Ukrainian Windows: Windows-1251, `;`,
    CRLF. Line 3 is blank; line 4 has «близько 500» records."""
    first = item(1, title="Графік чергувань зі зв’язку та під’їзду техніки", responsible_person="Ґонта Євген Їжакович",
                 keywords="майно; оренда; нерухомість")
    text = csv_text([TITLES, values(first)], ";") + "\r\n" + csv_text([values(item(2, records="близько 500"))], ";")
    return text.encode("cp1251")


def utf8_bom_comma() -> bytes:
    """Excel «CSV UTF-8 (розділювач — кома)»: a byte-order mark, `,`, commas inside quoted cells."""
    return b"\xef\xbb\xbf" + csv_text([TITLES, values(item(1)), values(item(2))], ",").encode("utf-8")


def utf8_tab() -> bytes:
    """UTF-8 without BOM, tab-separated, LF; cells contain commas and semicolons."""
    rows = [TITLES, values(item(1, description="Будинки, квартири; гаражі")), values(item(2, format="pdf"))]
    return csv_text(rows, "\t", newline="\n").encode("utf-8")


def multiline_cell() -> bytes:
    """Item 1's description spans lines 2-4 (a quoted cell with two line breaks); item 2 on
    line 5 has a bad id; line 6 is blank; item 3 on line 7 has 31.02.2020."""
    text = csv_text([TITLES, values(item(1, description="Перший рядок\nдругий рядок\nтретій рядок")),
                     values(item(2, id="ds 002"))], ",")
    return (text + "\r\n" + csv_text([values(item(3, last_updated="31.02.2020"))], ",")).encode("utf-8")


def not_a_pdf_spreadsheet() -> bytes:
    return (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def corrupt() -> bytes:
    """A good .xlsx cut off after 2,000 bytes (an interrupted upload): no central directory."""
    return xlsx_bytes([("Інвентаризація", inventory_rows([item(1), item(2)]))])[:2000]


def word_document() -> bytes:
    """A .docx renamed to .xlsx."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml",
                         '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"><Default Extension="rels" ContentType="application/'
                         'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                         'ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType='
                         '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                         "</Types>")
        archive.writestr("_rels/.rels",
                         '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                         'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
                         'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                         'Target="word/document.xml"/></Relationships>')
        archive.writestr("word/document.xml",
                         '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
                         'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
                         "Інвентаризація інформаційних ресурсів</w:t></w:r></w:p></w:body></w:document>")
    return repack(buffer.getvalue())


def password_protected() -> bytes:
    """A good inventory encrypted with a password (Excel: Файл → Відомості → Захистити книгу).
    The salts and the container's timestamps are fixed so the bytes are reproducible."""
    import msoffcrypto.method.container.ecma376_encrypted as container
    import msoffcrypto.method.ecma376_agile as agile
    from msoffcrypto.format.ooxml import OOXMLFile

    class FixedDatetime(datetime):
        @classmethod
        def now(cls, tz=None):
            return cls(2020, 5, 10, 9, 0)

    plain = xlsx_bytes([("Інвентаризація", inventory_rows([item(1)]))])
    rng = random.Random(835)
    out = io.BytesIO()
    with mock.patch.object(agile, "_random_buffer", rng.randbytes), \
            mock.patch.object(container, "datetime", FixedDatetime):
        OOXMLFile(io.BytesIO(plain)).encrypt(PASSWORD, out)
    return out.getvalue()


def csv_named_xlsx() -> bytes:
    """A UTF-8 `;` CSV saved with the .xlsx extension (mislabelled); header line 1, items 2-3."""
    return csv_text([TITLES, values(item(1)), values(item(2))], ";").encode("utf-8")


def no_header() -> bytes:
    """A title block and data rows, but the header row was deleted."""
    rows = [["Інвентаризація інформаційних ресурсів"], [DEPARTMENT], [], values(item(1)), values(item(2))]
    return xlsx_bytes([("Інвентаризація", rows)])


def instructions_sheet_first() -> bytes:
    """Sheet 1 «Інструкція» (prose naming a few columns); sheet 2 the inventory with a title
    block (header row 4); row 6 has an access level not from the list."""
    instructions = [
        ["Як заповнити інвентаризацію"],
        ["Заповніть аркуш «Інвентаризація»: один рядок — один набір даних."],
        ["Ідентифікатор", "унікальний код латиницею, наприклад ukt-001"],
        ["Назва набору даних", "Опис"],
        ["Періодичність оновлення — оберіть зі списку, наприклад «Щомісяця»."],
    ]
    inventory = inventory_rows([item(1), item(2, access="публічний доступ")])
    return xlsx_bytes([("Інструкція", instructions), ("Інвентаризація", inventory)])


ENGLISH_HEADER = ["ID", "Title", "DESCRIPTION", "department", "Responsible_Person", "Email", "legal_basis",
                  "purpose", "storage", "format", "update_frequency*", "last_updated", "current_as_of", "records",
                  "language", "keywords", "personal_data", "access", "published", "portal_url", "catalogue_ref",
                  "requests_per_year", "notes"]


def english_field_names() -> bytes:
    """The header written with the English field names (any case, a required star, «Email»)."""
    return xlsx_bytes([("Sheet1", [ENGLISH_HEADER, values(item(1)), values(item(2))])])


def aliases_in_cells() -> bytes:
    """Header row 1; rows 2-5 use other spellings the schema accepts (x-aliases, case,
    так/ні variants, boolean cells)."""
    rows = [TITLES,
            values(item(1, update_frequency="щомісячно", storage="Excel", format="xlsx", language="укр",
                        personal_data="Ні", published="НІ", access="Відкрита")),
            values(item(2, update_frequency="once a year", storage="база даних", format="бд",
                        access="конфіденційний", personal_data="Так", published="так",
                        portal_url="https://data.gov.ua/dataset/lutsk-2")),
            values(item(3, update_frequency="ЩОДНЯ", storage="папір", format="папір", personal_data=True,
                        access="ДСК", published=False)),
            values(item(4, update_frequency="Раз на квартал", personal_data="+", published="-",
                        access="службова"))]
    return xlsx_bytes([("Інвентаризація", rows)])


def unknown_and_duplicate_columns() -> bytes:
    """Header row 1 with the 23 template columns (A-W), X «Коментар ІКТ» (not in the template)
    and Y a second «Назва набору даних»; their cells must be ignored."""
    rows = [TITLES + ["Коментар ІКТ", "Назва набору даних"],
            values(item(1)) + ["перевірено", "Інша назва 1"],
            values(item(2)) + [None, "Інша назва 2"]]
    return xlsx_bytes([("Інвентаризація", rows)])


def missing_required_column() -> bytes:
    """Title block, header row 4 without «Правова підстава» (required) and «Мета збору»
    (optional), so «Періодичність оновлення» is in column I; row 6 has a wrong frequency."""
    kept = [n for n in NAMES if n not in ("legal_basis", "purpose")]
    header = [t for n, t in zip(NAMES, TITLES) if n in kept]
    rows = inventory_rows([], header=header, department=DEPARTMENT)
    rows += [values(item(1), kept), values(item(2, update_frequency="коли треба"), kept), values(item(3), kept)]
    return xlsx_bytes([("Інвентаризація", rows)])


ONE_MISTAKE_PER_ROW = [   # row: changes to a correct item (title block, header on row 4, row 5 is correct)
    (6, {"title": None}),
    (7, {"update_frequency": "коли треба"}),
    (8, {"last_updated": "31.02.2020"}),
    (9, {"records": "близько 500"}),
    (10, {"responsible_email": "o.kovalenko.lutskrada.gov.ua"}),
    (11, {"published": "так", "portal_url": "data.gov.ua/dataset/x"}),
    (12, {"id": "№ 12"}),
    (13, {"title": "д" * 255}),
    (14, {"requests_per_year": -3}),
    (15, {"id": "ds-005"}),
    (16, {"personal_data": "можливо"}),
    (17, {"published": "так"}),
    (18, {"personal_data": "так"}),
    (19, {"last_updated": date(2020, 6, 2)}),
    (20, {"current_as_of": "02.06.2020"}),
    (21, {"last_updated": date(2020, 6, 1), "current_as_of": "01.06.2020"}),   # on the as-of date: fine
]


def one_mistake_per_row() -> bytes:
    """Each row from 6 on carries exactly one mistake a check must find (see ONE_MISTAKE_PER_ROW)."""
    items = [item(5)] + [item(row, **changes) for row, changes in ONE_MISTAKE_PER_ROW]
    return xlsx_bytes([("Інвентаризація", inventory_rows(items))])


# A council's register of datasets in the national structure (shared reference dataset-register.csv):
# read as an inventory (tests/inventory/test_national_register.py).
REGISTER_NATIONAL = [
    ['identifier', 'title', 'description', 'accrualPeriodicity', 'keyword', 'purpose', 'landingPage',
     'distributionFormat', 'publisherName', 'publisherIdentifier', 'contactPointFn', 'contactPointHasEmail'],
    ['slavuta-budget', 'Бюджет Славутської міської територіальної громади',
     'Рішення про бюджет громади на поточний рік з додатками: доходи, видатки, фінансування', 'Щороку',
     'бюджет, доходи, видатки', 'Бюджетний кодекс України, ст. 28; постанова КМУ від 21.10.2015 № 835',
     'https://data.gov.ua/dataset/1b7e4c2a-5f1d-4c6e-9a3b-2d8f0e6a7c11', 'CSV, XLSX',
     'Фінансове управління Славутської міської ради', '02317329', 'Мельничук Тетяна Іванівна',
     'finance@slavuta-mvk.gov.ua'],
    ['slavuta-zupynky', 'Перелік зупинок громадського транспорту',
     'Зупинки міських автобусних маршрутів з назвами та координатами', 'Кожного півріччя',
     'транспорт, зупинки, маршрути',
     'Закон України «Про автомобільний транспорт»; постанова КМУ від 21.10.2015 № 835',
     'https://data.gov.ua/dataset/4c0f9d7e-2a61-4b8e-8f35-7e1d2c9b6a40', 'csv',
     "Відділ транспорту та зв'язку Славутської міської ради", '04060772', 'Кравчук Олег Миколайович',
     'transport@slavuta-mvk.gov.ua'],
    ['slavuta-ukryttia', 'Перелік захисних споруд цивільного захисту',
     'Сховища, протирадіаційні укриття та найпростіші укриття громади з адресами й місткістю',
     'Відразу після внесення змін', 'укриття, сховища, цивільний захист',
     'Кодекс цивільного захисту України, ст. 32',
     'https://data.gov.ua/dataset/9e2d7a13-6b4c-4f0e-a1d8-5c3b7f2e9d06', 'application/json',
     'Відділ з питань надзвичайних ситуацій Славутської міської ради', '04060772', 'Гнатюк Василь Петрович',
     'ns@slavuta-mvk.gov.ua'],
    ['slavuta-zvernennia', 'Звернення громадян до міської ради',
     'Кількість звернень громадян за темами та результатами розгляду, щокварталу', 'Щокварталу',
     'звернення, громадяни', 'Закон України «Про звернення громадян», ст. 28',
     'https://data.gov.ua/dataset/6a8c1e5f-3d27-4b9a-b0e4-8f2a6c4d1e73', 'XLSX',
     'Загальний відділ Славутської міської ради', '04060772', 'Ковальчук Наталія Олександрівна',
     'zvernennia@slavuta-mvk.gov.ua'],
]


def register_national() -> bytes:
    """The register as a council publishes it: UTF-8, comma, the national column names."""
    return csv_text(REGISTER_NATIONAL, ",", newline="\n").encode("utf-8")

FILES = {
    "title-block.xlsx": title_block,
    "dates-as-text.xlsx": dates_as_text,
    "formula-cells.xlsx": formula_cells,
    "inventory.ods": inventory_ods,
    "cp1251-semicolon.csv": cp1251_semicolon,
    "utf8-bom-comma.csv": utf8_bom_comma,
    "utf8-tab.csv": utf8_tab,
    "multiline-cell.csv": multiline_cell,
    "empty.csv": lambda: b"",
    "not-a-spreadsheet.pdf": not_a_pdf_spreadsheet,
    "corrupt.xlsx": corrupt,
    "word-document.xlsx": word_document,
    "password-protected.xlsx": password_protected,
    "csv-named-xlsx.xlsx": csv_named_xlsx,
    "no-header.xlsx": no_header,
    "instructions-sheet-first.xlsx": instructions_sheet_first,
    "english-field-names.xlsx": english_field_names,
    "aliases-in-cells.xlsx": aliases_in_cells,
    "unknown-and-duplicate-columns.xlsx": unknown_and_duplicate_columns,
    "missing-required-column.xlsx": missing_required_column,
    "one-mistake-per-row.xlsx": one_mistake_per_row,
    "register-national.csv": register_national,
}


def build(out: Path = HERE) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in FILES.items():
        path = out / name
        path.write_bytes(make())
        written.append(path)
    return written


if __name__ == "__main__":
    import sys

    for path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(f"{path.stat().st_size:>7} {path}")
