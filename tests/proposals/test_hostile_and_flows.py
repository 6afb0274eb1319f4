"""User text in the proposals outputs is escaped (HTML) and neutralised (XLSX), and still
reads back unchanged on import; the proposals and review flows under Prefect."""
from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from audits.campaign import pipeline
from audits.campaign.config import load_campaign
from audits.proposals.sheet import COLUMNS, SHEET
from audits.store.db import open_database
from campaigns import good_row, make_campaign, write_inventory
from cli_runner import odaudit

LETTER = {c.key: chr(ord("A") + i) for i, c in enumerate(COLUMNS)}
HOSTILE = "@SUM(1+1)*cmd|' /C calc'!A0 <script>alert(1)</script>"


def campaign(tmp_path):
    directory = make_campaign(tmp_path / "c", {"ukt": "Управління ІКТ"})
    write_inventory(directory / "ukt.xlsx", [good_row(1, title=HOSTILE), good_row(2, title="Перелік парковок")])
    return directory


def store(directory, db: str) -> None:
    pipeline.audit(open_database(db), load_campaign(directory), date(2020, 6, 1), datetime(2020, 6, 1, 9))


def test_hostile_titles_are_escaped_neutralised_and_read_back(tmp_path):
    db = f"sqlite:///{tmp_path / 'h.sqlite'}"
    store(campaign(tmp_path), db)
    assert odaudit("proposals", "--db", db, "--out", tmp_path / "out").returncode == 0
    html = (tmp_path / "out" / "proposals.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    book = load_workbook(tmp_path / "out" / "proposals.xlsx")
    titles = [c.value for c in book[SHEET][LETTER["title"]][1:]]
    assert "'" + HOSTILE in titles                                   # text, not a live formula
    sheet = book[SHEET]
    row = titles.index("'" + HOSTILE) + 2
    sheet[f"{LETTER['decision']}{row}"] = "відхилити"
    book.save(tmp_path / "decided.xlsx")
    result = odaudit("review", "import", tmp_path / "decided.xlsx", "--db", db, "--json")
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout)["recorded"] == 1


@pytest.mark.flow
def test_proposals_and_review_flows(prefect_harness, tmp_path, db_url):
    from flows.proposals import proposals_flow, review_flow

    store(campaign(tmp_path), db_url)
    result = proposals_flow(out=tmp_path / "out", db_url=db_url, exported_at=datetime(2020, 6, 2, 9))
    assert (result["compliance_gaps"], result["proposals"], result["blocked"]) == (0, 2, 0)
    assert sorted(result["outputs"]) == ["proposals.html", "proposals.xlsx"]
    again = proposals_flow(out=tmp_path / "out", db_url=db_url, exported_at=datetime(2020, 6, 3, 9))
    assert again["export"] == result["export"]                       # the same ranking is kept once
    book = load_workbook(tmp_path / "out" / "proposals.xlsx")
    book[SHEET][f"{LETTER['decision']}2"] = "схвалити"
    book[SHEET][f"{LETTER['deadline']}2"] = datetime(2020, 10, 1)
    book.save(tmp_path / "signed.xlsx")
    review = review_flow(file=tmp_path / "signed.xlsx", db_url=db_url, by="Секретар",
                         recorded_at=datetime(2020, 6, 10, 15))
    assert (review["recorded"], review["findings"]) == (1, [])


def test_flow_graph_snapshot():
    from flows import proposals

    assert (proposals.proposals_flow.name, proposals.review_flow.name) == ("proposals", "review")
    assert sorted(t.name for t in (proposals.rank, proposals.write, proposals.record)) == [
        "import-decisions", "rank-proposals", "write-proposals"]
