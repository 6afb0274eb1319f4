"""Reading real spreadsheets: positions as the clerk sees them, encodings, dates, formulas."""
from __future__ import annotations

import csv
import hashlib
import io
from datetime import date

from openpyxl import Workbook

from audits.inventory.schema import load_schema
from audits.validate import inspect_file
from campaigns import good_row, write_inventory

AS_OF = date(2020, 6, 1)
TITLES = [f["title"] for f in load_schema().fields]
NAMES = load_schema().names


def flat(report):
    return [(f.row, f.column_letter, f.field, f.code) for f in report.findings]


def csv_line(row: dict, sep: str) -> str:
    """One CSV record as a clerk's spreadsheet program writes it (quoted where needed)."""
    values = []
    for name in NAMES:
        value = row.get(name)
        if isinstance(value, date):
            value = value.strftime("%d.%m.%Y")
        values.append("" if value is None else str(value))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=sep, lineterminator="\n").writerow(values)
    return buffer.getvalue().removesuffix("\n")


def test_title_block_blank_rows_and_positions(tmp_path):
    rows = [good_row(1), good_row(2, records="багато")]
    path = write_inventory(tmp_path / "ukt.xlsx", rows)
    inspection = inspect_file(path, AS_OF)
    assert [r.number for r in inspection.rows] == [5, 6]
    assert flat(inspection.report) == [(6, "N", "records", "bad-number")]
    assert inspection.report.findings[0].column == "Приблизна кількість записів"
    assert inspection.report.sheet == "Інвентаризація"


def test_original_file_unchanged_and_hashed(tmp_path):
    path = write_inventory(tmp_path / "ukt.xlsx", [good_row(1)])
    before = path.read_bytes()
    inspection = inspect_file(path, AS_OF)
    assert path.read_bytes() == before
    assert inspection.report.sha256 == hashlib.sha256(before).hexdigest()
    assert inspection.source.data == before


def test_dates_as_text_iso_and_cells(tmp_path):
    rows = [good_row(1, last_updated="05.03.2020", current_as_of="2020-03-01"),
            good_row(2, last_updated="2020-02-30")]
    inspection = inspect_file(write_inventory(tmp_path / "ukt.xlsx", rows), AS_OF)
    assert inspection.rows[0].values["last_updated"] == date(2020, 3, 5)
    assert inspection.rows[0].values["current_as_of"] == date(2020, 3, 1)
    assert flat(inspection.report) == [(6, "L", "last_updated", "bad-date")]


def test_formulas_are_read_as_their_values_not_text(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(TITLES)
    row = good_row(1)
    sheet.append([row[n] for n in NAMES])
    sheet["N2"] = "=100+20"          # a formula without a cached value (as openpyxl writes it)
    path = tmp_path / "ukt.xlsx"
    book.save(path)
    inspection = inspect_file(path, AS_OF)
    assert inspection.rows[0].values["records"] is None   # never the formula text
    assert flat(inspection.report) == []


def test_cp1251_semicolon_csv_line_numbers(tmp_path):
    lines = [";".join(TITLES), csv_line(good_row(1), ";"), "", csv_line(good_row(2, responsible_email="нема"), ";")]
    path = tmp_path / "ozd.csv"
    path.write_bytes("\r\n".join(lines).encode("cp1251"))
    inspection = inspect_file(path, AS_OF)
    assert inspection.rows[0].values["title"] == "Перелік об'єктів номер 1"
    assert flat(inspection.report) == [(4, "F", "responsible_email", "bad-email")]


def test_utf8_bom_comma_csv_with_multiline_cell(tmp_path):
    first = good_row(1, description="Перший рядок\nдругий рядок")
    text = ",".join(TITLES) + "\n" + csv_line(first, ",") + "\n" + \
        csv_line(good_row(2, id="зла ідентифікація"), ",") + "\n"
    path = tmp_path / "ozd.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    inspection = inspect_file(path, AS_OF)
    assert inspection.rows[0].values["description"] == "Перший рядок\nдругий рядок"
    assert flat(inspection.report) == [(4, "A", "id", "bad-id")]   # line 4: the quoted cell took two lines


def test_ods_with_repeated_cells_and_rows(tmp_path):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Аркуш1")
    table.addElement(TableRow(numberrowsrepeated=2))           # two blank rows on top
    header = TableRow()
    for title in TITLES:
        cell = TableCell(valuetype="string")
        cell.addElement(P(text=title))
        header.addElement(cell)
    table.addElement(header)
    data = TableRow()
    for name in NAMES:
        value = good_row(1)[name]
        if isinstance(value, date):
            cell = TableCell(valuetype="date", datevalue=value.isoformat())
        elif isinstance(value, int):
            cell = TableCell(valuetype="float", value=value)
        elif value is None:
            cell = TableCell(numbercolumnsrepeated=1)
        else:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
        data.addElement(cell)
    data.addElement(TableCell(numbercolumnsrepeated=1000))     # LibreOffice pads rows like this
    table.addElement(data)
    table.addElement(TableRow(numberrowsrepeated=1048000))     # and sheets like this
    doc.spreadsheet.addElement(table)
    path = tmp_path / "osv.ods"
    doc.save(str(path))
    inspection = inspect_file(path, AS_OF)
    assert [r.number for r in inspection.rows] == [4]
    assert inspection.rows[0].values["last_updated"] == date(2020, 3, 1)
    assert inspection.rows[0].values["records"] == 120
    assert flat(inspection.report) == []


def test_instructions_sheet_first_and_english_headers(tmp_path):
    book = Workbook()
    book.active.title = "Інструкція"
    book.active.append(["Заповніть аркуш «Інвентаризація». Ідентифікатор — унікальний код."])
    sheet = book.create_sheet("Дані")
    sheet.append(NAMES)
    sheet.append([good_row(1)[n] for n in NAMES])
    path = tmp_path / "ukt.xlsx"
    book.save(path)
    inspection = inspect_file(path, AS_OF)
    assert (inspection.report.sheet, inspection.report.rows, flat(inspection.report)) == ("Дані", 1, [])


def test_aliases_and_case_are_accepted(tmp_path):
    rows = [good_row(1, update_frequency="щомісячно", storage="Excel", personal_data="Ні", published="НІ",
                     access="Відкрита", format="xlsx")]
    inspection = inspect_file(write_inventory(tmp_path / "ukt.xlsx", rows), AS_OF)
    values = inspection.rows[0].values
    assert (values["update_frequency"], values["storage"], values["access"], values["format"]) == (
        "Щомісяця", "електронна таблиця", "відкрита", "XLSX")
    assert (values["personal_data"], values["published"]) == (False, False)
    assert flat(inspection.report) == []
