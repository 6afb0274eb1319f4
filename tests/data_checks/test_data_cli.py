"""`odaudit data validate` and `odaudit data screen`: the JSON contract and exit codes 0/1/2."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from audits.cli.main import app

ROOT = Path(__file__).resolve().parents[2]
STOPS = ROOT / "schemas" / "datasets" / "transport-stops"
KEYS = {"row", "field", "code", "severity", "message"}
runner = CliRunner()


def test_validate_valid_file_exits_0():
    result = runner.invoke(app, ["data", "validate", str(STOPS / "valid.csv"), "--schema", "transport-stops", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert {"file", "valid", "rows", "findings", "seconds"} <= set(report)
    assert (report["valid"], report["rows"], report["findings"]) == (True, 2, [])


def test_validate_invalid_file_exits_1_with_findings():
    result = runner.invoke(app, ["data", "validate", str(STOPS / "invalid.csv"), "--schema", str(STOPS), "--json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert all(set(f) == KEYS for f in report["findings"])
    assert report["findings"][0] == {"row": 2, "field": "lon", "code": "type-error", "severity": "error",
                                     "message": "Рядок 2, поле «Географічна довгота»: «25,3253» — це не число. "
                                                "Приклад правильного значення: «12.5»."}


def test_validate_unknown_schema_exits_2():
    result = runner.invoke(app, ["data", "validate", str(STOPS / "valid.csv"), "--schema", "no-such-dataset"])
    assert result.exit_code == 2
    assert "no-such-dataset" in result.output


def test_validate_human_output_names_the_engine():
    result = runner.invoke(app, ["data", "validate", str(STOPS / "invalid.csv"), "--schema", "transport-stops"])
    assert result.exit_code == 1
    assert "перевірено: fast" in result.stdout and "type-error" in result.stdout


def test_screen_exit_codes_and_json():
    personal = ROOT / "tests/data/privacy/leased-property-with-personal-data.csv"
    dirty = runner.invoke(app, ["data", "screen", str(personal), "--json"])
    assert dirty.exit_code == 1
    report = json.loads(dirty.stdout)
    assert report["valid"] is False and len(report["findings"]) == 5
    assert {"row", "field", "code", "severity", "message", "kind", "sample"} == set(report["findings"][0])
    clean = runner.invoke(app, ["data", "screen", str(STOPS / "valid.csv"), "--json"])
    assert clean.exit_code == 0 and json.loads(clean.stdout)["findings"] == []


def test_expect_json_and_data_docs(tmp_path):
    result = runner.invoke(app, ["data", "expect", str(STOPS / "valid.csv"), "--schema", "transport-stops",
                                 "--as-of", "2020-06-01", "--docs", str(tmp_path / "docs"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["valid"] is True and report["met"] == report["expectations"] > 10
    assert (tmp_path / "docs" / "index.html").is_file()
    failing = runner.invoke(app, ["data", "expect", str(STOPS / "invalid.csv"), "--schema", "transport-stops",
                                  "--as-of", "2020-06-01", "--json"])
    assert failing.exit_code == 1
    assert all(f["severity"] == "warning" for f in json.loads(failing.stdout)["findings"])
