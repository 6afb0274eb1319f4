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


@dataclass(frozen=True)
class ServerSetup:
    api_url: str
    pool: str
    pool_concurrency: int | None
    portal_limit: str
    portal_rate: float           # requests per second to the portal, over every worker


def setup(pool: str = POOL, concurrency: int | None = 4, portal_rate: float = 2.0) -> ServerSetup:
    """Create or update the work pool and the portal rate limit on the server in PREFECT_API_URL."""
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL

    api = PREFECT_API_URL.value()
    if not api:
        raise LookupError("PREFECT_API_URL is not set: start a server (prefect server start) and "
                          "export PREFECT_API_URL=http://127.0.0.1:4200/api first")
    with get_client(sync_client=True) as client:
        _work_pool(client, pool, concurrency)
        _rate_limit(client, PORTAL_LIMIT, portal_rate)
    return ServerSetup(api, pool, concurrency, PORTAL_LIMIT, portal_rate)


def _work_pool(client, name: str, concurrency: int | None) -> None:
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.workers.process import ProcessWorker

    client.create_work_pool(WorkPoolCreate(name=name, type="process", concurrency_limit=concurrency,
                                           base_job_template=ProcessWorker.get_default_base_job_template(),
                                           description="odaudit flows (process worker in the checkout)"),
                            overwrite=True)


def _rate_limit(client, name: str, per_second: float) -> None:
    """A limit of ``ceil(rate)`` slots, each freed after 1/rate s: at most ``rate`` requests a second."""
    import math

    from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate, GlobalConcurrencyLimitUpdate
    from prefect.exceptions import ObjectNotFound

    slots = max(1, math.ceil(per_second))
    try:
        client.read_global_concurrency_limit_by_name(name)
    except ObjectNotFound:
        client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(
            name=name, limit=slots, slot_decay_per_second=per_second))
        return
    client.update_global_concurrency_limit(name, GlobalConcurrencyLimitUpdate(
        limit=slots, slot_decay_per_second=per_second, active=True))
