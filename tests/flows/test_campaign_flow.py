"""The campaign flow end to end under Prefect's test harness, with its outputs parsed."""
from __future__ import annotations

import csv
import json
from datetime import date, datetime
from html.parser import HTMLParser

import pytest

from campaigns import good_row, make_campaign, write_inventory

pytestmark = pytest.mark.flow


class Rows(HTMLParser):
    """Collects each row of the departments table: data-code, status class and cell texts."""

    def __init__(self):
        super().__init__()
        self.rows, self.cells, self.in_row = [], {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and "data-code" in attrs:
            self.in_row = attrs["data-code"]
            self.rows.append((attrs["data-code"], attrs["class"]))
            self.cells[self.in_row] = []
        elif tag == "td" and self.in_row:
            self.cells[self.in_row].append("")

    def handle_endtag(self, tag):
        if tag == "tr":
            self.in_row = None

    def handle_data(self, data):
        if self.in_row and self.cells[self.in_row]:
            self.cells[self.in_row][-1] += data.strip()


@pytest.fixture
def campaign(tmp_path):
    directory = make_campaign(tmp_path / "c", {"ukt": "Управління ІКТ", "fin": "Департамент фінансів",
                                               "osv": "Управління освіти"})
    write_inventory(directory / "ukt.xlsx", [good_row(1), good_row(2, notes="@SUM(1+1)*cmd|' /C calc'!A0")])
    write_inventory(directory / "fin.xlsx", [good_row(1, "Департамент фінансів", title="<script>alert(1)</script>",
                                                      last_updated="01.09.2020")])
    return directory


def test_flow_writes_outputs(prefect_harness, campaign, tmp_path, db_url):
    from flows.campaign import campaign_flow

    out = tmp_path / "out"
    result = campaign_flow(directory=campaign, out=out, as_of=date(2020, 6, 1), db_url=db_url,
                           received_at=datetime(2020, 5, 20, 10, 0))
    assert result["errors_found"] is True
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["totals"] == {"departments": 3, "accepted": 1, "invalid": 1, "missing": 1, "items": 3,
                                 "errors": 1, "warnings": 0, "register_items": 2, "unassigned_files": 0}

    with open(out / "findings.csv", encoding="utf-8-sig", newline="") as fh:
        findings = list(csv.DictReader(fh))
    assert [(f["department"], f["row"], f["column_letter"], f["code"]) for f in findings] == [
        ("fin", "5", "L", "date-after-as-of")]

    with open(out / "register.csv", encoding="utf-8-sig", newline="") as fh:
        register = list(csv.DictReader(fh))
    assert [(r["department_code"], r["id"]) for r in register] == [("ukt", "ds-001"), ("ukt", "ds-002")]
    assert register[1]["notes"] == "'@SUM(1+1)*cmd|' /C calc'!A0"   # neutralised, not a live formula

    html = (out / "status.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    parser = Rows()
    parser.feed(html)
    assert parser.rows == [("fin", "invalid"), ("osv", "missing"), ("ukt", "accepted")]
    assert parser.cells["ukt"] == ["ukt", "Управління ІКТ", "прийнято", "ukt.xlsx", "2", "0", "0", "2",
                                   "версія 1 від 20.05.2020: 0 помилок"]


def test_flow_graph_snapshot():
    """The flows, their tasks and names: a change here shows up in review."""
    from flows import campaign

    assert campaign.campaign_flow.name == "campaign"
    tasks = sorted(t.name for t in (campaign.inspect_file, campaign.build_and_store, campaign.write_outputs))
    assert tasks == ["build-and-store", "inspect-file", "write-outputs"]


def test_prefect_yaml_entrypoints_are_flows():
    import importlib

    import yaml
    from prefect import Flow

    from conftest import ROOT

    config = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    entrypoints, schedules = {}, {}
    for deployment in config["deployments"]:
        path, name = deployment["entrypoint"].split(":")
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        assert isinstance(getattr(module, name), Flow)
        entrypoints[deployment["name"]] = deployment["entrypoint"]
        schedules[deployment["name"]] = [s["cron"] for s in deployment.get("schedules", [])]
    assert entrypoints == {"campaign": "flows/campaign.py:campaign_flow", "monitor": "flows/monitor.py:monitor_flow",
                           "proposals": "flows/proposals.py:proposals_flow", "review": "flows/proposals.py:review_flow",
                           "data-checks": "flows/data_checks.py:data_checks_flow",
                           "reminders": "flows/notify.py:reminders_flow", "national": "flows/national.py:national_flow",
                           "organisation": "flows/national.py:organisation_flow"}
    assert schedules == {"campaign": [], "monitor": ["0 6 1 * *"],    # the monitor: monthly, on the 1st
                         "proposals": [], "review": [], "data-checks": [],
                         "reminders": ["0 8 * * 1"], "national": [], "organisation": []}   # reminders: Mondays
    paused = {d["name"]: [s.get("active", True) for s in d.get("schedules", [])] for d in config["deployments"]}
    assert paused["monitor"] == paused["reminders"] == [False]     # until the council sets its organisation
    assert "pull" not in config        # prefect deploy records the checkout: no variable for the worker
