"""The monitor flow under Prefect's test harness, on SQLite and PostgreSQL: a snapshot is stored
per run, and quality is read back from it."""
from __future__ import annotations

from datetime import date

import pytest

from conftest import DEMO

pytestmark = pytest.mark.flow


def test_monitor_flow_stores_a_snapshot_per_run(prefect_harness, tmp_path, db_url):
    from audits.campaign import verbs
    from audits.store.db import open_database, transaction
    from audits.store.portal import snapshot_history
    from flows.monitor import monitor_flow

    saved = str(DEMO / "portal" / "package_search.json")
    first = monitor_flow(from_file=saved, out=tmp_path / "out", as_of=date(2020, 6, 1), db_url=db_url)
    second = monitor_flow(from_file=saved, out=tmp_path / "out2", as_of=date(2020, 7, 1), db_url=db_url)
    assert first["summary"]["packages"] == second["summary"]["packages"] == 12
    assert first["summary"]["timeliness"]["late"] == 3 and second["summary"]["timeliness"]["late"] == 6
    assert sorted(first["outputs"]) == ["monitor.json", "quality.csv", "quality.html", "quality.xlsx"]
    with transaction(open_database(db_url)) as session:
        history = snapshot_history(session, "lutska-miska-rada")
        assert [(s.as_of, s.package_count) for s in history] == [(date(2020, 6, 1), 12), (date(2020, 7, 1), 12)]
    stored = verbs.quality(open_database(db_url), None, date(2020, 7, 1))
    assert stored.snapshot == second["snapshot"] and len(stored.scores) == 12
    assert sorted(s.timeliness.state for s in stored.scores).count("late") == 6


def test_monitor_outputs_show_the_trend_of_stored_runs(prefect_harness, tmp_path, db_url):
    import json

    from flows.monitor import monitor_flow

    saved = str(DEMO / "portal" / "package_search.json")
    for month in (6, 7):
        monitor_flow(from_file=saved, out=tmp_path / f"out{month}", as_of=date(2020, month, 1), db_url=db_url)
    history = json.loads((tmp_path / "out7" / "monitor.json").read_text(encoding="utf-8"))["history"]
    assert [(h["as_of"], h["packages"], h["late"]) for h in history] == [("2020-06-01", 12, 3), ("2020-07-01", 12, 6)]
    assert len(json.loads((tmp_path / "out6" / "monitor.json").read_text(encoding="utf-8"))["history"]) == 1
    html = (tmp_path / "out7" / "quality.html").read_text(encoding="utf-8")
    assert 'id="monitor-history"' in html and "<td>2020-07-01</td>" in html


def test_monitor_flow_tasks():
    from flows import monitor

    assert sorted(t.name for t in (monitor.read_packages, monitor.score_and_store)) == [
        "read-packages", "score-and-store"]
    assert monitor.read_packages.retries == 2
