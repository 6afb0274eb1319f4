"""odaudit template: write each department's inventory template (.xlsx and .ods)."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

import typer

from .common import DB_HELP, EXIT_OK, cannot_run, console as make_console, print_json

HELP = ("Write the inventory templates of a campaign: one .xlsx and one .ods per department.\n\n"
        "Generated from the inventory schema: Ukrainian instructions with a worked example, the deadline and "
        "whom to ask (campaign.yaml); Ukrainian headers with hints; dropdowns for every list; date and "
        "whole-number checks; the department filled in and locked; the department's accepted items of the "
        "previous campaign filled in (from the database, when it has one). The campaign, department and template "
        "version are embedded, so a returned file is recognised whatever its name.\n\n"
        "Exit 0: written; 2: could not run.\n\n"
        "Example: odaudit template --campaign inventories/lutsk-2020 --department ukt --out out/templates\n")


def command(
    campaign: Path = typer.Option(..., "--campaign", help="Campaign folder with campaign.yaml.", file_okay=False),
    out: Path = typer.Option(..., "--out", help="Folder for the templates (created if missing)."),
    department: Optional[str] = typer.Option(None, "--department", help="Only this department's code (default: all)."),
    previous: Optional[str] = typer.Option(None, "--previous",
                                           help="Campaign slug to carry items over from (default: the stored "
                                                "campaign of the same council of the latest earlier year, "
                                                "if any)."),
    no_previous: bool = typer.Option(False, "--no-previous", help="Carry nothing over: empty templates."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the files written as JSON."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    from ..campaign.config import load_campaign
    from ..campaign.verbs import previous_items
    from ..templates.build import write_templates

    with cannot_run(debug):
        config = load_campaign(campaign, snapshot=False)
        departments = list(config.departments)
        if department is not None:
            departments = [d for d in [config.department(department)] if d]
            if not departments:
                raise typer.BadParameter(f"'{department}' is not a department of {config.slug} "
                                         f"(codes: {', '.join(d.code for d in config.departments)})",
                                         param_hint="--department")
        if no_previous and previous:
            raise typer.BadParameter("--previous and --no-previous exclude each other", param_hint="--no-previous")
        found, items = (None, {}) if no_previous else previous_items(db, config, date.today(), previous)
        written = write_templates(config, out, departments, found, items)
    if as_json:
        print_json({"campaign": config.slug, "previous": found, "templates": [w.to_dict() for w in written]})
    else:
        console = make_console()
        source = f" (items carried over from {found})" if found else ""
        console.print(f"Templates of {config.slug}{source}:")
        for w in written:
            console.print(f"  {w.department}: {w.xlsx}, {w.ods} ({w.prefilled} prefilled rows)")
    raise typer.Exit(EXIT_OK)
