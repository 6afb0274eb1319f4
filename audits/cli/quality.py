"""odaudit quality: quality scores of the stored register and the latest portal snapshot."""
from __future__ import annotations

from datetime import date
from typing import Optional

import typer

from .common import DB_HELP, EXIT_CANNOT_RUN, EXIT_OK, cannot_run, console as make_console, print_json


def command(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    campaign: Optional[str] = typer.Option(None, "--campaign", help="Campaign slug (default: the newest)."),
    as_json: bool = typer.Option(False, "--json", help="Print {datasets, departments, city, attention} as JSON."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """Quality of every dataset: points per indicator, band, and what to fix.

    Inventory items are scored as of their campaign's date, portal packages as of their
    snapshot's date. Weights and thresholds: config/quality.yaml.

    Example: odaudit quality --json
    """
    from ..campaign import verbs
    from ..quality.aggregate import attention, by_department, summarize

    with cannot_run(debug):
        stored = verbs.quality(verbs.engine_for(db), campaign, date.today())
    if not stored.scores:
        typer.echo("odaudit: cannot run: nothing to score; run 'odaudit campaign run' or 'odaudit monitor' first",
                   err=True)
        raise typer.Exit(EXIT_CANNOT_RUN)
    if as_json:
        print_json({"campaign": stored.campaign, "as_of": stored.as_of, "snapshot": stored.snapshot,
                    "snapshot_as_of": stored.snapshot_as_of, "datasets": [s.to_dict() for s in stored.scores],
                    "departments": by_department(stored.scores), "city": summarize(stored.scores),
                    "attention": [s.to_dict() for s in attention(stored.scores)]})
        raise typer.Exit(EXIT_OK)
    _table(stored.scores, by_department(stored.scores), summarize(stored.scores))


def _table(scores, departments: dict, city: dict) -> None:
    from rich.table import Table

    from ..messages import DATASETS, plural
    from ..quality.aggregate import bands_text

    console = make_console()
    table = Table("Орган", "Наборів", "Середній бал, %", "Вчасно", "Із запізненням", "Невідомо")
    for code, s in departments.items():
        t = s["timeliness"]
        table.add_row(code, str(s["datasets"]), str(s["mean_score"]), str(t["on-time"]), str(t["late"]),
                      str(t["unknown"]))
    console.print(table)
    console.print(f"Місто: {plural(city['datasets'], *DATASETS)}, середній бал {city['mean_score']}%, "
                  f"рівні якості: {bands_text(city['bands'])}.", markup=False)
