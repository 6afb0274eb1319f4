"""odaudit plan export|status: the publication plan of approved datasets."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

import typer

from .common import DB_HELP, EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK, cannot_run, console as make_console, print_json

app = typer.Typer(help="The publication plan: the datasets the working group approved.", no_args_is_help=True)
FORMATS = ("xlsx", "docx")


def _items(db: str | None, campaign: str | None):
    from ..campaign import verbs

    return verbs.plan(verbs.engine_for(db), campaign, date.today())


@app.command("export")
def export_command(
    format: str = typer.Option(..., "--format", help="xlsx or docx."),
    out: Path = typer.Option(..., "--out", help="The file to write."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    campaign: Optional[str] = typer.Option(None, "--campaign", help="Campaign slug (default: the newest)."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """Write the annex to the mayor's order: №, dataset, department, responsible person,
    deadline, update frequency, and the state on the portal as of the latest monitor run.

    Example: odaudit plan export --format docx --out out/plan.docx
    """
    if format not in FORMATS:
        typer.echo(f"odaudit: cannot run: --format must be one of {', '.join(FORMATS)}", err=True)
        raise typer.Exit(EXIT_CANNOT_RUN)
    from ..reports.plan_export import write_plan_docx, write_plan_xlsx

    with cannot_run(debug):
        name, items = _items(db, campaign)
        out.parent.mkdir(parents=True, exist_ok=True)
        (write_plan_docx if format == "docx" else write_plan_xlsx)(out, name, items)
    typer.echo(f"Наборів у плані: {len(items)}; файл: {out}")
    raise typer.Exit(EXIT_OK)


@app.command("status")
def status_command(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    campaign: Optional[str] = typer.Option(None, "--campaign", help="Campaign slug (default: the newest)."),
    as_json: bool = typer.Option(False, "--json", help="Print a list of plan items with their state."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """Is each approved dataset on the portal, on time? Judged on the latest monitor snapshot.
    Exit 1 when one is overdue or was published late.

    Example: odaudit plan status --json
    """
    with cannot_run(debug):
        _, items = _items(db, campaign)
    if as_json:
        print_json([i.to_dict() for i in items])
    else:
        console = make_console()
        for i in items:
            console.print(f"{i.number}. {i.title} ({i.department}), до {i.deadline:%d.%m.%Y}: "
                          f"{i.status_label}" + (f" — {i.evidence}" if i.evidence else ""), markup=False)
        console.print(f"Наборів у плані: {len(items)}.")
    raise typer.Exit(EXIT_FINDINGS if any(i.status in ("overdue", "published-late") for i in items) else EXIT_OK)
