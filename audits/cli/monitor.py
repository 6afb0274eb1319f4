"""odaudit monitor: read an organisation's packages from data.gov.ua (or a saved API
response), score their quality and timeliness, store the run as a snapshot."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Optional

import typer

from .common import (
    DB_HELP,
    EXIT_CANNOT_RUN,
    EXIT_FINDINGS,
    EXIT_OK,
    cannot_run,
    console as make_console,
    parse_date,
    print_json,
)

HELP = """Monitor what an organisation publishes on the national portal: timeliness and quality.

Example: odaudit monitor --org lutska-miska-rada --out out/portal

Example (offline): odaudit monitor --from-file inventories/lutsk-2020/portal/package_search.json --json

Exit 1 when a package is late or has no update frequency, or a register item called
published is not on the portal; 2 when the portal or the file cannot be read.
"""


def command(
    org: Optional[str] = typer.Option(None, "--org", help="Portal organisation (name or id) to read live."),
    from_file: Optional[Path] = typer.Option(None, "--from-file", help="A saved package_search response or a "
                                             "JSON list of packages (offline mode)."),
    base_url: str = typer.Option("https://data.gov.ua", "--base-url", help="CKAN portal address."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Date to judge timeliness on (default: today)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    out: Optional[Path] = typer.Option(None, "--out", help="Write quality.csv, quality.xlsx, quality.html, "
                                       "monitor.json here."),
    as_json: bool = typer.Option(False, "--json", help="Print {packages: [...], summary: {...}} as JSON."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    if (org is None) == (from_file is None):
        typer.echo("odaudit: cannot run: give exactly one of --org (live portal) or --from-file (saved response)",
                   err=True)
        raise typer.Exit(EXIT_CANNOT_RUN)
    from ..campaign import verbs
    from ..portal import monitor

    audit_date = parse_date(as_of) or date.today()
    with cannot_run(debug):
        packages, source = monitor.read_file(from_file) if from_file else monitor.read_live(org, base_url)
        run = verbs.monitor(verbs.engine_for(db), packages, source, org, audit_date,
                            datetime.now().replace(microsecond=0), out)
    _report(run.result, run.outputs, as_json, run.plan)
    raise typer.Exit(EXIT_FINDINGS if run.problems else EXIT_OK)


command.__doc__ = HELP


def _report(result, paths, as_json: bool, plan: list[dict]) -> None:
    from ..portal.monitor import to_json

    if as_json:
        print_json({**to_json(result), "plan": plan})
        return
    from ..quality.timeliness import STATE_LABELS

    s, console = result.summary, make_console()
    t = s["timeliness"]
    console.print(f"Портал: {s['source']} ({s['organization'] or 'організацію не визначено'}), станом на {s['as_of']}: "
                  f"наборів {s['packages']}, середній бал {s['mean_score']}%.")
    console.print("Своєчасність: " + ", ".join(f"{STATE_LABELS[k]} {v}" for k, v in t.items()) + ".")
    console.print(f"Оприлюднено наборів з постанови № 835: {s['catalogue_items']}; позначено як оприлюднені, "
                  f"але немає на порталі: {s['not_on_portal']}.")
    for finding in result.not_on_portal:
        console.print(f"  {finding.department}: {finding.message}", markup=False)
    if plan:
        console.print("План оприлюднення: " + ", ".join(f"{i['item_id']} — {i['status_label']}" for i in plan) + ".",
                      markup=False)
    for name, path in paths.items():
        console.print(f"  {name}: {path}", markup=False)
