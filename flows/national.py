"""The national run: every organisation of a whole-portal snapshot (or of the live portal) as
one child flow run of the `organisation` deployment (run_deployment: one coarse unit each,
never a task per package), spread by the Prefect server over the process workers of the pool
(its concurrency limit bounds the runs at once). Every portal request of every run takes a slot
of the server's global rate limit `portal-requests` (odaudit prefect setup). Each organisation's
snapshot and league-table row are stored as it finishes, so a rerun after a worker died does
only the organisations still missing. Then the league table is written (CSV, XLSX, HTML).
Wiring only: the work is in audits/campaign/national.py."""
from __future__ import annotations

import time
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path

from flows import prefect_env  # noqa: F401  (must precede the Prefect import)

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.states import Completed, Failed
from prefect.tasks import exponential_backoff

from audits.campaign import national, verbs
from audits.portal.client import DEFAULT_BASE_URL
from audits.portal.national import Unit
from flows.publish import named, publish
from flows.server import PORTAL_LIMIT

DEPLOYMENT = "organisation/organisation"
FINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


def portal_slot() -> None:
    """Wait for a slot of the global portal rate limit (none on a server without it: no wait)."""
    from prefect.concurrency.sync import rate_limit

    rate_limit(PORTAL_LIMIT, strict=False)


@task(name="audit-organisation", cache_policy=NO_CACHE, retries=3, retry_jitter_factor=0.5,
      retry_delay_seconds=exponential_backoff(backoff_factor=10))
def audit_organisation(db_url: str | None, unit: dict, as_of: date, base_url: str) -> dict:
    with verbs.database(db_url) as engine:
        return national.organisation(engine, Unit(**unit), as_of, datetime.now().replace(microsecond=0), base_url,
                                     before_request=portal_slot)


@flow(name="organisation", log_prints=False, flow_run_name=lambda: _org_name())
def organisation_flow(units: list[dict], as_of: date, db_url: str | None = None, base_url: str = DEFAULT_BASE_URL):
    """One organisation of the national run (or a batch of them, ``batch`` of the national flow):
    each read, scored, its snapshot and its row stored; one that fails does not stop the others."""
    states = [audit_organisation(db_url, unit, as_of, base_url, return_state=True) for unit in units]
    failed = [u["organization"] for u, state in zip(units, states) if not state.is_completed()]
    if failed:
        return Failed(message=f"{len(failed)} of {len(units)} failed: {', '.join(failed[:10])}")
    return Completed(message=f"{len(units)} organisation(s) stored")


def _org_name() -> str:
    from flows.publish import parameters

    units = parameters().get("units") or [{}]
    more = f" (+{len(units) - 1})" if len(units) > 1 else ""
    return f"org · {units[0].get('organization', '?')}{more}"


@task(name="plan-organisations", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=exponential_backoff(10))
def plan(db_url: str | None, as_of: date, snapshot: str | None, parts: str, base_url: str) -> tuple[list[dict], int]:
    with verbs.database(db_url) as engine:
        units, done = national.to_do(engine, as_of, Path(snapshot) if snapshot else None, Path(parts), base_url,
                                     before_request=portal_slot)
        return [asdict(u) for u in units], done


@task(name="read-stored", cache_policy=NO_CACHE)
def read_stored(db_url: str | None, as_of: date) -> set[str]:
    with verbs.database(db_url) as engine:
        return national.stored(engine, as_of)


@task(name="write-league-table", cache_policy=NO_CACHE)
def write_table(db_url: str | None, as_of: date, out: str, missing: list[str]):
    with verbs.database(db_url) as engine:
        table, paths = national.league(engine, as_of, Path(out), missing)
        return table, {k: str(v) for k, v in paths.items()}


@flow(name="national", log_prints=False, flow_run_name=named("national", "as_of", "snapshot"))
def national_flow(out: str = "out/national", snapshot: str | None = None, base_url: str = DEFAULT_BASE_URL,  # noqa: PLR0913
                  as_of: date | None = None, db_url: str | None = None, deployment: str = DEPLOYMENT,
                  wait_s: float = 6 * 3600, poll_s: float = 3.0, limit: int | None = None, batch: int = 1):
    """``snapshot``: a whole-portal package_search file (default: the live portal at ``base_url``);
    ``limit``: only the first N organisations still to do (a pilot; a rerun continues); ``batch``:
    organisations per child run (1: one each; more spreads Prefect's cost of a run, about 3 CPU
    seconds, over several small organisations)."""
    as_of = as_of or date.today()
    units, done = plan(db_url, as_of, snapshot, str(Path(out) / "parts"), base_url)
    units = units[:limit] if limit else units
    step = max(1, batch)
    runs = [_start(deployment, units[i:i + step], as_of, db_url, base_url) for i in range(0, len(units), step)]
    _wait(runs, wait_s, poll_s)
    stored = read_stored(db_url, as_of)
    missing = sorted(u["organization"] for u in units if u["organization"] not in stored)
    table, paths = write_table(db_url, as_of, out, missing)
    text = _summary(as_of, len(table), done, len(units), missing, paths)
    publish(f"national-{as_of.isoformat()}", text, [{k: r[k] for k in ("rank", "organization", "packages", "coverage",
                                                                        "timeliness", "band", "trend")}
                                                     for r in table[:500]])
    result = {"as_of": as_of.isoformat(), "organizations": len(table), "this_run": len(units),
              "already_done": done, "missing": missing, "outputs": paths}
    if missing:
        return Failed(message=f"{len(missing)} of {len(units)} organisations did not finish "
                              f"(first: {', '.join(missing[:5])}); a rerun does only these", data=result)
    return Completed(message=f"{len(units)} organisations done, {done} already stored", data=result)


def _start(deployment: str, units: list[dict], as_of: date, db_url: str | None, base_url: str):
    from prefect.deployments import run_deployment

    return run_deployment(deployment, parameters={"units": units, "as_of": as_of.isoformat(), "db_url": db_url,
                                                  "base_url": base_url}, timeout=0, as_subflow=True).id


def _wait(runs: list, wait_s: float, poll_s: float) -> dict:
    """Each child run's final state type (or the last seen when ``wait_s`` ran out)."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    states = {run_id: "SCHEDULED" for run_id in runs}
    deadline = time.monotonic() + wait_s
    with get_client(sync_client=True) as client:
        while time.monotonic() < deadline:
            open_ids = [i for i, state in states.items() if state not in FINAL]
            if not open_ids:
                break
            for start in range(0, len(open_ids), 200):
                for run in client.read_flow_runs(flow_run_filter=FlowRunFilter(
                        id=FlowRunFilterId(any_=open_ids[start:start + 200])), limit=200):
                    states[run.id] = run.state_type.value if run.state_type else "PENDING"
            time.sleep(poll_s)
    return states


def _summary(as_of: date, rows: int, done: int, started: int, missing: list[str], paths: dict) -> str:
    from audits.reports.run_summary import links

    lines = [f"# Національний моніторинг станом на {as_of.isoformat()}",
             f"У рейтингу {rows} організацій; цього запуску {started}, уже збережено раніше {done}."]
    if missing:
        lines.append(f"Не завершено {len(missing)}: {', '.join(missing[:50])}. Повторний запуск дообробить лише їх.")
    return "\n".join(lines + [""] + links(paths)) + "\n"
