"""odaudit user add|list|disable: the web app's accounts."""
from __future__ import annotations

import sys
from datetime import datetime
from typing import Optional

import typer

from .common import DB_HELP, EXIT_CANNOT_RUN, EXIT_OK, cannot_run, print_json

app = typer.Typer(help="Accounts of the web app (odaudit serve).", no_args_is_help=True)


@app.command("add")
def add(
    name: str = typer.Argument(..., help="User name (latin letters, digits, . _ @ -)."),
    role: str = typer.Option(..., "--role", help="ict, department, working-group or secretary."),
    department: Optional[str] = typer.Option(None, "--department", help="The department's code (department role)."),
    council: Optional[str] = typer.Option(None, "--council",
                                          help="Only the campaigns of this council (its portal organisation, "
                                               "e.g. lutska-miska-rada); default: every campaign."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """Add an account; the password is read from stdin (first line), never from the command line.

    Example: odaudit user add clerk-fin --role department --department fin < password.txt
    """
    from ..campaign import accounts, verbs

    password = sys.stdin.readline().rstrip("\r\n")
    with cannot_run(debug):
        try:
            accounts.add_user(verbs.engine_for(db), name, role, password, department=department, council=council,
                              now=datetime.now().replace(microsecond=0))
        except accounts.AccountError as exc:
            typer.echo(f"odaudit: cannot run: {exc}", err=True)
            raise typer.Exit(EXIT_CANNOT_RUN) from None
    typer.echo(f"User {name} added ({role}{', ' + department if department else ''}).")
    raise typer.Exit(EXIT_OK)


@app.command("list")
def list_command(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the accounts as JSON."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """List the accounts (never their password hashes).

    Example: odaudit user list --json
    """
    from ..campaign import accounts, verbs

    with cannot_run(debug):
        found = accounts.list_users(verbs.engine_for(db))
    if as_json:
        print_json(found)
    else:
        for u in found:
            extra = ", ".join(x for x in (u["department"] and f"department {u['department']}",
                                          u["council"] and f"council {u['council']}",
                                          u["disabled"] and "disabled") if x)
            typer.echo(f"{u['name']}\t{u['role']}" + (f"\t{extra}" if extra else ""))
    raise typer.Exit(EXIT_OK)


@app.command("disable")
def disable(
    name: str = typer.Argument(..., help="User name."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """Disable an account: it cannot sign in, and its open sessions end at their next request.

    Example: odaudit user disable clerk-fin
    """
    from ..campaign import accounts, verbs

    with cannot_run(debug):
        accounts.disable_user(verbs.engine_for(db), name)
    typer.echo(f"User {name} disabled.")
    raise typer.Exit(EXIT_OK)
