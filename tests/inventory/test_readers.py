"""Reading the named files of tests/data: row numbers and column letters as the clerk sees
them, cell values (never formula text), dates however they were typed, LibreOffice repeats,
CSV encodings and delimiters; the submitted file is never changed."""
from __future__ import annotations

import hashlib
from datetime import date

import pytest

from audits.inventory.read import default_limits, pick_table, read_grids
from audits.inventory.schema import load_schema
from audits.inventory.source import load_source
from audits.validate import inspect_file
from builders import AS_OF, LETTER, NAMES, TITLES, flat, item, values, xlsx_bytes
from conftest import DATA
from rows import write_inventory

DATA_FILES = sorted(p.name for p in DATA.iterdir() if p.is_file() and p.suffix != ".py")


def inspect(path):
    return inspect_file(path, AS_OF, "ukt")


def table_of(path):
    """The table the reader picks (sheet, header, records) without the checks."""
    return pick_table(read_grids(load_source(path, 10**8), default_limits()), load_schema())


def test_title_block_puts_the_header_on_row_4_and_data_from_row_5(data):
    table = table_of(data / "title-block.xlsx")
    assert (table.sheet, table.header.row) == ("Інвентаризація", 4)
    assert [(c.letter, c.header) for c in table.header.columns] == list(zip(LETTER.values(), TITLES))


def test_blank_rows_are_skipped_but_keep_the_numbering(data):
    inspection = inspect(data / "title-block.xlsx")
    assert [r.number for r in inspection.rows] == [5, 6, 8, 11]
    assert inspection.report.rows == 4
    assert flat(inspection.report) == [(8, "F", "responsible_email", "bad-email"),
                                       (11, "K", "update_frequency", "not-in-list")]
    messages = [f.message for f in inspection.report.findings]
    assert ["F8" in messages[0], "K11" in messages[1]] == [True, True]


def test_column_letters_follow_the_header(data):
    inspection = inspect(data / "title-block.xlsx")
    assert {name: col.letter for name, col in inspection.context.columns.items()} == LETTER
    assert (LETTER["id"], LETTER["update_frequency"], LETTER["notes"]) == ("A", "K", "W")


def test_dates_typed_as_dates_as_text_and_iso_become_dates(data):
    inspection = inspect(data / "dates-as-text.xlsx")
    raw = [r.raw["last_updated"] for r in inspection.rows]
    assert [type(v).__name__ for v in raw] == ["datetime", "datetime"] + ["str"] * 7
    assert raw[2:] == ["05.03.2020", "5.3.2020", "05.03.2020 0:00", "05/03/2020", "2020-03-05",
                       "2020-03-05T00:00:00", "31.02.2020"]
    assert [r.values["last_updated"] for r in inspection.rows] == [date(2020, 3, 5)] * 8 + [None]
    assert [r.values["current_as_of"] for r in inspection.rows] == [date(2020, 3, 1)] * 9
    assert flat(inspection.report) == [(10, "L", "last_updated", "bad-date")]
    message = inspection.report.findings[0].message
    assert "L10" in message and "«31.02.2020»" in message and "«15.01.2020»" in message


def test_iso_date_with_one_digit_month_and_day_is_a_date(tmp_path):
    path = write_inventory(tmp_path / "ukt.xlsx", [item(1, last_updated="2020-3-5"), item(2, last_updated="2099-1-1")])
    inspection = inspect(path)
    assert [r.values["last_updated"] for r in inspection.rows] == [date(2020, 3, 5), date(2099, 1, 1)]
    assert flat(inspection.report) == [(6, "L", "last_updated", "date-after-as-of")]


def test_compact_date_number_is_one_bad_date_and_no_value(tmp_path):
    path = write_inventory(tmp_path / "ukt.xlsx", [item(1, last_updated=20991231), item(2, last_updated="2020-W10-4")])
    inspection = inspect(path)
    assert flat(inspection.report) == [(5, "L", "last_updated", "bad-date"), (6, "L", "last_updated", "bad-date")]
    assert [r.values["last_updated"] for r in inspection.rows] == [None, None]


def test_formulas_are_read_as_their_cached_values_never_as_text(data):
    inspection = inspect(data / "formula-cells.xlsx")
    first, second = inspection.rows
    assert (first.raw["records"], first.values["records"]) == (120, 120)          # =100+20, cached 120
    assert (first.raw["requests_per_year"], first.values["requests_per_year"]) == (None, None)  # no cache
    assert (first.raw["notes"], first.values["notes"]) == ("=1+1", "=1+1")        # text, not a formula
    assert second.raw["title"] is None                                             # formula without cache
    assert [k for r in inspection.rows for k, v in r.raw.items() if str(v).startswith("=")] == ["notes"]
    assert flat(inspection.report) == [(3, "B", "title", "missing-value")]


def test_ods_with_repeated_rows_and_columns(data):
    table = table_of(data / "inventory.ods")
    assert (table.sheet, table.header.row, table.truncated) == ("Інвентаризація", 4, False)
    inspection = inspect(data / "inventory.ods")
    assert [r.number for r in inspection.rows] == [5, 6, 7]                        # row 6 repeated twice
    first = inspection.rows[0].values
    assert {k: first[k] for k in ("title", "description", "last_updated", "current_as_of", "records",
                                  "personal_data", "portal_url", "catalogue_ref", "requests_per_year", "notes")} == {
        "title": "Журнал обліку службових відряджень 1",                              # the comment is not the value
        "description": "Перший рядок\nдругий  рядок",                                  # line break, two spaces
        "last_updated": date(2020, 3, 1), "current_as_of": date(2020, 3, 1),         # one cell over two columns
        "records": 120,                                                               # of:=100+20 cached
        "personal_data": False, "portal_url": None, "catalogue_ref": None,
        "requests_per_year": 3, "notes": "=1+1"}
    assert [r.values["id"] for r in inspection.rows] == ["ds-001", "ds-002", "ds-002"]
    assert flat(inspection.report) == [(7, "A", "id", "duplicate-id")]
    assert "рядку 6" in inspection.report.findings[0].message


def test_cp1251_semicolon_csv_reads_cyrillic(data):
    raw = (data / "cp1251-semicolon.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    inspection = inspect(data / "cp1251-semicolon.csv")
    first = inspection.rows[0].values
    assert (first["title"], first["responsible_person"], first["keywords"]) == (
        "Графік чергувань зі зв’язку та під’їзду техніки", "Ґонта Євген Їжакович", "майно; оренда; нерухомість")
    assert first["legal_basis"] == "Закон України «Про місцеве самоврядування в Україні», ст. 29"
    assert (inspection.report.sheet, [r.number for r in inspection.rows]) == (None, [2, 4])   # line 3 blank
    assert flat(inspection.report) == [(4, "N", "records", "bad-number")]
    assert "N4" in inspection.report.findings[0].message and "«близько 500»" in inspection.report.findings[0].message


def test_utf8_bom_comma_csv(data):
    assert (data / "utf8-bom-comma.csv").read_bytes()[:3] == b"\xef\xbb\xbf"
    inspection = inspect(data / "utf8-bom-comma.csv")
    assert inspection.context.columns["id"].header == "Ідентифікатор"       # the BOM is not part of A1
    assert [r.values["id"] for r in inspection.rows] == ["ds-001", "ds-002"]
    assert inspection.rows[0].values["keywords"] == "майно, оренда"         # a quoted comma
    assert flat(inspection.report) == []


def test_utf8_tab_csv(data):
    inspection = inspect(data / "utf8-tab.csv")
    assert inspection.rows[0].values["description"] == "Будинки, квартири; гаражі"
    assert inspection.rows[1].values["format"] == "PDF"
    assert ([r.number for r in inspection.rows], flat(inspection.report)) == ([2, 3], [])


def test_csv_line_numbers_count_the_lines_of_a_multiline_cell(data):
    inspection = inspect(data / "multiline-cell.csv")
    assert inspection.rows[0].values["description"] == "Перший рядок\nдругий рядок\nтретій рядок"
    assert [r.number for r in inspection.rows] == [2, 5, 7]
    assert flat(inspection.report) == [(5, "A", "id", "bad-id"), (7, "L", "last_updated", "bad-date")]
    messages = [f.message for f in inspection.report.findings]
    assert ["A5" in messages[0], "L7" in messages[1]] == [True, True]


def test_a_mislabelled_csv_is_read_by_its_content(data):
    inspection = inspect(data / "csv-named-xlsx.xlsx")
    assert (inspection.report.sheet, [r.number for r in inspection.rows], flat(inspection.report)) == (None, [2, 3], [])
    assert inspection.report.valid is True


@pytest.mark.parametrize("name", DATA_FILES)
def test_file_is_hashed_and_never_changed(data, name):
    path = data / name
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    report = inspect(path).report
    assert (report.file, report.sha256) == (name, hashlib.sha256(before).hexdigest())
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == mtime


def test_findings_past_column_z_have_two_letters(tmp_path):
    """Five extra columns in front push «Примітки» to AB and «Запитів на рік» to AA."""
    header = ["№", "Відділ", "Сектор", "Кабінет", "Телефон"] + TITLES
    path = tmp_path / "ukt.xlsx"
    row = [None] * 5 + values(item(1, requests_per_year="багато"))
    path.write_bytes(xlsx_bytes([("Інвентаризація", [header, row])]))
    inspection = inspect(path)
    columns = inspection.context.columns
    assert (columns["id"].letter, columns["requests_per_year"].letter, columns["notes"].letter) == ("F", "AA", "AB")
    assert [f for f in flat(inspection.report) if f[3] != "unknown-column"] == [
        (2, "AA", "requests_per_year", "bad-number")]
    assert "AA2" in inspection.report.findings[-1].message


def test_header_written_by_field_name_keeps_letters(data):
    inspection = inspect(data / "english-field-names.xlsx")
    assert {name: col.letter for name, col in inspection.context.columns.items()} == LETTER
    assert set(inspection.context.columns) == set(NAMES)
