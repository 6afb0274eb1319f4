"""The national run's unit of work against a misbehaving portal (bench/portal_stub.py as a real
process): 429 with Retry-After and 500 are retried and the organisation is stored; truncated JSON
and a portal too slow to answer are one clear error, and nothing already stored is lost."""
from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from prefect_processes import portal_stub

AS_OF, AT = date(2020, 6, 1), datetime(2020, 6, 1, 9)


@pytest.fixture
def engine(tmp_path):
    from audits.store.db import open_database

    engine = open_database(f"sqlite:///{tmp_path / 'national.sqlite'}")
    yield engine
    engine.dispose()


def organisation(engine, base: str, org: str, **client):
    from audits.campaign import national
    from audits.portal.national import Unit

    return national.organisation(engine, Unit(org), AS_OF, AT, base, **client)


def stored(engine) -> list[str]:
    from audits.store.db import transaction
    from audits.store.national import rows

    with transaction(engine) as session:
        return [r["organization"] for r in rows(session, AS_OF)]


def test_429_with_retry_after_is_waited_and_the_organisation_stored(engine):
    with portal_stub("--orgs", "2", "--packages", "10", "--fault", "429", "--fault-times", "1") as (base, _):
        started = time.monotonic()
        row = organisation(engine, base, "hromada-0000")
        waited = time.monotonic() - started
    assert row["stored"] and waited >= 1.0          # the stub's Retry-After: 1
    assert stored(engine) == ["hromada-0000"]


def test_500_twice_is_retried(engine):
    with portal_stub("--orgs", "1", "--packages", "5", "--fault", "500", "--fault-times", "2") as (base, stats):
        assert organisation(engine, base, "hromada-0000")["packages"] == 5


def test_truncated_json_is_one_clear_error_and_keeps_what_was_stored(engine):
    from audits.portal.client import PortalError

    with portal_stub("--orgs", "2", "--packages", "10", "--fault", "truncated", "--fault-org", "hromada-0001") \
            as (base, _):
        organisation(engine, base, "hromada-0000")
        with pytest.raises(PortalError, match="not JSON we accept"):
            organisation(engine, base, "hromada-0001")
    assert stored(engine) == ["hromada-0000"]


def test_a_portal_too_slow_to_answer_is_named(engine):
    from audits.portal import monitor
    from audits.portal.client import PortalError

    with portal_stub("--orgs", "1", "--packages", "3", "--delay", "1.5") as (base, _):
        with pytest.raises(PortalError, match="no answer within 0.5 s after 2 attempts"):
            monitor.read_live("hromada-0000", base, timeout_s=0.5, retries=1, backoff_s=0.1)
    assert stored(engine) == []
