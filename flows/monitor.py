"""The monitor flow: read the council's packages (live portal or a saved response), then score
them against the register, store the snapshot, judge the publication plan and write the
quality outputs. Only wiring: the work is in audits/. Scheduled monthly in prefect.yaml."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from flows import prefect_env  # noqa: F401  (must precede the Prefect import)

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff
from prefect.utilities.annotations import quote

from audits.campaign import verbs
from audits.portal import monitor
from audits.reports.run_summary import monitor_markdown
from flows.publish import named, publish


@task(name="read-packages", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=30),
      retry_jitter_factor=0.5)
def read_packages(organization: str | None, from_file: str | None, base_url: str):
    """Live reads retry (the client already retries each request; this covers a portal outage)."""
    if from_file:
        return monitor.read_file(Path(from_file))
    return monitor.read_live(organization, base_url)


@task(name="score-and-store", cache_policy=NO_CACHE)
def score_and_store(db_url: str | None, packages, source: str, organization: str | None, as_of: date,
                    out: Path | None):
    with verbs.database(db_url) as engine:
        return verbs.monitor(engine, packages, source, organization, as_of, datetime.now().replace(microsecond=0), out)


@flow(name="monitor", log_prints=False, flow_run_name=named("monitor", "organization", "from_file"))
def monitor_flow(organization: str | None = None, from_file: str | None = None,
                 base_url: str = "https://data.gov.ua", out: Path | None = None, as_of: date | None = None,
                 db_url: str | None = None) -> dict:
    """One monitor run; returns the snapshot id, the summary and the paths written."""
    as_of = as_of or date.today()
    packages, source = read_packages(organization, from_file, base_url)
    run = score_and_store(db_url, quote(packages), source, organization, as_of, Path(out) if out else None)
    outputs = {k: str(v) for k, v in run.outputs.items()}
    publish(f"monitor-{run.result.organization or 'all'}", monitor_markdown(run.result.organization, run.result.summary,
                                                                           outputs))
    return {"snapshot": run.snapshot, "summary": run.result.summary, "outputs": outputs, "plan": run.plan}
