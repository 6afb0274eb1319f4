"""odaudit validate FILE...: check inventory files against the schema, without storing."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import List, Optional

import typer

from .common import EXIT_FINDINGS, EXIT_OK, cannot_run, console as make_console, parse_date, print_json

HELP = """Validate inventory spreadsheets (.xlsx, .ods, .csv) against the inventory schema.

Nothing is stored. Exit 0: no errors (warnings allowed); 1: errors found; 2: could not run.

Example: odaudit validate inventories/lutsk-2020/ukt.xlsx --as-of 2020-06-01 --json
"""


def command(
    files: List[Path] = typer.Argument(..., help="Inventory files to check.", exists=True, dir_okay=False),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON report per file."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Audit date (YYYY-MM-DD); later dates are errors. Default: today."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    from ..validate import inspect_file

    audit_date = parse_date(as_of) or date.today()
    with cannot_run(debug):
        reports = [inspect_file(path, audit_date).report for path in files]
    if as_json:
        print_json([r.to_dict() for r in reports])
    else:
        _print_human(reports)
    raise typer.Exit(EXIT_OK if all(r.valid for r in reports) else EXIT_FINDINGS)


def _print_human(reports) -> None:
    from rich.table import Table

    console = make_console()
    for report in reports:
        verdict = "[green]без помилок[/]" if report.valid else "[red]є помилки[/]"
        console.print(f"[bold]{report.file}[/]: рядків {report.rows}, {verdict}")
        if report.findings:
            table = Table("Клітинка", "Код", "Повідомлення", show_lines=False)
            for f in report.findings:
                cell = f"{f.column_letter or ''}{f.row or ''}"
                style = "red" if f.is_error else "yellow"
                table.add_row(cell, f"[{style}]{f.code}[/]", f.message)
            console.print(table)
