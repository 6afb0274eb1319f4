"""The national run from a whole-portal snapshot file, without Prefect: the file is split once
into one file per organisation, each organisation is done from its own file, and a second plan
for the same date leaves out what is stored."""
from __future__ import annotations

import json
from datetime import date, datetime

from conftest import DEMO

AS_OF = date(2020, 6, 1)


def test_snapshot_split_done_and_planned_again(tmp_path):
    from audits.campaign import national
    from audits.portal.national import Unit
    from audits.store.db import open_database

    packages = json.loads((DEMO / "portal" / "package_search.json").read_text(encoding="utf-8"))["result"]["results"]
    other = [{**p, "id": f"x-{p['id']}", "organization": {"name": "insha-hromada", "title": "Інша громада"}}
             for p in packages[:3]]
    snapshot = tmp_path / "portal.json"
    snapshot.write_text(json.dumps({"success": True, "result": {"count": 15, "results": packages + other}},
                                   ensure_ascii=False), encoding="utf-8")
    engine = open_database(f"sqlite:///{tmp_path / 'national.sqlite'}")
    units, done = national.to_do(engine, AS_OF, snapshot, tmp_path / "parts")
    assert ([(u.organization, u.packages) for u in units], done) == (
        [("lutska-miska-rada", 12), ("insha-hromada", 3)], 0)
    row = national.organisation(engine, Unit(**units[1].__dict__), AS_OF, datetime(2020, 6, 1, 9))
    assert (row["organization"], row["title"], row["packages"], row["stored"]) == ("insha-hromada", "Інша громада",
                                                                                   3, True)
    again, done = national.to_do(engine, AS_OF, snapshot, tmp_path / "parts")
    assert ([u.organization for u in again], done) == (["lutska-miska-rada"], 1)
    assert national.organisation(engine, units[1], AS_OF, datetime(2020, 6, 1, 10))["stored"] is False
    table, paths = national.league(engine, AS_OF, tmp_path / "out", ["lutska-miska-rada"])
    assert [r["organization"] for r in table] == ["insha-hromada"] and sorted(paths) == [
        "national.csv", "national.html", "national.xlsx"]
    engine.dispose()
