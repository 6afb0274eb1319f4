"""Storage on SQLite and PostgreSQL: idempotent reruns, history, current submission,
and a failed run that leaves the database as it was."""
from __future__ import annotations

from datetime import date, datetime

import pytest
import sqlalchemy as sa

from audits.campaign import pipeline, verbs
from audits.campaign.config import load_campaign
from audits.store.db import open_database
from audits.store.models import Base
from campaigns import good_row, make_campaign, write_inventory

AS_OF = date(2020, 6, 1)
T1, T2 = datetime(2020, 5, 20, 10, 0), datetime(2020, 5, 25, 9, 30)


def run(engine, directory, received_at=T1):
    """The campaign pipeline without Prefect (the flow is tested in tests/flows)."""
    config = load_campaign(directory)
    inspections = [pipeline.inspect(item, AS_OF) for item in pipeline.plan(config)]
    pipeline.run(engine, config, inspections, received_at, AS_OF)
    return config


def dump(engine) -> dict:
    """Every row of every table, to compare database states."""
    with engine.connect() as conn:
        return {t.name: sorted(map(repr, conn.execute(sa.select(t)).all())) for t in Base.metadata.sorted_tables}


def status(engine, slug="test-2020"):
    return verbs.status(engine, slug, AS_OF)


@pytest.fixture
def campaign(tmp_path):
    directory = make_campaign(tmp_path / "c", {"ukt": "Управління ІКТ", "fin": "Департамент фінансів",
                                               "osv": "Управління освіти"})
    write_inventory(directory / "ukt.xlsx", [good_row(i) for i in range(1, 4)])
    write_inventory(directory / "fin_2020.xlsx", [good_row(1, "Департамент фінансів"),
                                                  good_row(2, "Департамент фінансів", update_frequency="коли треба")])
    return directory


def test_run_stores_statuses_and_register(db_url, campaign):
    engine = open_database(db_url)
    run(engine, campaign)
    summary = status(engine)
    states = {d["code"]: (d["status"], d["items"], d["errors"], d["register_items"]) for d in summary["departments"]}
    assert states == {"fin": ("invalid", 2, 1, 0), "osv": ("missing", 0, 0, 0), "ukt": ("accepted", 3, 0, 3)}
    rows = verbs.open_result(engine, "test-2020", AS_OF).register
    assert [(r["department_code"], r["row"], r["id"]) for r in rows] == [("ukt", 5, "ds-001"), ("ukt", 6, "ds-002"),
                                                                         ("ukt", 7, "ds-003")]
    assert rows[0]["last_updated"] == "2020-03-01"


def test_rerun_changes_nothing(db_url, campaign):
    engine = open_database(db_url)
    run(engine, campaign, T1)
    before = dump(engine)
    run(engine, campaign, T2)
    assert dump(engine) == before


def test_original_bytes_kept(db_url, campaign):
    engine = open_database(db_url)
    run(engine, campaign)
    with engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT content FROM submission WHERE filename = 'ukt.xlsx'")).scalar_one()
    assert bytes(stored) == (campaign / "ukt.xlsx").read_bytes()


def test_newer_submission_becomes_current_older_stays(db_url, campaign):
    engine = open_database(db_url)
    run(engine, campaign, T1)
    write_inventory(campaign / "fin_2020.xlsx",
                    [good_row(1, "Департамент фінансів"), good_row(2, "Департамент фінансів")])
    run(engine, campaign, T2)
    fin = next(d for d in status(engine)["departments"] if d["code"] == "fin")
    assert (fin["status"], fin["errors"], fin["register_items"], fin["submitted_at"]) == (
        "accepted", 0, 2, "2020-05-25T09:30:00")
    with engine.connect() as conn:
        history = conn.execute(sa.text(
            "SELECT s.valid, s.is_current FROM submission s JOIN department d ON d.id = s.department_id "
            "WHERE d.code = 'fin' ORDER BY s.received_at")).all()
    assert [tuple(map(bool, r)) for r in history] == [(False, False), (True, True)]


def test_register_keeps_last_accepted_when_new_file_is_invalid(db_url, campaign):
    engine = open_database(db_url)
    run(engine, campaign, T1)
    write_inventory(campaign / "ukt.xlsx", [good_row(1, title="")])
    run(engine, campaign, T2)
    ukt = next(d for d in status(engine)["departments"] if d["code"] == "ukt")
    assert (ukt["status"], ukt["items"], ukt["register_items"]) == ("invalid", 1, 3)


def test_failed_run_leaves_database_as_it_was(db_url, campaign):
    """A real database failure in the middle of storing (a trigger refuses findings)."""
    engine = open_database(db_url)
    run(engine, campaign, T1)
    before = dump(engine)
    write_inventory(campaign / "ukt.xlsx", [good_row(1, title="")])   # a new file with a finding
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(sa.text("CREATE TRIGGER refuse BEFORE INSERT ON finding "
                                 "BEGIN SELECT RAISE(ABORT, 'disk full'); END"))
        else:
            conn.execute(sa.text("CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN "
                                 "RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql"))
            conn.execute(sa.text("CREATE TRIGGER refuse BEFORE INSERT ON finding "
                                 "FOR EACH ROW EXECUTE FUNCTION refuse()"))
    with pytest.raises(sa.exc.DatabaseError, match="disk full"):
        run(engine, campaign, T2)
    assert dump(engine) == before


def test_same_title_in_two_departments_warns_both(db_url, tmp_path):
    directory = make_campaign(tmp_path / "c", {"fin": "Департамент фінансів",
                                               "eco": "Департамент економічної політики"})
    shared = "Перелік розпорядників бюджетних коштів"
    write_inventory(directory / "fin.xlsx", [good_row(1, "Департамент фінансів", title=shared)])
    write_inventory(directory / "eco.xlsx", [good_row(7, "Департамент економічної політики", title=f"«{shared}»")])
    engine = open_database(db_url)
    run(engine, directory)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT department, row, column_letter, code, message FROM finding "
                                    "WHERE scope = 'campaign' ORDER BY department")).all()
    assert [tuple(r[:4]) for r in rows] == [("eco", 5, "B", "same-title-other-department"),
                                            ("fin", 5, "B", "same-title-other-department")]
    assert "Департамент фінансів" in rows[0].message
    summary = status(engine)
    assert {d["code"]: d["warnings"] for d in summary["departments"]} == {"eco": 1, "fin": 1}


def test_unknown_file_is_reported_not_assigned(db_url, campaign):
    write_inventory(campaign / "scan_from_someone.xlsx", [good_row(1)])
    engine = open_database(db_url)
    run(engine, campaign)
    summary = status(engine)
    assert [(u["file"], u["errors"]) for u in summary["unassigned_files"]] == [("scan_from_someone.xlsx", 1)]


def test_migrations_match_models(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = open_database(db_url)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_a_file_not_sent_again_is_marked_from_its_stored_bytes(db_url, campaign, tmp_path):
    """The second run's folder lacks fin's file: fin keeps its current file, and its feedback is
    a marked copy made from the bytes the register kept (read only for that department)."""
    from openpyxl import load_workbook

    from audits.campaign.outputs import write_outputs

    engine = open_database(db_url)
    run(engine, campaign, T1)
    (campaign / "fin_2020.xlsx").unlink()
    result = pipeline.audit(engine, load_campaign(campaign), AS_OF, T2)
    fin = next(d for d in result.summary["departments"] if d["code"] == "fin")
    assert (fin["status"], fin["file"], fin["errors"]) == ("invalid", "fin_2020.xlsx", 1)
    assert result.current_file("fin").content is not None and result.current_file("ukt").stored
    feedback = write_outputs(result, tmp_path / "out")["feedback"]
    assert "Інвентаризація" in load_workbook(feedback / "fin.xlsx").sheetnames   # a copy, not a list only
