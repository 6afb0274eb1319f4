"""Data-check results per register item and the blocking the proposals rely on, on SQLite
and PostgreSQL."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from audits.data.check import check_file
from audits.store.data_checks import blocked_items, expectation_shares, item_key, mark_reviewed, record_check
from audits.store.db import open_database, transaction
from audits.store.models import Campaign, DataCheck

ROOT = Path(__file__).resolve().parents[2]
PERSONAL = ROOT / "tests" / "data" / "privacy" / "leased-property-with-personal-data.csv"
STOPS = ROOT / "schemas" / "datasets" / "transport-stops" / "valid.csv"
AT = datetime(2020, 6, 1, 12, 0)


@pytest.fixture
def campaign_db(db_url):
    engine = open_database(db_url)
    with transaction(engine) as session:
        campaign = Campaign(slug="lutsk-2020", name="Аудит даних", year=2020)
        session.add(campaign)
        session.flush()
        campaign_id = campaign.id
    yield engine, campaign_id
    engine.dispose()


def test_check_file_is_plain_data():
    result = check_file(STOPS, as_of=date(2020, 6, 1), expectations=False)
    assert (result["schema"], result["catalogue"], result["valid"], result["privacy_hits"]) == (
        "transport-stops", "oms-10", True, 0)
    personal = check_file(PERSONAL, as_of=date(2020, 6, 1), expectations=False)
    # named like the leased-property dataset, but with other columns: the header findings say so
    assert (personal["schema"], personal["engine"], personal["valid"]) == ("leased-property", "fast", False)
    assert personal["privacy_hits"] == 5 and personal["blocked"]


def test_an_item_with_personal_data_is_blocked_until_cleared(campaign_db):
    engine, campaign_id = campaign_db
    dirty = check_file(PERSONAL, as_of=date(2020, 6, 1), expectations=False)
    clean = check_file(STOPS, as_of=date(2020, 6, 1))
    with transaction(engine) as session:
        record_check(session, campaign_id, item_key("mist", "mist-007"), dirty, AT)
        record_check(session, campaign_id, item_key("trans", "trans-001"), clean, AT)
        record_check(session, campaign_id, item_key("mist", "mist-007"), dirty, AT)     # a rerun: no new row
    with transaction(engine) as session:
        assert session.query(DataCheck).count() == 2
        blocked = blocked_items(session, campaign_id)
        assert list(blocked) == ["mist:mist-007"]
        assert "leased-property-with-personal-data.csv" in blocked["mist:mist-007"]
        assert "не перевірено" in blocked["mist:mist-007"]
        assert expectation_shares(session, campaign_id) == {"trans:trans-001": 1.0}
    with transaction(engine) as session:
        mark_reviewed(session, campaign_id, "mist:mist-007", "Ткачук В. П.", cleared=False, at=AT)
        assert "потрібне знеособлення" in blocked_items(session, campaign_id)["mist:mist-007"]
        mark_reviewed(session, campaign_id, "mist:mist-007", "Ткачук В. П.", cleared=True, at=AT,
                      note="ФОП: дані з ЄДР")
        assert blocked_items(session, campaign_id) == {}
