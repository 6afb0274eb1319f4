"""odaudit campaign run|status: audit a campaign folder, or show where it stands."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Optional

import typer

from .common import DB_HELP, EXIT_FINDINGS, EXIT_OK, cannot_run, console as make_console, parse_date, print_json

app = typer.Typer(help="Run an audit campaign or show its status.", no_args_is_help=True)


@app.command("run")
def run(
    directory: Path = typer.Argument(..., help="Campaign folder with campaign.yaml (the demo: inventories/lutsk-2020).",
                                     file_okay=False),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    out: Path = typer.Option(Path("out"), "--out", help="Folder for summary.json, findings.csv, register.csv, status.html."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Audit date (YYYY-MM-DD). Default: campaign.yaml's as_of, else today."),
    as_json: bool = typer.Option(False, "--json", help="Print summary.json to stdout."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """Validate every department's file, store the run, build the register and write the outputs.

    Example: odaudit campaign run inventories/lutsk-2020 --out out/lutsk-2020
    """
    audit_date = parse_date(as_of)
    with cannot_run(debug):
        from audits.campaign.config import load_campaign

        load_campaign(directory)  # a bad campaign.yaml stops here, before Prefect starts
        from flows.campaign import run_campaign

        result = run_campaign(directory=directory, out=out, as_of=audit_date, db_url=db,
                              received_at=datetime.now().replace(microsecond=0))
    if as_json:
        print_json(result["summary"])
    else:
        _print_summary(result["summary"], result["outputs"], result.get("as_of"))
    raise typer.Exit(result["exit_code"])


@app.command("status")
def status(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    campaign: Optional[str] = typer.Option(None, "--campaign", help="Campaign slug (default: the newest)."),
    as_json: bool = typer.Option(False, "--json", help="Print the status as JSON."),
    history: bool = typer.Option(False, "--history", help="Every version each department sent, and what changed."),
    department: Optional[str] = typer.Option(None, "--department", help="With --history: one department's code."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """Show each department's state (missing / invalid / accepted) from the database.

    Example: odaudit campaign status --json; odaudit campaign status --history --department fin
    """
    from ..campaign import verbs

    if history or department:
        _history(db, campaign, department, as_json, debug)
        return
    with cannot_run(debug):
        summary = verbs.status(verbs.engine_for(db), campaign, date.today())
    if as_json:
        print_json(summary)
    else:
        _print_summary(summary, {})
    raise typer.Exit(EXIT_FINDINGS if summary["totals"]["errors"] else EXIT_OK)


def _history(db: str | None, campaign: str | None, department: str | None, as_json: bool, debug: bool) -> None:
    from ..campaign import verbs
    from ..campaign.history import changes_text

    with cannot_run(debug):
        found = verbs.history(verbs.engine_for(db), campaign, department)
    if as_json:
        print_json(found)
        raise typer.Exit(EXIT_OK)
    from rich.table import Column, Table

    console = make_console()
    console.print(f"[bold]{found['campaign']['name']}[/] ({found['campaign']['slug']}): версії файлів органів")
    # the version line carries its date; it is kept on one line (the file name wraps instead)
    table = Table(Column("Код", no_wrap=True), Column("Версія", no_wrap=True), "Файл", "Помилок", "Попереджень",
                  "Що змінилося")
    for d in found["departments"]:
        if not d["versions"]:
            table.add_row(d["code"], "—", "[yellow]не надіслано[/]", "", "", "")
        for v in d["versions"]:
            current = " [bold](поточна)[/]" if v["current"] else ""
            table.add_row(d["code"], v["label"], v["file"] + current, str(v["errors"]), str(v["warnings"]),
                          changes_text(v))
    console.print(table)
    raise typer.Exit(EXIT_OK)


def audit_date_text(as_of: str | None) -> str:
    return as_of or "не задано"


LABELS = {"accepted": "[green]прийнято[/]", "invalid": "[red]потребує виправлень[/]",
          "missing": "[yellow]не надіслано[/]"}


def _print_summary(summary: dict, outputs: dict, audited_on: str | None = None) -> None:
    """``audited_on``: the run's audit date (campaign.yaml may have no as_of)."""
    from rich.markup import escape
    from rich.table import Table

    from ..messages import DATASETS, plural

    console = make_console()
    console.print(f"[bold]{escape(summary['campaign']['name'])}[/] ({summary['campaign']['slug']}), "
                  f"дата аудиту {audit_date_text(summary['campaign'].get('as_of') or audited_on)}")
    table = Table("Код", "Виконавчий орган", "Стан", "Рядків", "Помилок", "Попереджень")
    for d in summary["departments"]:
        table.add_row(d["code"], d["name"], LABELS[d["status"]], str(d["items"]), str(d["errors"]), str(d["warnings"]))
    console.print(table)
    t = summary["totals"]
    console.print(f"Прийнято {t['accepted']}, потребують виправлень {t['invalid']}, не надіслали {t['missing']}; "
                  f"у реєстрі {plural(t['register_items'], *DATASETS)}; помилок {t['errors']}, попереджень {t['warnings']}.")
    c = summary.get("coverage")
    if c:
        console.print(f"Постанова № 835: з {c['items']} обов'язкових наборів оприлюднено {c['published']}, "
                      f"є в переліках, але не оприлюднено {c['held']}, не знайдено {c['not-found']}.")
    for name, path in outputs.items():
        console.print(f"  {name}: {path}")
