"""Every check of audits/checks with exact (row, column letter, field, code) results, and the
Ukrainian message the clerk reads: it names the cell and quotes the schema's example."""
from __future__ import annotations

import re
from datetime import date

import pytest

from audits.checks import date_after_as_of, personal_open, published_link, same_title
from audits.checks.base import Context
from audits.inventory.header import Column
from audits.messages import CODES, render
from audits.validate import inspect_file, to_row
from builders import AS_OF, LETTER, NAMES, SCHEMA, TITLES, flat, item, values, xlsx_bytes
from rows import write_inventory

ENGLISH = re.compile(r"\b(constraint|type|row|field|error|None|null|position|value)\b", re.IGNORECASE)


def is_ukrainian(message: str) -> bool:
    return bool(re.search("[іїєґ]", message)) and not ENGLISH.search(message) and "{" not in message


# --- one file, one mistake per row -------------------------------------------------------------------

ONE_MISTAKE_PER_ROW = [
    (6, "B", "title", "missing-value"),
    (7, "K", "update_frequency", "not-in-list"),
    (8, "L", "last_updated", "bad-date"),
    (9, "N", "records", "bad-number"),
    (10, "F", "responsible_email", "bad-email"),
    (11, "T", "portal_url", "bad-url"),
    (12, "A", "id", "bad-id"),
    (13, "B", "title", "too-long"),
    (14, "V", "requests_per_year", "too-small"),
    (15, "A", "id", "duplicate-id"),
    (16, "Q", "personal_data", "bad-boolean"),
    (17, "T", "portal_url", "published-without-link"),
    (18, "R", "access", "personal-data-open"),
    (19, "L", "last_updated", "date-after-as-of"),
    (20, "M", "current_as_of", "date-after-as-of"),
]


@pytest.fixture(scope="module")
def mistakes():
    from conftest import DATA

    return inspect_file(DATA / "one-mistake-per-row.xlsx", AS_OF, "ukt").report


def test_each_mistake_is_found_once_in_its_cell(mistakes):
    assert flat(mistakes) == ONE_MISTAKE_PER_ROW     # row 5 and row 21 (dates on the as-of day) are correct
    assert mistakes.rows == 17 and mistakes.valid is False
    assert [f.severity for f in mistakes.findings if f.severity == "warning"] == ["warning"]
    assert [f.code for f in mistakes.findings if f.severity == "warning"] == ["personal-data-open"]


@pytest.mark.parametrize("row, value, says", [
    (6, None, []),
    (7, "коли треба", ["«Щомісяця»", "«Більше не оновлюється»"]),
    (8, "31.02.2020", ["дд.мм.рррр"]),
    (9, "близько 500", ["цілим числом"]),
    (10, "o.kovalenko.lutskrada.gov.ua", []),
    (11, "data.gov.ua/dataset/x", []),
    (12, "№ 12", ["латинські"]),
    (13, "д" * 255, ["255 символів", "не більше 254"]),
    (14, "-3", ["менше за 0"]),
    (15, "ds-005", ["уже використано в рядку 5"]),
    (16, "можливо", ["«так» або «ні»"]),
    (17, None, ["У рядку 17", "data.gov.ua"]),
    (18, "відкрита", ["У рядку 18", "«конфіденційна»"]),
    (19, "02.06.2020", ["02.06.2020", "01.06.2020"]),
    (20, "02.06.2020", ["02.06.2020", "01.06.2020"]),
])
def test_message_names_the_cell_the_value_and_the_example(mistakes, row, value, says):
    [finding] = [f for f in mistakes.findings if f.row == row]
    cell = f"{finding.column_letter}{row}"
    message = finding.message
    assert is_ukrainian(message), message
    assert cell in message
    assert finding.column == TITLES[NAMES.index(finding.field)]
    assert finding.value == value
    if value is not None and finding.code != "too-long":
        assert f"«{value}»" in message or value in message
    if "{example}" in CODES[finding.code].template:
        assert f"«{SCHEMA.example(finding.field)}»" in message
    for text in says:
        assert text in message
    assert (finding.file, finding.sheet, finding.department) == ("one-mistake-per-row.xlsx", "Інвентаризація", "ukt")


# what the data-file templates are filled with (their text is mostly these words)
DATA_PARAMS = dict(row=5, value="12,5", type_uk="ціле число", constraint_uk="«-1» менше за мінімум 0",
                   detail="повторює рядок 3", expectation_uk="значення між 0 і 100")


def test_every_code_renders_a_ukrainian_message():
    for code in CODES:
        assert is_ukrainian(render(code, file="ukt.xlsx", cell="B5", column="Назва набору даних",
                                   **DATA_PARAMS)), code


# --- the row checks on their own -----------------------------------------------------------------------

def context() -> Context:
    columns = {name: Column(i, LETTER[name], TITLES[i], name) for i, name in enumerate(NAMES)}
    return Context(SCHEMA, "ukt.xlsx", "Інвентаризація", AS_OF, "ukt", columns)


def rows(*items):
    return [to_row(n, item(n, **changes), SCHEMA) for n, changes in enumerate(items, start=5)]


def test_published_without_link():
    found = list(published_link.check(rows(
        {"published": "так"},                                                # 5: no link
        {"published": "так", "portal_url": "https://data.gov.ua/dataset/x"},  # 6: fine
        {"published": "ні"},                                                 # 7: not published
        {"published": "можливо"},                                            # 8: bad-boolean elsewhere
        {"published": True},                                                 # 9: a TRUE cell
    ), context()))
    assert flat(found) == [(5, "T", "portal_url", "published-without-link"),
                           (9, "T", "portal_url", "published-without-link")]
    assert "«https://data.gov.ua/dataset/komunalne-mayno»" in found[0].message


def test_personal_data_with_open_access():
    found = list(personal_open.check(rows(
        {"personal_data": "так"},                                  # 5: open
        {"personal_data": "Так", "access": "публічна"},            # 6: open, by alias
        {"personal_data": "так", "access": "конфіденційна"},       # 7: fine
        {"personal_data": "ні"},                                   # 8: fine
    ), context()))
    assert flat(found) == [(5, "R", "access", "personal-data-open"), (6, "R", "access", "personal-data-open")]
    assert [f.value for f in found] == ["відкрита", "публічна"]       # the cell as the clerk wrote it
    assert {f.severity for f in found} == {"warning"}


def test_dates_after_the_as_of_date():
    found = list(date_after_as_of.check(rows(
        {"last_updated": date(2020, 6, 2)},                              # 5
        {"last_updated": AS_OF, "current_as_of": AS_OF},                 # 6: the same day is fine
        {"current_as_of": "15.07.2020"},                                 # 7
        {"last_updated": "31.12.2020", "current_as_of": "2021-01-01"},   # 8: both
        {"last_updated": "31.06.2020"},                                  # 9: no such day: bad-date elsewhere
    ), context()))
    assert flat(found) == [(5, "L", "last_updated", "date-after-as-of"), (7, "M", "current_as_of", "date-after-as-of"),
                           (8, "L", "last_updated", "date-after-as-of"), (8, "M", "current_as_of", "date-after-as-of")]
    assert [f.value for f in found] == ["02.06.2020", "15.07.2020", "31.12.2020", "01.01.2021"]
    assert "01.06.2020" in found[0].message and "«15.01.2020»" in found[0].message
    assert "«01.01.2020»" in found[1].message


# --- columns ---------------------------------------------------------------------------------------------

def test_unknown_and_duplicate_columns(data):
    inspection = inspect_file(data / "unknown-and-duplicate-columns.xlsx", AS_OF, "ukt")
    findings = inspection.report.findings
    assert flat(findings) == [(1, "X", None, "unknown-column"), (1, "Y", "title", "duplicate-column")]
    assert [f.severity for f in findings] == ["warning", "error"]
    assert "«Коментар ІКТ» (X1)" in findings[0].message and "«Назва набору даних»" in findings[1].message
    assert "Y1" in findings[1].message
    assert [r.values["title"] for r in inspection.rows] == ["Журнал обліку службових відряджень 1",
                                                            "Журнал обліку службових відряджень 2"]


def test_missing_required_column_is_reported_once_not_per_row(data):
    report = inspect_file(data / "missing-required-column.xlsx", AS_OF, "ukt").report
    assert flat(report) == [(4, None, "legal_basis", "missing-column"), (6, "I", "update_frequency", "not-in-list")]
    assert "«Правова підстава»" in report.findings[0].message
    assert "I6" in report.findings[1].message


def test_findings_are_listed_in_sheet_order(tmp_path):
    header = ["№", "Відділ", "Сектор", "Кабінет", "Телефон"] + TITLES
    path = tmp_path / "ukt.xlsx"
    path.write_bytes(xlsx_bytes([("Інвентаризація",
                                  [header, [None] * 5 + values(item(1, id="№ 1", requests_per_year="багато"))])]))
    report = inspect_file(path, AS_OF, "ukt").report
    assert flat(report) == [(1, letter, None, "unknown-column") for letter in "ABCDE"] + [
        (2, "F", "id", "bad-id"), (2, "AA", "requests_per_year", "bad-number")]


# --- the same title from two departments -------------------------------------------------------------------

def test_same_title_from_another_department(tmp_path, data):
    ukt = inspect_file(write_inventory(tmp_path / "ukt.xlsx", [
        item(1, title="Перелік камер «Безпечне місто»"), item(2, title="Журнал обліку відряджень")]), AS_OF, "ukt")
    fin = inspect_file(write_inventory(tmp_path / "fin.xlsx", [
        item(1, title="Реєстр кошторисів"), item(2, title='перелік камер  "Безпечне місто".')]), AS_OF, "fin")
    soc = inspect_file(write_inventory(tmp_path / "soc.xlsx", [
        item(1, title="Журнал обліку відряджень"), item(2, title="Журнал обліку відряджень")]), AS_OF, "soc")
    broken = inspect_file(data / "empty.csv", AS_OF, "kult")               # unreadable: no rows, no context
    names = {"ukt": "Управління ІКТ", "fin": "Департамент фінансів"}
    found = list(same_title.check([ukt, fin, soc, broken], names))
    assert [(f.department, *t) for f, t in zip(found, flat(found))] == [
        ("ukt", 5, "B", "title", "same-title-other-department"),
        ("fin", 6, "B", "title", "same-title-other-department"),
        ("ukt", 6, "B", "title", "same-title-other-department"),
        ("soc", 5, "B", "title", "same-title-other-department"),
        ("soc", 6, "B", "title", "same-title-other-department"),
    ]
    assert {f.severity for f in found} == {"warning"}
    assert "«Департамент фінансів»" in found[0].message and "B5" in found[0].message
    assert "«Управління ІКТ»" in found[1].message and "B6" in found[1].message
    assert "«soc»" in found[2].message and "«Управління ІКТ»" in found[3].message


def test_same_title_within_one_department_is_not_this_check(tmp_path):
    ukt = inspect_file(write_inventory(tmp_path / "ukt.xlsx", [item(1, title="Журнал"), item(2, title="журнал")]),
                       AS_OF, "ukt")
    assert list(same_title.check([ukt])) == []
