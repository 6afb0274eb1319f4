"""odaudit coverage: the 73 Resolution 835 items a council owes, from the stored register."""
from __future__ import annotations

from typing import Optional

import typer

from .common import DB_HELP, EXIT_CANNOT_RUN, EXIT_OK, cannot_run, console as make_console, print_json


def command(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    campaign: Optional[str] = typer.Option(None, "--campaign", help="Campaign slug (default: the newest)."),
    as_json: bool = typer.Option(False, "--json", help="Print {campaign, totals, items: [...]} as JSON."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """Which mandatory datasets are published, held but not published, or not found in any inventory.

    Example: odaudit coverage --json
    """
    from ..campaign.status import register_rows
    from ..catalogue.coverage import STATUS_LABELS, coverage, totals
    from ..portal.current import current_portal
    from ..portal.monitor import portal_facts
    from ..store.db import open_database, transaction
    from ..store.repository import coverage_links, get_campaign

    with cannot_run(debug):
        engine = open_database(db)
        with transaction(engine) as session:
            found = get_campaign(session, campaign)
            portal = current_portal(session, found, register_rows(session, found)) if found else None
            facts = portal_facts(portal) if portal else None
            entries = coverage(coverage_links(session, found), facts) if found else None
            slug = found.slug if found else None
    if entries is None:
        typer.echo("odaudit: cannot run: no campaign in the database; run 'odaudit campaign run' first", err=True)
        raise typer.Exit(EXIT_CANNOT_RUN)
    if as_json:
        print_json({"campaign": slug, "totals": totals(entries), "items": [e.to_dict() for e in entries]})
        raise typer.Exit(EXIT_OK)
    from rich.table import Table

    table = Table("Пункт", "Набір даних", "Стан", "Хто подав")
    for entry in entries:
        item = entry.to_dict()
        table.add_row(item["id"], item["title"], STATUS_LABELS[item["status"]], ", ".join(item["departments"]))
    console = make_console()
    console.print(table)
    t = totals(entries)
    console.print(f"Оприлюднено {t['published']}, є але не оприлюднено {t['held']}, не знайдено {t['not-found']} "
                  f"з {t['items']}.")
