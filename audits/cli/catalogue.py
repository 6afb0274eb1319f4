"""odaudit catalogue list|match: the Resolution 835 catalogue and matching titles to it."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..files import read_text_bounded
from .common import EXIT_CANNOT_RUN, EXIT_OK, console as make_console, print_json

app = typer.Typer(help="The Resolution 835 catalogue: list it, match dataset titles to it.", no_args_is_help=True)
SCOPE_HELP = "council: the 73 items a city council owes; all: all 992 items."


def _scope(value: str) -> str:
    if value not in ("council", "all"):
        raise typer.BadParameter("use 'council' or 'all'")
    return value


@app.command("list")
def list_items(
    scope: str = typer.Option("council", "--scope", help=SCOPE_HELP, callback=_scope),
    as_json: bool = typer.Option(False, "--json", help="Print a list of {id, title, holder, scope}."),
) -> None:
    """List catalogue items.

    Example: odaudit catalogue list --scope council --json
    """
    from ..catalogue.catalogue import load_catalogue

    items = load_catalogue(scope)
    if as_json:
        print_json([i.to_dict() for i in items])
        raise typer.Exit(EXIT_OK)
    from rich.table import Table

    table = Table("id", "Набір даних", "Розпорядник")
    for item in items:
        table.add_row(item.id, item.title, item.holder)
    make_console().print(table)


@app.command("match")
def match_titles(
    titles: Optional[List[str]] = typer.Argument(None, help="Dataset titles to match."),
    file: Optional[Path] = typer.Option(None, "--file", help="A UTF-8 text file with one title per line.",
                                        exists=True, dir_okay=False),
    scope: str = typer.Option("council", "--scope", help=SCOPE_HELP, callback=_scope),
    as_json: bool = typer.Option(False, "--json", help="Print one result per input, in input order."),
) -> None:
    """Match titles to the catalogue: best item, score 0–100, confident or not, alternatives.

    Example: odaudit catalogue match "Перелік зупинок громадського транспорту" --json
    """
    from ..catalogue.matcher import match

    inputs = list(titles or [])
    if file is not None:
        try:
            text = read_text_bounded(file, encoding="utf-8-sig")
        except (OSError, UnicodeError) as exc:
            typer.echo(f"odaudit: cannot run: --file {exc}", err=True)
            raise typer.Exit(EXIT_CANNOT_RUN) from None
        inputs += [line.strip() for line in text.splitlines() if line.strip()]
    if not inputs:
        typer.echo("odaudit: cannot run: give titles or --file", err=True)
        raise typer.Exit(EXIT_CANNOT_RUN)
    results = [match(title, scope) for title in inputs]
    if as_json:
        print_json([r.to_dict() for r in results])
        raise typer.Exit(EXIT_OK)
    from rich.table import Table

    table = Table("Назва", "Пункт", "Бал", "Впевнено")
    for r in results:
        table.add_row(r.input, f"{r.item.id} {r.item.title}" if r.item else "—", f"{r.score:.0f}",
                      "так" if r.confident else "ні")
    make_console().print(table)
