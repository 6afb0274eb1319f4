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
