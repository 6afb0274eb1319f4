"""What a Prefect server needs before `prefect deploy --all`: the process work pool the
deployments name (with a concurrency limit: how many flow runs at once over all workers) and
the one global rate limit every request to the portal takes a slot of, whatever the number of
workers (a Prefect global concurrency limit with slot decay). Both are created or updated, so
running it twice changes nothing. `odaudit prefect setup` calls it."""
from __future__ import annotations

from dataclasses import dataclass

from flows import prefect_env  # noqa: F401  (must precede the Prefect import)

POOL = "odaudit"
PORTAL_LIMIT = "portal-requests"
ZOMBIES = "odaudit-crash-runs-without-heartbeat"


@dataclass(frozen=True)
class ServerSetup:
    api_url: str
    pool: str
    pool_concurrency: int | None
    portal_limit: str
    portal_rate: float           # requests per second to the portal, over every worker
    zombie_after_s: int          # a running flow run without a heartbeat this long is marked Crashed


def setup(pool: str = POOL, concurrency: int | None = 4, portal_rate: float = 2.0,
          zombie_after_s: int = 600) -> ServerSetup:
    """Create or update the work pool, the portal rate limit and the automation that marks the flow
    runs of a dead worker Crashed (no heartbeat for ``zombie_after_s``; flows beat every 180 s by
    default, PREFECT_FLOWS_HEARTBEAT_FREQUENCY), so they stop holding the pool's slots."""
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL

    api = PREFECT_API_URL.value()
    if not api:
        raise LookupError("PREFECT_API_URL is not set: start a server (prefect server start) and "
                          "export PREFECT_API_URL=http://127.0.0.1:4200/api first")
    with get_client(sync_client=True) as client:
        _work_pool(client, pool, concurrency)
        _rate_limit(client, PORTAL_LIMIT, portal_rate)
    _zombie_automation(zombie_after_s)
    return ServerSetup(api, pool, concurrency, PORTAL_LIMIT, portal_rate, zombie_after_s)


def _work_pool(client, name: str, concurrency: int | None) -> None:
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.workers.process import ProcessWorker

    client.create_work_pool(WorkPoolCreate(name=name, type="process", concurrency_limit=concurrency,
                                           base_job_template=ProcessWorker.get_default_base_job_template(),
                                           description="odaudit flows (process worker in the checkout)"),
                            overwrite=True)


def _rate_limit(client, name: str, per_second: float) -> None:
    """One slot, freed 1/rate s after it is taken: requests are spaced at least 1/rate s apart over
    every worker, so no second sees more than ``rate`` (a limit of several slots would allow bursts)."""
    from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate, GlobalConcurrencyLimitUpdate
    from prefect.exceptions import ObjectNotFound

    try:
        client.read_global_concurrency_limit_by_name(name)
    except ObjectNotFound:
        client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(
            name=name, limit=1, slot_decay_per_second=per_second))
        return
    client.update_global_concurrency_limit(name, GlobalConcurrencyLimitUpdate(
        limit=1, slot_decay_per_second=per_second, active=True))


def _zombie_automation(after_s: int) -> None:
    """Prefect's own recipe for crashed infrastructure: a proactive trigger on missing heartbeats."""
    from datetime import timedelta

    from prefect.automations import Automation
    from prefect.client.schemas.objects import StateType
    from prefect.events.actions import ChangeFlowRunState
    from prefect.events.schemas.automations import EventTrigger, Posture

    automation = Automation(
        name=ZOMBIES, description="Flow runs of a worker that died (no heartbeat) are marked Crashed.",
        trigger=EventTrigger(after={"prefect.flow-run.heartbeat"},
                             expect={"prefect.flow-run.heartbeat", "prefect.flow-run.Completed",
                                     "prefect.flow-run.Failed", "prefect.flow-run.Cancelled",
                                     "prefect.flow-run.Crashed"},
                             match={"prefect.resource.id": ["prefect.flow-run.*"]},
                             for_each={"prefect.resource.id"}, posture=Posture.Proactive, threshold=1,
                             within=timedelta(seconds=after_s)),
        actions=[ChangeFlowRunState(state=StateType.CRASHED,
                                    message=f"no heartbeat for {after_s} s: its worker is gone")])
    try:
        found = Automation.read(name=ZOMBIES)
    except ValueError:
        found = None
    if found is None:
        automation.create()
    else:
        automation.id = found.id
        automation.update()
