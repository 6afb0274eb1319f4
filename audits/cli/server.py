"""odaudit prefect setup: prepare a Prefect server for `prefect deploy --all` (flows/server.py)."""
from __future__ import annotations

from typing import Optional

import typer

from .common import EXIT_OK, cannot_run, print_json

app = typer.Typer(help="Prefect server: what it needs before `prefect deploy --all`.", no_args_is_help=True)


@app.command("setup")
def setup_command(
    pool: str = typer.Option("odaudit", "--pool", help="Work pool name (the one prefect.yaml names)."),
    concurrency: Optional[int] = typer.Option(4, "--concurrency", min=1,
                                              help="Most flow runs at once in the pool, over all workers."),
    portal_rate: float = typer.Option(2.0, "--portal-rate", min=0.1,
                                      help="Most requests per second to the portal, over all workers."),
    zombie_after: int = typer.Option(600, "--zombie-after", min=60,
                                     help="Seconds without a heartbeat after which a running flow run is marked "
                                          "Crashed (its worker died), freeing its pool slot."),
    as_json: bool = typer.Option(False, "--json", help="Print what was set up as JSON."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """Create (or update) the process work pool and the portal's global rate limit on the
    server in PREFECT_API_URL. Running it twice changes nothing.

    Example: odaudit prefect setup --concurrency 4 --portal-rate 2 (with PREFECT_API_URL=http://127.0.0.1:4200/api)
    """
    with cannot_run(debug):
        from flows.server import setup

        done = setup(pool, concurrency, portal_rate, zombie_after)
    if as_json:
        print_json(done.__dict__)
    else:
        typer.echo(f"Work pool '{done.pool}' (process, at most {done.pool_concurrency} flow runs at once) and "
                   f"rate limit '{done.portal_limit}' ({done.portal_rate:g} portal requests/s); runs without a heartbeat for "
                   f"{done.zombie_after_s} s are marked Crashed; on {done.api_url}")
    raise typer.Exit(EXIT_OK)
