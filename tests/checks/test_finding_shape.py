"""One catalogue, one finding shape: a finding keeps what its message was rendered from, sorts
one way (column B before AA), and every output's field list comes from the dataclass."""
from __future__ import annotations

import ast
from dataclasses import fields
from pathlib import Path

import pytest

import audits
from audits import findings, messages
from audits.findings import Finding, finding_order

AUDITS = Path(audits.__file__).parent


def test_a_finding_keeps_the_params_of_its_message():
    params = {"cell": "L7", "column": "Дата оновлення", "value": "31.02.2020", "example": "01.06.2020", "limit": None}
    finding = Finding.of("bad-date", params, file="ukt.xlsx", row=7, column="Дата оновлення", column_letter="L")
    assert finding.message == messages.render("bad-date", **params)
    assert finding.severity == messages.CODES["bad-date"].severity
    assert dict(finding.params) == {"cell": "L7", "column": "Дата оновлення", "value": "31.02.2020",
                                    "example": "01.06.2020"}          # an absent one renders empty anyway
    assert messages.render("bad-date", **dict(finding.params)) == finding.message   # another catalogue can re-render


def test_params_stay_out_of_outputs_and_of_equality():
    finding = Finding.of("missing-column", {"column": "Назва"}, file="ukt.xlsx", column="Назва")
    bare = Finding(finding.code, finding.severity, finding.message, file="ukt.xlsx", column="Назва")
    assert "params" not in finding.to_dict() and finding == bare and hash(finding) == hash(bare)
    reported = findings.FileReport("ukt.xlsx", None, 0, [finding]).to_dict()["findings"][0]
    assert set(reported) == set(findings.REPORT_FIELDS)


def test_a_code_without_its_own_text_renders_the_template_given():
    params = {"field_number": 2, "detail": "«назва» замість «address»", "expected": "id"}
    finding = Finding.of("incorrect-label", params, template="label-error", file="a.csv")
    assert finding.severity == "error" and finding.message.startswith("Заголовок колонки 2:")


def test_the_one_sort_key_puts_column_b_before_aa():
    def at(letter, row=5, code="bad-date", department="ukt"):
        return Finding(code, "error", "m", department=department, file="ukt.xlsx", sheet="Аркуш", row=row,
                       column_letter=letter)
    shuffled = [at("AA"), at(None, row=None, code="no-rows"), at("B"), at("B", code="bad-number"), at("C", row=4),
                at("A", department=None), at("Z")]
    ordered = sorted(shuffled, key=Finding.sort_key)
    assert [(f.department, f.row, f.column_letter, f.code) for f in ordered] == [
        ("ukt", None, None, "no-rows"), ("ukt", 4, "C", "bad-date"), ("ukt", 5, "B", "bad-date"),
        ("ukt", 5, "B", "bad-number"), ("ukt", 5, "Z", "bad-date"), ("ukt", 5, "AA", "bad-date"),
        (None, 5, "A", "bad-date")]                                   # findings of no department last
    assert sorted((f.to_dict() for f in shuffled), key=finding_order) == [f.to_dict() for f in ordered]


def test_every_field_list_comes_from_the_dataclass_in_todays_order():
    data_fields = {f.name for f in fields(Finding)} - {"params"}
    assert findings.STORED_FIELDS == ("code", "severity", "department", "file", "sheet", "row", "column",
                                      "column_letter", "field", "value", "message")
    assert findings.REPORT_FIELDS == ("code", "severity", "sheet", "row", "column", "column_letter", "field",
                                      "value", "message")
    assert findings.FEEDBACK_FIELDS == ("severity", "sheet", "row", "column", "column_letter", "field", "code",
                                        "value", "message")
    assert findings.CSV_FIELDS == ("department", "file", "sheet", "row", "column_letter", "column", "field", "code",
                                   "severity", "value", "message")
    assert set(findings.FINDING_FIELDS) == set(findings.STORED_FIELDS) == set(findings.CSV_FIELDS) == data_fields


def test_one_catalogue_no_code_defined_twice():
    assert not (AUDITS / "data" / "messages.py").exists()
    trees = [ast.parse(path.read_text("utf-8")) for path in AUDITS.rglob("*.py")]
    defined = [node.args[0].value for tree in trees for node in ast.walk(tree)
               if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Code"
               and node.args and isinstance(node.args[0], ast.Constant)]
    assert len(defined) == len(set(defined)), sorted(c for c in defined if defined.count(c) > 1)
    assert {"source-error", "type-error", "gx-expectation-failed", "personal-phone", "not-on-portal"} \
        <= set(messages.CODES)
    with pytest.raises(ValueError, match="source-error"):
        messages._index([messages.CODES["source-error"], messages.CODES["source-error"]])
