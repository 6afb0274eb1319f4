"""The monitor's trend counts a snapshot once: the same packages as of the same date, read again
(the campaign's saved response, then a monitor run of that file), are one row. SQLite and PostgreSQL."""
from __future__ import annotations

import json

from cli_runner import odaudit
from conftest import DEMO

SAVED = DEMO / "portal" / "package_search.json"


def history(db: str, as_of: str, out) -> list[dict]:
    run = odaudit("monitor", "--from-file", SAVED, "--as-of", as_of, "--db", db, "--out", out)
    assert run.returncode in (0, 1), run.stderr
    return json.loads((out / "monitor.json").read_text(encoding="utf-8"))["history"]


def test_the_same_snapshot_stored_twice_is_one_row_of_the_trend(demo_db_url, tmp_path):
    first = history(demo_db_url, "2020-06-01", tmp_path / "a")      # the campaign stored this one already
    assert [h["as_of"] for h in first] == ["2020-06-01"]
    later = history(demo_db_url, "2020-09-01", tmp_path / "b")
    again = history(demo_db_url, "2020-09-01", tmp_path / "c")
    assert [h["as_of"] for h in later] == [h["as_of"] for h in again] == ["2020-06-01", "2020-09-01"]
    html = (tmp_path / "c" / "quality.html").read_text(encoding="utf-8")
    assert html.count("<td>2020-09-01</td>") == 1
