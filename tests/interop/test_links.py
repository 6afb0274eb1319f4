"""Link checks against a real local HTTP server: 200, redirect chains, 404, 500, slow, wrong
content type, a 2 GB body, never-ending headers, and addresses that must never be fetched."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from audits.interop.links.check import run_check
from audits.interop.links.fetch import Limits, check_urls
from audits.interop.links.score import score_links
from audits.interop.links.targets import Target
from cli_runner import odaudit

from .linkserver import HITS, LinkServer, ToLocal

LOCAL = Limits(timeout_s=1.0, max_bytes=65536, retries=2, backoff_s=0.01, per_host=4, allow_private=True)


@pytest.fixture(scope="module")
def server():
    with LinkServer() as s:
        yield s


def test_each_kind_of_answer(server):
    b = server.base
    got = check_urls([f"{b}/ok.csv", f"{b}/chain/3", f"{b}/missing", f"{b}/error", f"{b}/html",
                      f"{b}/head-refused"], LOCAL)
    summary = {u.removeprefix(b): (r.ok, r.status, r.error, r.method, len(r.redirects)) for u, r in got.items()}
    assert summary == {"/ok.csv": (True, 200, None, "HEAD", 0), "/chain/3": (True, 200, None, "HEAD", 3),
                       "/missing": (False, 404, None, "GET", 0), "/error": (False, 500, None, "GET", 0),
                       "/html": (True, 200, None, "HEAD", 0), "/head-refused": (True, 200, None, "GET", 0)}
    assert got[f"{b}/chain/3"].final_url == f"{b}/chain/0"
    assert got[f"{b}/error"].attempts == 3                 # two retries with backoff
    assert got[f"{b}/html"].content_type == "text/html"


def test_a_flaky_server_is_retried_until_it_answers(server):
    got = check_urls([f"{server.base}/flaky"], LOCAL)[f"{server.base}/flaky"]
    assert (got.ok, got.attempts) == (True, 2)


def test_forty_redirects_are_cut_at_ten(server):
    got = check_urls([f"{server.base}/loop/0"], LOCAL)[f"{server.base}/loop/0"]
    assert (got.ok, got.error, len(got.redirects)) == (False, "too-many-redirects", 11)
    assert HITS["/loop/40"] == 0


def test_a_two_gigabyte_body_is_cut_by_the_byte_limit(server):
    got = check_urls([f"{server.base}/endless"], LOCAL)[f"{server.base}/endless"]
    assert (got.ok, got.method, got.size) == (True, "GET", 2 * 1024 ** 3)   # the announced length
    assert got.size_capped and got.seconds < 1.0


def test_slow_answers_and_never_ending_headers_are_cut_by_the_deadline(server):
    limits = Limits(timeout_s=0.5, retries=0, allow_private=True)
    got = check_urls([f"{server.base}/slow", f"{server.base}/trickle"], limits)
    assert {u.removeprefix(server.base): r.error for u, r in got.items()} == {"/slow": "timeout",
                                                                               "/trickle": "timeout"}
    assert all(r.seconds < 1.5 for r in got.values())


@pytest.mark.parametrize("url", ["http://127.0.0.1:{port}/ok.csv", "http://localhost:{port}/ok.csv",
                                 "http://10.0.0.7/ok.csv", "http://[::1]:{port}/ok.csv", "file:///etc/passwd",
                                 "ftp://example.org/x.csv", "http://169.254.169.254/latest/meta-data"])
def test_private_and_non_web_addresses_are_never_fetched(server, url):
    port = server.base.rsplit(":", 1)[1]
    before = sum(HITS.values())
    got = check_urls([url.format(port=port)], Limits(timeout_s=1.0, retries=0))
    assert list(got.values())[0].error in ("private-address", "not-web-address")
    assert sum(HITS.values()) == before


def test_every_redirect_hop_is_judged_by_the_guard(server):
    got = check_urls([f"{server.base}/to-file"], LOCAL)[f"{server.base}/to-file"]
    assert (got.error, got.redirects, got.final_url) == ("not-web-address", [f"{server.base}/to-file"],
                                                          "file:///etc/passwd")


def test_accessibility_scores_share_ten_points_and_say_why(server):
    b = server.base
    targets = [Target(f"{b}/ok.csv", "p1", "Зупинки", "resource", "CSV"),
               Target(f"{b}/html", "p1", "Зупинки", "resource", "CSV"),
               Target(f"{b}/missing", "p1", "Зупинки", "landing-page"),
               Target("http://10.1.2.3/x.csv", "p1", "Зупинки", "resource", "CSV")]
    results = check_urls([t.url for t in targets], LOCAL.__class__(**{**LOCAL.__dict__, "allow_private": False}))
    results.update(check_urls([t.url for t in targets[:3]], LOCAL))
    [score] = score_links(targets, results, LOCAL)
    assert score.indicator.earned == 10 - 1.25 - 2.5 - 2.5
    reasons = [x.reason for x in score.indicator.lost]
    assert reasons[0].startswith(f"Ресурс {b}/html заявлено як CSV, а сервер віддає «text/html»")
    assert "HTTP 404" in reasons[1] and "внутрішню адресу" in reasons[2]


def test_a_run_reports_links_not_tried_as_findings(server):
    register = [{"department_code": "trans", "row": 5, "title": "Зупинки", "portal_url": "http://localhost/x"}]
    packages = [{"id": "p1", "name": "stops", "title": "Зупинки",
                 "resources": [{"url": f"{server.base}/ok.csv", "format": "CSV"}, {"url": "file:///x.csv"}]}]
    before = sum(HITS.values())
    report = run_check(register, packages, {}, Limits(timeout_s=1.0, retries=0), portal=server.base)
    assert [(f.code, f.department, f.row, f.value) for f in report.findings] == [
        ("link-not-checked", "trans", 5, "http://localhost/x"),
        ("link-not-checked", None, None, f"{server.base}/dataset/stops"),    # the local server is private too
        ("link-not-checked", None, None, f"{server.base}/ok.csv"), ("link-not-checked", None, None, "file:///x.csv")]
    assert sum(HITS.values()) == before
    assert report.findings[0].message.startswith("Посилання «http://localhost/x» набору «Зупинки» веде на внутрішню")


def test_the_command_stores_the_answers_and_reuses_them_the_same_day(demo_db, server, monkeypatch):
    from audits.campaign.exports import check_links
    from audits.campaign.verbs import engine_for

    engine = engine_for(demo_db)
    first = check_links(engine, "lutsk-2020", date(2020, 6, 1), datetime(2026, 12, 1, 10), LOCAL,
                        ToLocal(server.base))
    again = check_links(engine, "lutsk-2020", date(2020, 6, 1), datetime(2026, 12, 1, 11), LOCAL,
                        ToLocal(server.base))
    engine.dispose()
    assert first.summary()["fetched"] == first.summary()["urls"] > 20
    assert again.summary()["fetched"] == 0 and again.summary()["cached"] == first.summary()["urls"]
    assert [s.to_dict()["score"] for s in again.scores] == [s.to_dict()["score"] for s in first.scores]


def test_the_cli_scores_from_todays_answers_and_writes_the_csv(demo_db, server, tmp_path):
    """Today's answers are stored first (through the local server), so the command fetches nothing."""
    import csv
    import json

    from audits.campaign.exports import check_links
    from audits.campaign.verbs import engine_for

    engine = engine_for(demo_db)
    check_links(engine, "lutsk-2020", date.today(), datetime.now(), LOCAL, ToLocal(server.base))
    engine.dispose()
    ran = odaudit("links", "--campaign", "lutsk-2020", "--db", demo_db, "--json", "--out", tmp_path / "links.csv")
    assert ran.returncode == 0, ran.stderr
    summary = json.loads(ran.stdout)["summary"]
    assert summary["fetched"] == 0 and summary["broken"] == 0 and summary["links"] > 20
    with open(tmp_path / "links.csv", encoding="utf-8-sig") as fh:
        assert len(list(csv.DictReader(fh))) == summary["links"]


def test_an_unknown_campaign_is_one_line_and_exit_2(demo_db):
    ran = odaudit("links", "--campaign", "nope", "--db", demo_db)
    assert ran.returncode == 2 and "no campaign 'nope'" in ran.stderr


def test_the_stored_answers_become_dqv_accessibility_measurements(demo_db, server):
    from rdflib import Graph, URIRef

    from audits.campaign.exports import check_links, quality_export
    from audits.campaign.verbs import engine_for

    engine = engine_for(demo_db)
    report = check_links(engine, "lutsk-2020", date(2020, 6, 1), datetime(2026, 12, 1, 10), LOCAL,
                         ToLocal(server.base))
    done = quality_export(engine, "lutsk-2020", date(2020, 6, 1), "turtle", links=True)
    engine.dispose()
    graph = Graph().parse(data=done.text, format="turtle")
    metric = URIRef("urn:odaudit:lutsk-2020:metric:accessibility")
    measured = list(graph.subjects(URIRef("http://www.w3.org/ns/dqv#isMeasurementOf"), metric))
    assert len(measured) == len(report.scores) > 0
