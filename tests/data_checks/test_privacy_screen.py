"""The privacy screen: each detector on what it must and must not find, precision on the
labelled sample, and whole files (CSV and XLSX) with rows, fields, kinds and masked samples."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from audits.data.privacy import iban, mask, rnokpp
from audits.data.privacy.evaluate import evaluate
from audits.data.privacy.screen import detect, screen_file

DATA = Path(__file__).resolve().parents[1] / "data" / "privacy"


def test_precision_and_recall_on_the_labelled_sample():
    result = evaluate(DATA / "labelled-sample.csv")
    assert result["wrong"] == []
    assert (result["true_positives"], result["false_positives"], result["false_negatives"]) == (22, 0, 0)
    assert result["precision"] == 1.0


def test_the_sample_holds_the_lookalikes_that_must_not_be_flagged():
    with open(DATA / "labelled-sample.csv", encoding="utf-8", newline="") as fh:
        negatives = [r for r in csv.DictReader(fh) if not r["expected"]]
    columns = " ".join(r["column"] for r in negatives)
    assert len(negatives) >= 25
    for lookalike in ("КАТОТТГ", "КПКВК", "КЕКВ", "ЄДРПОУ", "РНОКПП", "Рахунок"):   # codes, bad check digits
        assert lookalike in columns


@pytest.mark.parametrize("number, ok", [("1759013776", True), ("1759013770", False), ("0000000000", False),
                                        ("9999999999", False)])
def test_rnokpp_check_digit(number, ok):
    assert rnokpp.valid(number) is ok


def test_iban_checksum_and_katottg():
    assert iban.valid("UA213223130000026007233566001")
    assert not iban.valid("UA213223130000026007233566002")
    assert detect("UA07080170010064388", "КАТОТТГ") == []


def test_overlapping_hits_keep_the_most_specific_kind():
    assert [h.kind for h in detect("рахунок UA213223130000026007233566001", "")] == ["iban"]


def test_masks_do_not_repeat_the_value():
    assert mask("1759013776", "rnokpp") == "17******76"
    assert mask("o.kovalenko@gmail.com", "email") == "o***@gmail.com"
    assert mask("Петренко Іван Іванович", "full-name") == "П. І. І."


def test_csv_file_findings_with_rows_fields_and_kinds():
    result = screen_file(DATA / "leased-property-with-personal-data.csv")
    assert result.blocked and result.rows == 4
    assert [(f.row, f.field, f.code, f.value) for f in result.findings] == [
        (3, "account", "personal-iban", "UA*************************01"),
        (3, "contact", "personal-phone", "06*********67"),
        (3, "tenant", "personal-full-name", "П. І. І."),
        (3, "tenant", "personal-rnokpp", "17******76"),
        (4, "contact", "personal-email", "o***@gmail.com"),
    ]
    assert result.kinds == {"email": 1, "full-name": 1, "iban": 1, "phone": 1, "rnokpp": 1}
    assert "1759013776" not in str(result.to_dict())


def test_xlsx_file_and_a_clean_file():
    result = screen_file(DATA / "tenants-with-a-person.xlsx")
    assert [(f.row, f.field, f.code) for f in result.findings] == [
        (2, "Контакт", "personal-phone"), (2, "Орендар", "personal-full-name")]
    schemas = Path(__file__).resolve().parents[2] / "schemas"
    clean = screen_file(schemas / "datasets" / "communal-property" / "valid.csv")
    assert not clean.blocked and clean.rows == 2


def test_the_contact_point_of_a_national_register_is_a_note_not_a_block():
    result = screen_file(DATA / "register-with-contact-point.csv")
    # what still blocks: a phone in the contact column, a tenant's name and РНОКПП in a description
    assert [(f.row, f.field, f.code) for f in result.findings] == [
        (4, "contactPointFn", "personal-phone"), (4, "description", "personal-full-name"),
        (4, "description", "personal-rnokpp")]
    assert result.blocked
    notes = {f.field: f for f in result.notes}
    assert set(notes) == {"contactPointFn", "contactPointHasEmail"}
    assert all(f.code == "contact-point-data" and f.severity == "warning" for f in notes.values())
    assert notes["contactPointFn"].message.startswith(
        "Колонка «contactPointFn» — контактна особа набору (значень, схожих на ім'я або e-mail: 3; перше — рядок 2")
    assert "Мельник" not in str(result.to_dict()) and result.to_dict()["notes"][0]["sample"] == "М. А. О."


def test_a_register_whose_only_personal_data_is_its_contact_point_is_not_blocked(tmp_path):
    lines = (DATA / "register-with-contact-point.csv").read_text(encoding="utf-8").splitlines()[:3]
    path = tmp_path / "register.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = screen_file(path)
    assert not result.blocked and result.findings == [] and len(result.notes) == 2
    assert result.to_dict()["valid"] is True


def test_a_column_named_only_email_is_not_a_contact_point():
    """«E-mail» alone is an alias of the inventory's e-mail column, but in a list of tenants it
    holds the tenants' addresses: it still blocks. «Відповідальна особа» is a contact point."""
    result = screen_file(DATA / "tenants-with-email-column.csv")
    assert [(f.row, f.field, f.code) for f in result.findings] == [
        (2, "Email", "personal-email"), (3, "Email", "personal-email")]
    assert [(f.field, f.code) for f in result.notes] == [("Відповідальна особа", "contact-point-data")]


def test_a_schema_marks_its_contact_columns(tmp_path):
    from audits.data.privacy.contact import schema_contact_columns

    path = tmp_path / "tenants.csv"
    path.write_text("id,manager,Пошта керівника\n1,Петренко Іван Іванович,i.petrenko@ukr.net\n", encoding="utf-8")
    assert screen_file(path).blocked                                   # no schema: names are personal data
    columns = schema_contact_columns({"fields": [
        {"name": "manager", "x-contact-point": "person"},
        {"name": "manager_email", "title": "Пошта керівника", "x-contact-point": "email",
         "x-header-aliases": ["E-mail"]},
        {"name": "id"}]})
    assert columns == {"manager", "manager_email", "пошта керівника"}     # «E-mail» alone is not enough
    marked = screen_file(path, columns)
    assert not marked.blocked and [f.field for f in marked.notes] == ["manager", "Пошта керівника"]


def test_contact_headers_come_from_the_inventory_schema():
    from audits.data.privacy.contact import known_contact_columns
    from audits.inventory.schema import fold, load_schema

    schema = load_schema()
    for name in ("responsible_person", "responsible_email"):
        assert fold(schema.field(name)["title"]) in known_contact_columns()
    assert {"contactpointfn", "contactpointhasemail"} <= known_contact_columns()
    assert "e-mail" not in known_contact_columns() and "email" not in known_contact_columns()


def test_the_data_check_passes_the_schema_contact_point_and_counts_no_hit_for_it(tmp_path):
    from datetime import date

    from audits.data.check import check_file

    lines = (DATA / "register-with-contact-point.csv").read_text(encoding="utf-8").splitlines()[:3]
    path = tmp_path / "register.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = check_file(path, as_of=date(2020, 6, 1), expectations=False)
    assert (result["privacy_hits"], result["blocked"]) == (0, False)
    assert [f["code"] for f in result["findings"] if f["field"] in ("contactPointFn", "contactPointHasEmail")] \
        == ["contact-point-data", "contact-point-data"]
