"""odaudit monitor and odaudit quality on the demo campaign and its saved portal response,
and the campaign run joined to the portal (not-on-portal findings, confirmed coverage)."""
from __future__ import annotations

import csv
import json
from datetime import date

import pytest
from openpyxl import load_workbook

from audits.store.db import open_database, transaction
from audits.store.portal import snapshot_history
from cli_runner import odaudit
from conftest import DEMO, build_demo

SAVED = DEMO / "portal" / "package_search.json"
AS_OF = date(2020, 6, 1)


def snapshots(db: str) -> int:
    with transaction(open_database(db)) as session:
        return len(snapshot_history(session))


def test_campaign_run_flags_items_called_published_that_the_portal_lacks(demo_db):
    from audits.campaign.verbs import open_result

    found = open_result(open_database(demo_db), None, AS_OF).findings
    not_on_portal = [f for f in found if f["code"] == "not-on-portal"]
    assert [(f["department"], f["row"], f["column_letter"], f["value"]) for f in not_on_portal] == [
        ("fin", 16, "T", "https://data.gov.ua/dataset/lutsk-fin-011"),
        ("mist", 17, "T", "https://data.gov.ua/dataset/lutsk-mist-012"),
        ("zhkg", 18, "T", "https://data.gov.ua/dataset/lutsk-zhkg-013")]
    assert snapshots(demo_db) == 1


def test_a_campaign_rerun_keeps_one_snapshot_of_the_same_response(demo_db):
    build_demo(demo_db)                     # demo_db holds the first run: this is the rerun
    assert snapshots(demo_db) == 1


def test_coverage_is_confirmed_by_the_portal(demo_db):
    result = odaudit("coverage", "--db", demo_db, "--json")
    out = json.loads(result.stdout)
    published = {i["id"]: i["portal_urls"] for i in out["items"] if i["status"] == "published"}
    assert out["totals"]["published"] == len(published) == 3
    assert published["oms-19"] == ["https://data.gov.ua/dataset/perelik-parkuvalnyh-maidanchykiv"]
    assert all(i["portal_checked"] for i in out["items"])


def test_monitor_from_file_json_contract(demo_db):
    result = odaudit("monitor", "--from-file", SAVED, "--as-of", "2020-06-01", "--db", demo_db, "--json")
    assert result.returncode == 1, result.stderr          # late and unknown packages were found
    out = json.loads(result.stdout)
    assert len(out["packages"]) == 12
    assert {"id", "title", "organization", "update_frequency", "last_update", "timeliness", "days_since_update",
            "days_overdue", "score", "band"} <= set(out["packages"][0])
    by_name = {p["title"]: p for p in out["packages"]}
    stops = by_name["Перелік зупинок громадського транспорту"]
    assert (stops["timeliness"], stops["days_since_update"], stops["days_overdue"], stops["department"]) == (
        "on-time", 364, 0, "trans")
    taxes = by_name["Місцеві податки і збори та їх ставки"]
    assert (taxes["timeliness"], taxes["days_since_update"], taxes["days_overdue"]) == ("late", 700, 336)
    assert out["summary"]["timeliness"] == {"on-time": 5, "late": 3, "on-change": 2, "no-longer-updated": 1,
                                            "unknown": 1}
    assert [(f["department"], f["row"]) for f in out["not_on_portal"]] == [("zhkg", 18)]
    assert snapshots(demo_db) == 2          # every monitor run is a snapshot


def test_monitor_live_reads_the_portal_page_by_page(httpserver, tmp_path):
    from werkzeug import Response

    saved = json.loads(SAVED.read_text(encoding="utf-8"))["result"]["results"]

    def page(request):
        start, rows = int(request.args["start"]), int(request.args["rows"])
        body = {"success": True, "result": {"count": len(saved), "results": saved[start:start + rows]}}
        return Response(json.dumps(body, ensure_ascii=False), content_type="application/json")

    httpserver.expect_request("/api/3/action/package_search").respond_with_handler(page)
    db = f"sqlite:///{tmp_path / 'live.sqlite'}"
    result = odaudit("monitor", "--org", "lutska-miska-rada", "--base-url", httpserver.url_for("/"),
                     "--as-of", "2020-06-01", "--db", db, "--json")
    assert result.returncode == 1, result.stderr
    out = json.loads(result.stdout)
    assert sorted(p["id"] for p in out["packages"]) == sorted(p["id"] for p in saved)
    assert out["summary"]["organization"] == "lutska-miska-rada"


@pytest.mark.parametrize("args", [
    ["--org", "x", "--base-url", "http://127.0.0.1:9"],
    ["--org", "x", "--from-file", "f.json"],
    [],
    ["--from-file", "missing.json"],
])
def test_monitor_cannot_run_exits_2(tmp_path, args):
    result = odaudit("monitor", *args, "--db", f"sqlite:///{tmp_path / 'e.sqlite'}")
    assert result.returncode == 2
    assert result.stderr.startswith("odaudit: cannot run:") and "Traceback" not in result.stderr


def test_monitor_outputs_escape_and_neutralise_portal_text(tmp_path):
    hostile = [{"id": "h1", "name": "h1", "title": "=HYPERLINK(\"http://evil\",\"x\") <script>alert(1)</script>",
                "notes": "<b>bold</b>", "update_frequency": "once a month", "metadata_modified": "2020-05-30T00:00:00",
                "resources": [{"format": "CSV", "url": "u"}], "organization": {"name": "org", "title": "Org"}}]
    saved = tmp_path / "hostile.json"
    saved.write_text(json.dumps(hostile), encoding="utf-8")
    out = tmp_path / "out"
    result = odaudit("monitor", "--from-file", saved, "--as-of", "2020-06-01",
                     "--db", f"sqlite:///{tmp_path / 'h.sqlite'}", "--out", out)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["monitor.json", "quality.csv", "quality.html", "quality.xlsx"]
    html = (out / "quality.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    with open(out / "quality.csv", encoding="utf-8-sig") as fh:
        [row] = list(csv.DictReader(fh))
    assert row["title"].startswith("'=HYPERLINK")
    book = load_workbook(out / "quality.xlsx")
    assert book.sheetnames == ["Набори даних", "Органи", "Місто", "Потребують оновлення", "Бали"]
    title = book["Набори даних"]["C2"]
    assert title.data_type == "s" and title.value.startswith("'=HYPERLINK")


def test_quality_json_scores_register_and_portal(demo_db):
    result = odaudit("quality", "--db", demo_db, "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    sources = [d["source"] for d in out["datasets"]]
    assert (sources.count("inventory"), sources.count("portal")) == (94, 12)
    assert out["city"]["datasets"] == 106
    assert set(out["departments"]) == {"eco", "kult", "mizh", "osv", "soc", "trans", "ukt", "zhkg", "—"}
    for dataset in out["datasets"]:
        lost = sum(x["points"] for i in dataset["indicators"] for x in i["lost"])
        assert round(lost, 1) == round(dataset["possible"] - dataset["earned"], 1)
    assert all(a["timeliness"] in ("late", "unknown") for a in out["attention"])


def test_quality_without_anything_stored_exits_2(tmp_path):
    assert odaudit("quality", "--db", f"sqlite:///{tmp_path / 'empty.sqlite'}").returncode == 2


def test_campaign_outputs_carry_quality_of_register_and_portal(tmp_path):
    from html.parser import HTMLParser

    from audits.campaign.outputs import write_outputs

    paths = write_outputs(build_demo(f"sqlite:///{tmp_path / 'r.sqlite'}"), tmp_path / "out")
    with open(paths["quality.csv"], encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["source"] for r in rows].count("portal") == 12 and len(rows) == 106
    stops = next(r for r in rows if r["source"] == "portal" and r["title"].startswith("Перелік зупинок"))
    assert (stops["department"], stops["timeliness"], stops["openness_points"]) == ("trans", "on-time", "15/20")

    class Tables(HTMLParser):
        def __init__(self):
            super().__init__()
            self.rows, self.table = {}, None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "table":
                self.table = attrs.get("id")
            elif tag == "tr" and "data-department" in attrs:
                self.rows.setdefault(self.table, []).append(attrs["data-department"])

    parser = Tables()
    parser.feed(paths["status.html"].read_text(encoding="utf-8"))
    assert parser.rows["quality-departments"] == ["eco", "kult", "mizh", "osv", "soc", "trans", "ukt", "zhkg", "—"]
    with open(paths["coverage.csv"], encoding="utf-8-sig") as fh:
        assert {r["portal_checked"] for r in csv.DictReader(fh)} == {"так"}


PORTAL_DATA = DEMO.parents[1] / "tests" / "data" / "portal"


def test_monitor_from_a_partial_search_answer_says_so(tmp_path):
    saved = PORTAL_DATA / "partial-package-search.json"
    db = f"sqlite:///{tmp_path / 'p.sqlite'}"
    text = odaudit("monitor", "--from-file", saved, "--as-of", "2020-06-01", "--db", db)
    assert text.returncode == 1, text.stderr
    shown = " ".join(text.stdout.split())
    assert "УВАГА: Знімок «partial-package-search.json» неповний: портал повідомляє про 13786 наборів" in shown
    assert "наборів 2 (неповний знімок)" in shown
    out = json.loads(odaudit("monitor", "--from-file", saved, "--as-of", "2020-06-01", "--db", db, "--json",
                             "--out", tmp_path / "out").stdout)
    assert (out["summary"]["partial"], out["summary"]["declared_packages"]) == (True, 13786)
    assert [w["code"] for w in out["warnings"]] == ["snapshot-partial"]
    stored = json.loads((tmp_path / "out" / "monitor.json").read_text(encoding="utf-8"))
    assert stored["summary"]["partial"] is True
    assert "знімок неповний" in (tmp_path / "out" / "quality.html").read_text(encoding="utf-8")


def test_monitor_scores_a_mixed_file_per_organisation_and_org_filters_it(tmp_path):
    saved = PORTAL_DATA / "two-organizations.json"
    db = f"sqlite:///{tmp_path / 'm.sqlite'}"
    result = odaudit("monitor", "--from-file", saved, "--as-of", "2020-06-01", "--db", db, "--json",
                     "--out", tmp_path / "out")
    assert result.returncode == 1, result.stderr           # a package changed after the audit date
    answers = json.loads(result.stdout)["organizations"]
    assert [(a["summary"]["organization"], a["summary"]["packages"]) for a in answers] == [
        ("lutska-miska-rada", 1), ("rivnenska-miska-rada", 2)]
    assert all(not a["summary"]["partial"] for a in answers)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["lutska-miska-rada", "rivnenska-miska-rada"]
    assert snapshots(db) == 2                               # one stored snapshot per organisation
    one = json.loads(odaudit("monitor", "--from-file", saved, "--org", "rivnenska-miska-rada", "--as-of",
                             "2020-06-01", "--db", db, "--json").stdout)
    assert one["summary"]["organization"] == "rivnenska-miska-rada" and len(one["packages"]) == 2
    assert [w["code"] for w in one["warnings"]] == ["changed-after-audit-date"]
    text = odaudit("monitor", "--from-file", saved, "--as-of", "2020-06-01", "--db", db).stdout
    assert " ".join(text.split()).count("УВАГА: У знімку «two-organizations.json» набори 2 організацій") == 1
    assert "змінено пізніше за дату аудиту 01.06.2020" in " ".join(text.split())
    missing = odaudit("monitor", "--from-file", saved, "--org", "volynska-oda", "--db", db)
    assert missing.returncode == 2 and "lutska-miska-rada, rivnenska-miska-rada" in missing.stderr
