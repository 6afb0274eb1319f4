"""The campaign flow: per-department inspection runs concurrently, then one transaction
stores the run, then the outputs are written. Only wiring: the work is in audits/."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from flows import prefect_env  # noqa: F401  (must precede the Prefect import)

from prefect import flow, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from audits.campaign import outputs, pipeline
from audits.campaign.config import load_campaign
from audits.store.db import open_database


@task(name="inspect-file", cache_policy=NO_CACHE)
def inspect_file(item: pipeline.Submitted, as_of: date, example_code: str):
    return pipeline.inspect(item, as_of, example_code)


@task(name="read-portal", cache_policy=NO_CACHE)
def read_portal(db_url: str | None, config, as_of: date):
    engine = open_database(db_url)
    try:
        return pipeline.portal_input(engine, config, as_of)
    finally:
        engine.dispose()


@task(name="read-demand", cache_policy=NO_CACHE)
def read_demand(config, as_of: date):
    return pipeline.demand_input(config, as_of)


@task(name="cross-department-checks", cache_policy=NO_CACHE)
def cross_checks(inspections, config, portal):
    return pipeline.cross_findings(pipeline.current_per_department(inspections), config, portal)


@task(name="store-run", cache_policy=NO_CACHE)
def store(db_url: str | None, config, inspections, cross, received_at: datetime, portal, demand) -> None:
    engine = open_database(db_url)
    try:
        pipeline.store_run(engine, config, inspections, cross, received_at, portal, demand)
    finally:
        engine.dispose()


@task(name="write-outputs", cache_policy=NO_CACHE)
def write_outputs(db_url: str | None, slug: str, out: Path, as_of: date) -> dict[str, str]:
    engine = open_database(db_url)
    try:
        return {k: str(v) for k, v in outputs.write_outputs(engine, slug, out, as_of).items()}
    finally:
        engine.dispose()


@flow(name="campaign", log_prints=False)
def campaign_flow(directory: Path, out: Path, as_of: date | None = None, db_url: str | None = None,
                  received_at: datetime | None = None) -> dict:
    """Audit one campaign folder; returns the paths written and whether errors were found."""
    config = load_campaign(Path(directory))
    as_of = as_of or config.as_of or date.today()
    example = config.departments[0].code if config.departments else "ukt"
    items = pipeline.plan(config)
    inspections = inspect_file.map(items, unmapped(as_of), unmapped(example)).result()
    # quote(): Prefect would otherwise walk every cell of every inspection looking for futures
    # (about 3.4 million objects for 40 × 300 rows: 115 s of 156 s in a profile of the bench).
    portal = read_portal(db_url, config, as_of)
    demand = read_demand(config, as_of)
    cross = cross_checks(quote(inspections), config, quote(portal))
    store(db_url, config, quote(inspections), quote(cross), received_at or datetime.now().replace(microsecond=0),
          quote(portal), quote(demand))
    paths = write_outputs(db_url, config.slug, Path(out), as_of)
    errors = any(f.is_error for i in pipeline.current_per_department(inspections) for f in i.report.findings)
    return {"outputs": paths, "errors_found": errors, "as_of": as_of.isoformat(), "campaign": config.slug}


def run_campaign(**kwargs) -> dict:
    """Call the flow without the per-flow heartbeat wait (about 1 s per call in Prefect 3.9)."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        return campaign_flow(**kwargs)
