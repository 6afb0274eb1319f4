"""What Prefect shows of a run (under the session's test harness): flow-run names carry the
campaign or the file, artifacts hold the figures the CLI prints, a review import that recorded
nothing ends Failed with the reason."""
from __future__ import annotations

from datetime import datetime

import pytest
from openpyxl import load_workbook

from audits.proposals.sheet import COLUMNS, SHEET

pytestmark = pytest.mark.flow
LETTER = {c.key: chr(ord("A") + i) for i, c in enumerate(COLUMNS)}


def _artifact(key: str, state):
    """The artifacts under ``key`` that the run of ``state`` published."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        run = ArtifactFilterFlowRunId(any_=[state.state_details.flow_run_id])
        return client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key]), flow_run_id=run))


def _run_name(state) -> str:
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        return client.read_flow_run(state.state_details.flow_run_id).name


def test_review_that_recorded_nothing_is_failed_with_its_reason(prefect_harness, tmp_path):
    from conftest import build_demo
    from flows.proposals import proposals_flow, review_flow

    db = f"sqlite:///{tmp_path / 'register.sqlite'}"
    build_demo(db)
    proposals_flow(out=tmp_path / "out", db_url=db, exported_at=datetime(2020, 6, 2, 9))
    book = load_workbook(tmp_path / "out" / "proposals.xlsx")
    book[SHEET][f"{LETTER['decision']}2"] = "можливо"          # not a decision the sheet allows
    book.save(tmp_path / "bad.xlsx")
    state = review_flow(file=tmp_path / "bad.xlsx", db_url=db, recorded_at=datetime(2020, 6, 10, 15),
                        return_state=True)
    assert state.is_failed() and state.message.startswith("nothing recorded: 1 error(s) in bad.xlsx; first: ")
    assert _run_name(state) == "review · bad.xlsx"
    [summary] = _artifact("review-lutsk-2020", state)
    assert "Нічого не записано: у аркуші 1 помилка." in summary.data


def test_campaign_run_is_named_and_publishes_its_figures(prefect_harness, tmp_path):
    from conftest import DEMO
    from flows.campaign import campaign_flow

    state = campaign_flow(directory=DEMO, out=tmp_path / "out", db_url=f"sqlite:///{tmp_path / 'r.sqlite'}",
                          as_of="2020-06-01", return_state=True)
    assert state.is_completed() and _run_name(state) == "lutsk-2020 · 2020-06-01"
    [summary] = _artifact("campaign-lutsk-2020", state)
    assert "Прийнято 8, потребують виправлень 6, не надіслали 2" in summary.data
    assert "(file://" in summary.data and "summary.json" in summary.data
    [table] = _artifact("campaign-lutsk-2020-table", state)
    import json

    assert {r["Код"]: r["Стан"] for r in json.loads(table.data)}["cnap"] == "потребує виправлень"


def test_reminders_flow_writes_the_emails_and_its_table(prefect_harness, tmp_path):
    import json
    from datetime import date

    from conftest import build_demo
    from flows.notify import reminders_flow

    db = f"sqlite:///{tmp_path / 'register.sqlite'}"
    build_demo(db)
    state = reminders_flow(campaign="lutsk-2020", out=str(tmp_path / "out"), db_url=db, today=date(2020, 5, 25),
                           return_state=True)
    result = state.result()
    assert (result["send"], len(result["mails"])) == (False, 8)
    assert sorted(p.name for p in (tmp_path / "out" / "mail" / "reminders").iterdir())[:2] == ["cnap.eml", "fin.eml"]
    [summary] = _artifact("reminders-lutsk-2020", state)
    assert "Листів 8: written 8." in summary.data
    [table] = _artifact("reminders-lutsk-2020-table", state)
    assert {r["Стан"] for r in json.loads(table.data)} == {"written"}
    closed = reminders_flow(campaign="lutsk-2020", out=str(tmp_path / "out2"), db_url=db, today=date(2020, 6, 1))
    assert (closed["open"], closed["mails"]) == (False, [])
