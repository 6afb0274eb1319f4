"""odaudit notify feedback|reminders: the departments' e-mails as .eml files, or sent (--send)."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Optional

import typer

from .common import DB_HELP, EXIT_FINDINGS, EXIT_OK, cannot_run, parse_date, print_json

HELP = """Write the e-mail of every department as an .eml file (To: its contact e-mail in the
campaign, the Ukrainian text, the feedback workbook attached) in OUT/mail/KIND/; nothing
leaves without a human. With --send they go through the SMTP server in ODAUDIT_SMTP_URL
(STARTTLS, login), never twice for the same version of a department's file. `feedback`:
every department, after a run; `reminders`: the departments that sent nothing or still have
errors, with the days left, while the campaign is open. Exit 1 when a department has no
address or the server refused it.

Example: odaudit notify reminders --campaign lutsk-2020 --out out/lutsk-2020 --send"""

STATUS = {"written": "written", "no-address": "NO ADDRESS", "sent": "sent", "already-sent": "already sent (not again)",
          "refused": "REFUSED"}


def command(
    kind: str = typer.Argument(..., help="feedback or reminders."),
    campaign: Optional[str] = typer.Option(None, "--campaign", help="Campaign slug (default: the newest)."),
    send: bool = typer.Option(False, "--send", help="Send through ODAUDIT_SMTP_URL (default: only write .eml files)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    out: Optional[Path] = typer.Option(None, "--out", help="Folder of feedback/ and mail/ (default: out/<campaign>)."),
    today: Optional[str] = typer.Option(None, "--today", help="The day the reminders count from (default: today)."),
    as_json: bool = typer.Option(False, "--json", help="Print what was written and sent as JSON."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    day = parse_date(today) or date.today()
    with cannot_run(debug):
        from ..campaign.notify import notify
        from ..campaign.verbs import engine_for

        run = notify(engine_for(db), campaign, kind, out, day, send=send, now=datetime.now().replace(microsecond=0))
    if as_json:
        print_json(run.to_dict())
    else:
        _print(run)
    raise typer.Exit(EXIT_FINDINGS if run.problems else EXIT_OK)


def _print(run) -> None:
    if not run.open:
        typer.echo(f"{run.campaign}: the campaign's deadline has passed; no reminders.")
        return
    typer.echo(f"{run.kind} of {run.campaign}: {len(run.mails)} e-mails in {run.folder}")
    for m in run.mails:
        reason = f" ({m['reason']})" if m["reason"] else ""
        typer.echo(f"  {m['department']}: {m['to'] or '-'} {STATUS[m['status']]}{reason}")
