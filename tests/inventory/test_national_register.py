"""A council's register of datasets in the national structure (identifier, title, description,
accrualPeriodicity, keyword, purpose, landingPage, distributionFormat, publisherName,
publisherIdentifier, contactPointFn, contactPointHasEmail) or with the portal's passport labels
is read as an inventory: its columns map onto ours by the schema's header aliases, and what the
national structure lacks is reported once per column, with no cell findings for it."""
from __future__ import annotations

import csv

import openpyxl
import pytest

from audits.inventory.schema import fold, load_schema
from audits.validate import inspect_file
from builders import AS_OF

REGISTER = "register-national.csv"
# What the national structure does not have and our inventory requires: each reported once.
LACKS = {"legal_basis", "storage", "last_updated", "personal_data", "access", "published"}
MAPPED = {"identifier": "id", "title": "title", "description": "description",
          "accrualPeriodicity": "update_frequency", "keyword": "keywords", "purpose": "purpose",
          "landingPage": "portal_url", "distributionFormat": "format", "publisherName": "department",
          "contactPointFn": "responsible_person", "contactPointHasEmail": "responsible_email"}
# The same register as data.gov.ua's passport and a municipal CKAN portal label the fields.
PASSPORT_LABELS = {"identifier": "Ідентифікаційний номер набору даних", "title": "Назва", "description": "Опис",
                   "accrualPeriodicity": "Частота оновлення набору даних", "keyword": "Ключові слова",
                   "purpose": "Підстава та призначення збору інформації", "landingPage": "Посилання на набір даних",
                   "distributionFormat": "Формат", "publisherName": "Розпорядник",
                   "publisherIdentifier": "Код ЄДРПОУ", "contactPointFn": "Відповідальна особа",
                   "contactPointHasEmail": "Адреса електронної пошти відповідальної особи"}


def register_rows(data) -> list[list[str]]:
    with (data / REGISTER).open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def write_xlsx(path, rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def by_code(findings) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for f in findings:
        grouped.setdefault(f.code, []).append(f)
    return grouped


def assert_only_real_findings(inspection):
    found = by_code(inspection.report.findings)
    assert sorted(f.field for f in found.pop("missing-column")) == sorted(LACKS)
    assert [f.value for f in found.pop("unknown-column")] in (["publisherIdentifier"], ["Код ЄДРПОУ"])
    # the shelters are a Resolution 835 item: a true suggestion, the only other finding
    assert [f.row for f in found.pop("catalogue-suggestion", [])] == [4]
    assert found == {}


def test_the_national_register_validates_with_only_the_findings_it_has(data):
    inspection = inspect_file(data / REGISTER, AS_OF)
    assert_only_real_findings(inspection)
    assert {col.header: name for name, col in inspection.context.columns.items()} == MAPPED


def test_the_register_values_are_read_as_ours(data):
    first, second, third, _ = inspect_file(data / REGISTER, AS_OF).rows
    assert (first.values["id"], first.values["update_frequency"], first.values["format"]) == (
        "slavuta-budget", "Щороку", "CSV")                       # «CSV, XLSX»: the first listed
    assert (second.values["update_frequency"], second.values["format"]) == ("Кожного півріччя", "CSV")  # csv
    assert third.values["format"] == "JSON"                                                # application/json
    assert first.values["responsible_email"] == "finance@slavuta-mvk.gov.ua"
    assert first.values["department"] == "Фінансове управління Славутської міської ради"
    assert first.values["portal_url"].startswith("https://data.gov.ua/dataset/")


def test_the_register_as_xlsx_gives_the_same_findings(data, tmp_path):
    inspection = inspect_file(write_xlsx(tmp_path / "register.xlsx", register_rows(data)), AS_OF)
    assert_only_real_findings(inspection)


def test_the_register_with_the_portals_passport_labels(data, tmp_path):
    header, *rows = register_rows(data)
    path = write_xlsx(tmp_path / "register.xlsx", [[PASSPORT_LABELS[h] for h in header], *rows])
    inspection = inspect_file(path, AS_OF)
    assert_only_real_findings(inspection)
    assert {col.field for col in inspection.context.columns.values()} == set(MAPPED.values())


def test_a_missing_column_gives_no_cell_findings(data):
    """The six columns the register lacks are required: one finding each, not one per row."""
    findings = inspect_file(data / REGISTER, AS_OF).report.findings
    assert not [f for f in findings if f.field in LACKS and f.code != "missing-column"]


@pytest.mark.parametrize("cell, read_as", [
    ("CSV, XLSX", "CSV"), ("xlsx; pdf", "XLSX"), ("text/csv", "CSV"), ("XLS/XLSX", "XLSX"),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"), (".geojson", "GeoJSON")])
def test_formats_as_registers_write_them(cell, read_as):
    from audits.inventory.normalize import to_text

    assert to_text(cell, load_schema().field("format")) == read_as


def test_a_list_of_formats_with_an_unknown_one_is_reported_as_typed():
    from audits.inventory.normalize import to_text

    assert to_text("RAR, CSV", load_schema().field("format")) == "RAR, CSV"   # → not-in-list, as typed


def test_no_header_alias_names_two_fields():
    owner: dict[str, str] = {}
    for f in load_schema().fields:
        for label in [f["name"], f.get("title", ""), *f.get("x-header-aliases", [])]:
            assert owner.setdefault(fold(label), f["name"]) == f["name"], label
