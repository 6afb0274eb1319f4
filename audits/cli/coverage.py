"""odaudit coverage: the 73 Resolution 835 items a council owes, from the stored register."""
from __future__ import annotations

from datetime import date
from typing import Optional

import typer

from .common import DB_HELP, EXIT_OK, cannot_run, console as make_console, print_json


def command(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    campaign: Optional[str] = typer.Option(None, "--campaign", help="Campaign slug (default: the newest)."),
    as_json: bool = typer.Option(False, "--json", help="Print {campaign, totals, items: [...]} as JSON."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """Which mandatory datasets are published, held but not published, or not found in any inventory.

    Example: odaudit coverage --json
    """
    from ..campaign import verbs
    from ..catalogue.coverage import STATUS_LABELS

    with cannot_run(debug):
        found = verbs.coverage(verbs.engine_for(db), campaign, date.today())
    if as_json:
        print_json(found)
        raise typer.Exit(EXIT_OK)
    from rich.table import Table

    table = Table("Пункт", "Набір даних", "Стан", "Хто подав")
    for item in found["items"]:
        table.add_row(item["id"], item["title"], STATUS_LABELS[item["status"]], ", ".join(item["departments"]))
    console = make_console()
    console.print(table)
    t = found["totals"]
    console.print(f"Оприлюднено {t['published']}, є але не оприлюднено {t['held']}, не знайдено {t['not-found']} "
                  f"з {t['items']}.")
