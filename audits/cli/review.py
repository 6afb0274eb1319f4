"""odaudit review import: record the working group's decisions from a filled proposals.xlsx."""
from __future__ import annotations

import getpass
from datetime import datetime
from pathlib import Path
from typing import Optional

import typer

from .common import DB_HELP, EXIT_FINDINGS, EXIT_OK, cannot_run, console as make_console, print_json

app = typer.Typer(help="The working group's decisions on proposals.", no_args_is_help=True)


@app.command("import")
def import_command(
    file: Path = typer.Argument(..., help="The filled proposals.xlsx (any file name)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    by: Optional[str] = typer.Option(None, "--by", help="Who records the decisions (default: the login name)."),
    as_json: bool = typer.Option(False, "--json", help="Print {file, export, recorded, decisions, findings}."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """Check the filled sheet against its export and record every decision, or none.

    Only Рішення (схвалити / відхилити / відкласти), Коментар, Відповідальний and Термін may
    be filled; an approval needs a deadline; a proposal that changed since the export must be
    decided again on a fresh sheet. A later decision supersedes the earlier one, which stays
    in the history. Exit 1 if the sheet has errors: then nothing is recorded.

    Example: odaudit review import proposals-signed.xlsx --by "Секретар робочої групи"
    """
    from ..campaign import verbs

    with cannot_run(debug):
        review = verbs.review(verbs.engine_for(db), file, datetime.now().replace(microsecond=0), by or _login())
    if as_json:
        print_json(review.to_dict())
    else:
        _report(review)
    raise typer.Exit(EXIT_FINDINGS if review.errors else EXIT_OK)


def _login() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None


def _report(review) -> None:
    console = make_console()
    for f in review.findings:
        console.print(f"{'помилка' if f.is_error else 'попередження'}: {f.message}", markup=False)
    if review.errors:
        console.print(f"Помилок: {review.errors}. Жодного рішення не внесено: виправте аркуш і завантажте ще раз.")
        return
    console.print(f"Внесено рішень: {review.recorded}; без змін: {review.unchanged} (вивантаження № {review.export_id}).")
