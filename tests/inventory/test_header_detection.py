"""Finding the header: below a title block, on the sheet after the instructions, written with
the English field names, and where it is too weak to be a header; values written with the
aliases the schema accepts."""
from __future__ import annotations

from datetime import date

import pytest

from audits.inventory.header import MIN_MATCHED, SCAN_ROWS
from audits.validate import inspect_file
from builders import AS_OF, NAMES, TITLES, csv_text, flat, item, values, xlsx_bytes


def inspect(path):
    return inspect_file(path, AS_OF, "ukt")


def test_header_found_on_the_second_sheet_after_instructions(data):
    inspection = inspect(data / "instructions-sheet-first.xlsx")
    assert (inspection.report.sheet, [r.number for r in inspection.rows]) == ("Інвентаризація", [5, 6])
    assert flat(inspection.report) == [(6, "R", "access", "not-in-list")]
    assert inspection.report.findings[0].sheet == "Інвентаризація"


def test_header_by_english_field_names(data):
    inspection = inspect(data / "english-field-names.xlsx")
    headers = {name: col.header for name, col in inspection.context.columns.items()}
    assert (headers["id"], headers["responsible_email"], headers["update_frequency"]) == (
        "ID", "Email", "update_frequency*")
    assert set(headers) == set(NAMES)
    assert ([r.number for r in inspection.rows], flat(inspection.report)) == ([2, 3], [])


def test_headers_with_stars_line_breaks_and_other_case(tmp_path):
    header = [t.upper() if i % 3 == 0 else t for i, t in enumerate(TITLES)]
    header[1] = "Назва набору\nданих *"
    header[5] = "E-mail відповідальної особи"
    path = tmp_path / "ukt.xlsx"
    path.write_bytes(xlsx_bytes([("Аркуш1", [header, values(item(1))])]))
    inspection = inspect(path)
    assert set(inspection.context.columns) == set(NAMES)
    assert flat(inspection.report) == []


def test_aliases_in_cells_become_the_schema_values(data):
    inspection = inspect(data / "aliases-in-cells.xlsx")
    column = {name: [r.values[name] for r in inspection.rows]
              for name in ("update_frequency", "storage", "format", "access", "personal_data", "published", "language")}
    assert column == {
        "update_frequency": ["Щомісяця", "Щороку", "Щодня", "Щокварталу"],
        "storage": ["електронна таблиця", "інформаційна система", "паперові документи", "електронна таблиця"],
        "format": ["XLSX", "база даних", "паперовий", "XLSX"],
        "access": ["відкрита", "конфіденційна", "службова", "службова"],       # Відкрита, конфіденційний, ДСК
        "personal_data": [False, True, True, True],                            # Ні, Так, TRUE cell, +
        "published": [False, True, False, False],                              # НІ, так, FALSE cell, -
        "language": ["Українська"] * 4,                                         # укр
    }
    assert [r.raw["update_frequency"] for r in inspection.rows] == [
        "щомісячно", "once a year", "ЩОДНЯ", "Раз на квартал"]
    assert flat(inspection.report) == []


def header_csv(tmp_path, titles: list[str]):
    path = tmp_path / "ukt.csv"
    path.write_text(csv_text([titles, ["x"] * len(titles)], ";"), encoding="utf-8")
    return path


def test_two_template_titles_are_not_a_header(tmp_path):
    assert MIN_MATCHED == 3
    report = inspect(header_csv(tmp_path, ["Ідентифікатор", "Назва набору даних", "Сума"])).report
    assert flat(report) == [(None, None, None, "no-header")]


def test_three_template_titles_are_a_header_missing_the_others(tmp_path):
    report = inspect(header_csv(tmp_path, ["Ідентифікатор", "Назва набору даних", "Опис"])).report
    required = [n for n in NAMES[3:] if n not in ("purpose", "current_as_of", "records", "language", "keywords",
                                                    "portal_url", "catalogue_ref", "requests_per_year", "notes")]
    assert flat(report) == [(1, None, name, "missing-column") for name in required]
    assert required == ["department", "responsible_person", "responsible_email", "legal_basis", "storage", "format",
                        "update_frequency", "last_updated", "personal_data", "access", "published"]


@pytest.mark.parametrize("title_rows, found", [(SCAN_ROWS - 1, True), (SCAN_ROWS, False)])
def test_header_is_looked_for_in_the_first_30_filled_rows(tmp_path, title_rows, found):
    rows = [[f"Рядок пояснення {n}"] for n in range(1, title_rows + 1)] + [TITLES, values(item(1))]
    path = tmp_path / "ukt.xlsx"
    path.write_bytes(xlsx_bytes([("Інвентаризація", rows)]))
    report = inspect(path).report
    assert flat(report) == ([] if found else [(None, None, None, "no-header")])
    assert report.rows == (1 if found else 0)


def test_the_sheet_matching_more_columns_wins(tmp_path):
    """A half-filled draft sheet first, the full inventory second."""
    draft = [TITLES[:5], values(item(9))[:5]]
    full = [TITLES, values(item(1)), values(item(2))]
    path = tmp_path / "ukt.xlsx"
    path.write_bytes(xlsx_bytes([("Чернетка", draft), ("Інвентаризація", full)]))
    inspection = inspect(path)
    assert (inspection.report.sheet, [r.values["id"] for r in inspection.rows], flat(inspection.report)) == (
        "Інвентаризація", ["ds-001", "ds-002"], [])


def test_header_only_is_no_rows(tmp_path):
    path = tmp_path / "ukt.xlsx"
    path.write_bytes(xlsx_bytes([("Інвентаризація", [["Інвентаризація"], [], TITLES])]))
    report = inspect(path).report
    assert (flat(report), report.valid, report.rows) == ([(3, None, None, "no-rows")], False, 0)
    assert "«Інвентаризація»" in report.findings[0].message


def test_dates_in_a_header_row_do_not_break_detection(tmp_path):
    """A title block with a date and a number above the header."""
    rows = [["Інвентаризація станом на", date(2020, 5, 1), 2020], [], TITLES, values(item(1))]
    path = tmp_path / "ukt.xlsx"
    path.write_bytes(xlsx_bytes([("Інвентаризація", rows)]))
    inspection = inspect(path)
    assert ([r.number for r in inspection.rows], flat(inspection.report)) == ([4], [])
