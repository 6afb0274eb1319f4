"""The CLI contract: exit codes, --json shapes, and 'could not run' as exit 2."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from audits.cli.main import app
from campaigns import good_row, make_campaign, write_inventory
from cli_runner import odaudit

FINDING_KEYS = {"code", "severity", "sheet", "row", "column", "column_letter", "field", "value", "message"}


def test_validate_json_clean_file_exits_0(tmp_path):
    path = write_inventory(tmp_path / "ukt.xlsx", [good_row(1), good_row(2)])
    result = odaudit("validate", path, "--json", "--as-of", "2020-06-01")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"file": "ukt.xlsx", "valid": True, "rows": 2, "findings": []}]


def test_validate_json_errors_exit_1_with_positions(tmp_path):
    path = write_inventory(tmp_path / "fin.xlsx", [good_row(1, responsible_email="ivan.lutskrada.gov.ua")])
    result = odaudit("validate", path, "--json", "--as-of", "2020-06-01")
    assert result.returncode == 1
    [report] = json.loads(result.stdout)
    [finding] = report["findings"]
    assert set(finding) == FINDING_KEYS
    assert (finding["code"], finding["sheet"], finding["row"], finding["column_letter"], finding["field"]) == (
        "bad-email", "Інвентаризація", 5, "F", "responsible_email")
    assert finding["column"] == "Електронна пошта відповідальної особи"
    assert "F5" in finding["message"] and "o.kovalenko@example.gov.ua" in finding["message"]


def test_validate_warnings_alone_exit_0(tmp_path):
    path = write_inventory(tmp_path / "soc.xlsx", [good_row(1, personal_data="так")])
    result = odaudit("validate", path, "--json", "--as-of", "2020-06-01")
    assert result.returncode == 0
    assert [f["code"] for f in json.loads(result.stdout)[0]["findings"]] == ["personal-data-open"]


def test_validate_human_output_names_the_cell(tmp_path):
    path = write_inventory(tmp_path / "fin.xlsx", [good_row(1, records="близько 500")])
    result = odaudit("validate", path, "--as-of", "2020-06-01")
    assert result.returncode == 1
    assert "N5" in result.stdout and "bad-number" in result.stdout


def test_validate_broken_file_is_a_finding_not_a_crash(tmp_path):
    path = tmp_path / "ukt.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    result = odaudit("validate", path, "--json")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert [f["code"] for f in json.loads(result.stdout)[0]["findings"]] == ["source-error"]


@pytest.mark.parametrize("args", [["validate", "no-such-file.xlsx"], ["validate", "x.xlsx", "--as-of", "June"],
                                  ["campaign", "run", "no-such-folder"]])
def test_cannot_run_exits_2(tmp_path, monkeypatch, args):
    (tmp_path / "x.xlsx").write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    assert odaudit(*args).returncode == 2


def test_bad_campaign_yaml_exits_2(tmp_path):
    (tmp_path / "campaign.yaml").write_text("campaign: x\nname: [unclosed\n", encoding="utf-8")
    result = odaudit("campaign", "run", tmp_path)
    assert result.returncode == 2
    assert "cannot run" in result.stderr and "Traceback" not in result.stderr


def test_unreachable_database_exits_2(tmp_path):
    result = odaudit("campaign", "status", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert result.returncode == 2
    assert "cannot run" in result.stderr and "Traceback" not in result.stderr


def test_every_command_has_help_with_example():
    runner = CliRunner()
    for args in (["validate"], ["campaign", "run"], ["campaign", "status"], ["catalogue", "list"],
                 ["catalogue", "match"], ["coverage"], ["monitor"], ["quality"], ["proposals"], ["review", "import"],
                 ["plan", "export"], ["plan", "status"], ["data", "review"], ["template"]):
        result = runner.invoke(app, args + ["--help"])
        assert result.exit_code == 0 and "Example:" in result.output, args


@pytest.mark.flow
def test_campaign_run_and_status_json(prefect_harness, tmp_path, db_url):
    directory = make_campaign(tmp_path / "c", {"ukt": "Управління ІКТ", "osv": "Управління освіти"})
    write_inventory(directory / "ukt.xlsx", [good_row(1)])
    out = tmp_path / "out"
    result = odaudit("campaign", "run", directory, "--db", db_url, "--out", out, "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads(result.stdout)
    assert [(d["code"], d["status"]) for d in summary["departments"]] == [("osv", "missing"), ("ukt", "accepted")]
    assert sorted(p.name for p in out.iterdir()) == ["coverage.csv", "datapackage.json", "feedback", "findings.csv",
                                                     "proposals.html", "proposals.xlsx", "quality.csv", "quality.xlsx",
                                                     "register.csv", "status.html", "summary.json"]
    # ukt was accepted without findings: its confirmation e-mail only
    assert sorted(p.name for p in (out / "feedback").iterdir()) == ["osv.txt", "ukt.txt"]
    status = odaudit("campaign", "status", "--db", db_url, "--json")
    assert status.returncode == 0
    assert json.loads(status.stdout) == summary


def test_catalogue_list_council_json():
    result = odaudit("catalogue", "list", "--scope", "council", "--json")
    items = json.loads(result.stdout)
    assert result.returncode == 0 and len(items) == 73
    assert set(items[0]) == {"id", "title", "holder", "scope"}


def test_catalogue_match_file_json_aligned_with_inputs(tmp_path):
    titles = tmp_path / "titles.txt"
    titles.write_text("Адресний реєстр міста\nПерелік музеїв\n", encoding="utf-8")
    result = odaudit("catalogue", "match", "Громадські вбиральні", "--file", titles, "--json")
    out = json.loads(result.stdout)
    assert [r["input"] for r in out] == ["Громадські вбиральні", "Адресний реєстр міста", "Перелік музеїв"]
    assert [(r["match"] or {}).get("id") for r in out][:2] == ["oms-37", "oms-20"]
    assert set(out[0]["match"]) == {"id", "title", "holder", "score"}
    assert [r["confident"] for r in out] == [True, True, False]


def test_coverage_json_after_a_run(tmp_path):
    from datetime import date, datetime

    from audits.campaign import pipeline
    from audits.campaign.config import load_campaign
    from audits.store.db import open_database

    directory = make_campaign(tmp_path / "c", {"ukt": "Управління ІКТ"})
    write_inventory(directory / "ukt.xlsx", [good_row(1, title="Адресний реєстр міста")])
    db = f"sqlite:///{tmp_path / 'r.sqlite'}"
    config = load_campaign(directory)
    pipeline.audit(open_database(db), config, date(2020, 6, 1), datetime(2020, 5, 20))
    result = odaudit("coverage", "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert (out["campaign"], out["totals"]) == ("test-2020", {"items": 73, "published": 0, "held": 1, "not-found": 72})
    held = [i for i in out["items"] if i["status"] == "held"]
    assert [(i["id"], i["departments"]) for i in held] == [("oms-20", ["ukt"])]
    assert set(held[0]) == {"id", "title", "scope", "status", "departments", "portal_urls", "portal_checked"}


def test_coverage_without_a_campaign_exits_2(tmp_path):
    assert odaudit("coverage", "--db", f"sqlite:///{tmp_path / 'empty.sqlite'}").returncode == 2
