"""The monitor flow: read the council's packages (live portal or a saved response), score
them against the register, store the snapshot, write the quality outputs. Only wiring: the
work is in audits/portal. Scheduled monthly in prefect.yaml."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from flows import prefect_env  # noqa: F401  (must precede the Prefect import)

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from audits.campaign.status import register_rows
from audits.portal import monitor
from audits.reports.quality_outputs import write_monitor_outputs
from audits.store.db import open_database, transaction
from audits.store.repository import get_campaign


@task(name="read-packages", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=30)
def read_packages(organization: str | None, from_file: str | None, base_url: str):
    """Live reads retry (the client already retries each request; this covers a portal outage)."""
    if from_file:
        return monitor.read_file(Path(from_file))
    return monitor.read_live(organization, base_url)


@task(name="read-register", cache_policy=NO_CACHE)
def read_register(db_url: str | None) -> list[dict]:
    engine = open_database(db_url)
    try:
        with transaction(engine) as session:
            campaign = get_campaign(session)
            return register_rows(session, campaign) if campaign else []
    finally:
        engine.dispose()


@task(name="score-packages", cache_policy=NO_CACHE)
def score(packages, as_of: date, source: str, organization: str | None, register):
    return monitor.assess(packages, as_of, source, organization, register)


@task(name="store-snapshot", cache_policy=NO_CACHE)
def store(db_url: str | None, result, taken_at: datetime) -> int:
    engine = open_database(db_url)
    try:
        return monitor.store(engine, result, taken_at)
    finally:
        engine.dispose()


@task(name="read-history", cache_policy=NO_CACHE)
def read_history(db_url: str | None, organization: str | None) -> list[dict]:
    engine = open_database(db_url)
    try:
        return monitor.history(engine, organization)
    finally:
        engine.dispose()


@task(name="write-quality-outputs", cache_policy=NO_CACHE)
def write_outputs(result, out: Path, history: list[dict]) -> dict[str, str]:
    return {k: str(v) for k, v in write_monitor_outputs(Path(out), result, history).items()}


@flow(name="monitor", log_prints=False)
def monitor_flow(organization: str | None = None, from_file: str | None = None,
                 base_url: str = "https://data.gov.ua", out: Path | None = None, as_of: date | None = None,
                 db_url: str | None = None) -> dict:
    """One monitor run; returns the snapshot id, the summary and the paths written."""
    as_of = as_of or date.today()
    packages, source = read_packages(organization, from_file, base_url)
    register = read_register(db_url)
    result = score(quote(packages), as_of, source, organization, quote(register))
    snapshot = store(db_url, quote(result), datetime.now().replace(microsecond=0))
    paths = write_outputs(quote(result), Path(out), read_history(db_url, result.organization)) if out else {}
    return {"snapshot": snapshot, "summary": result.summary, "outputs": paths}
