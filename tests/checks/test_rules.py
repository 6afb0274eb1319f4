"""Each rule of audits/checks with exact (row, column, field, code) results and its message."""
from __future__ import annotations

from datetime import date

import pytest

from audits.validate import inspect_file
from campaigns import good_row, write_inventory

AS_OF = date(2020, 6, 1)


def findings(tmp_path, *rows, name="ukt.xlsx"):
    return inspect_file(write_inventory(tmp_path / name, list(rows)), AS_OF, "ukt").report.findings


def flat(found):
    return [(f.row, f.column_letter, f.field, f.code) for f in found]


@pytest.mark.parametrize("change, expected, example", [
    ({"title": None}, (5, "B", "title", "missing-value"), "Перелік об'єктів комунальної власності"),
    ({"update_frequency": "коли треба"}, (5, "K", "update_frequency", "not-in-list"), "Щомісяця"),
    ({"last_updated": "31.02.2020"}, (5, "L", "last_updated", "bad-date"), "15.01.2020"),
    ({"records": "близько 500"}, (5, "N", "records", "bad-number"), "250"),
    ({"records": -3}, (5, "N", "records", "too-small"), "250"),
    ({"responsible_email": "ivan.lutskrada.gov.ua"}, (5, "F", "responsible_email", "bad-email"),
     "o.kovalenko@example.gov.ua"),
    ({"published": "так", "portal_url": "data.gov.ua/dataset/x"}, (5, "T", "portal_url", "bad-url"),
     "https://data.gov.ua/dataset/komunalne-mayno"),
    ({"id": "№ 1"}, (5, "A", "id", "bad-id"), "ukt-001"),
    ({"personal_data": "можливо"}, (5, "Q", "personal_data", "bad-boolean"), ""),
    ({"published": "так"}, (5, "T", "portal_url", "published-without-link"),
     "https://data.gov.ua/dataset/komunalne-mayno"),
    ({"last_updated": date(2020, 6, 2)}, (5, "L", "last_updated", "date-after-as-of"), "15.01.2020"),
])
def test_one_mistake_one_finding(tmp_path, change, expected, example):
    [finding] = findings(tmp_path, good_row(1, **change))
    assert flat([finding]) == [expected]
    assert finding.severity == "error"
    assert f"{expected[1]}{expected[0]}" in finding.message
    assert example in finding.message


def test_too_long_title_says_how_long(tmp_path):
    [finding] = findings(tmp_path, good_row(1, title="д" * 255))
    assert flat([finding]) == [(5, "B", "title", "too-long")]
    assert "255" in finding.message and "254" in finding.message


def test_duplicate_id_names_the_first_row(tmp_path):
    [finding] = findings(tmp_path, good_row(1), good_row(2), good_row(3, id="ds-001"))
    assert flat([finding]) == [(7, "A", "id", "duplicate-id")]
    assert "рядку 5" in finding.message


def test_personal_data_with_open_access_is_a_warning(tmp_path):
    [finding] = findings(tmp_path, good_row(1, personal_data="так"))
    assert (flat([finding]), finding.severity) == ([(5, "R", "access", "personal-data-open")], "warning")


def test_date_exactly_on_as_of_is_fine(tmp_path):
    assert findings(tmp_path, good_row(1, last_updated=AS_OF, current_as_of=AS_OF)) == []


def test_missing_required_column_reported_once_not_per_row(tmp_path):
    from openpyxl import load_workbook

    path = write_inventory(tmp_path / "ukt.xlsx", [good_row(1), good_row(2)])
    book = load_workbook(path)
    book.active.delete_cols(7)           # «Правова підстава»
    book.active["X4"] = "Коментар ІКТ"   # a column the schema does not know
    book.active["Y4"] = "Назва набору даних"
    book.save(path)
    found = inspect_file(path, AS_OF, "ukt").report.findings
    assert flat(found) == [(4, None, "legal_basis", "missing-column"), (4, "X", None, "unknown-column"),
                           (4, "Y", "title", "duplicate-column")]
    assert [f.severity for f in found] == ["error", "warning", "error"]
    assert "Правова підстава" in found[0].message
