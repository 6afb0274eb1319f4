"""datapackage.json beside the campaign's CSV outputs, valid for frictionless."""
from __future__ import annotations

import json

from frictionless import validate

from audits.campaign.outputs import write_outputs
from audits.interop import datapackage
from audits.interop.datapackage import write_datapackage


def test_the_campaign_outputs_carry_a_valid_data_package(demo_result, tmp_path):
    write_outputs(demo_result, tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in package["resources"]] == ["coverage.csv", "findings.csv", "quality.csv",
                                                         "register.csv"]
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert {t.name: t.stats["rows"] for t in report.tasks} == {"findings": 48, "register": 94, "coverage": 73,
                                                                "quality": 106}


def test_a_column_missing_from_a_csv_is_caught_by_frictionless(tmp_path):
    (tmp_path / "register.csv").write_text("\ufeffid,title\nx,Назва\n", encoding="utf-8")
    write_datapackage(tmp_path, "Тест 2020", "Тест")
    (tmp_path / "register.csv").write_text("\ufeffid\nx\n", encoding="utf-8")
    report = validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert {e.type for t in report.tasks for e in t.errors} >= {"missing-label"}


def test_outputs_larger_than_a_user_file_may_be_are_described_without_reading_them(demo_result, tmp_path,
                                                                                   monkeypatch):
    """A 40 × 3000 campaign writes a 70 MB quality.csv: the run knows its columns and reads nothing back
    (reading it through audits/files.py refused any CSV past the header limit, 1 MB)."""
    monkeypatch.setattr(datapackage, "HEADER_MAX", 100)
    write_outputs(demo_result, tmp_path)
    assert (tmp_path / "quality.csv").stat().st_size > 100
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    quality = next(r for r in package["resources"] if r["path"] == "quality.csv")
    assert quality["schema"]["fields"][0] == {"name": "source", "type": "string"}
