"""odaudit assessment: the annual assessment card, filled from the register, coverage and snapshot."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

import typer

from .common import DB_HELP, EXIT_OK, cannot_run

HELP = """The annual assessment card of publication and updating of open data (Resolution 835 as amended
by Resolution No. 409 of 17.04.2019), as DOCX or XLSX.

Every figure odaudit fills names its source (the register of the campaign, the Resolution 835
coverage, the latest portal snapshot); the rows a person must fill (the council's orders, its
action plan, feedback and use cases) are marked «людина» and left empty.

Example: odaudit assessment --campaign lutsk-2020 --format docx --out out/lutsk-2020/assessment.docx
"""


def command(
    campaign: Optional[str] = typer.Option(None, "--campaign", help="Campaign slug (default: the newest)."),
    fmt: str = typer.Option("docx", "--format", help="docx or xlsx."),
    out: Optional[Path] = typer.Option(None, "--out", help="File to write (default: assessment-<campaign>.<format>)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    from ..campaign import exports
    from ..campaign.verbs import engine_for
    from ..interop.assessment.write import write_docx, write_xlsx

    if fmt not in ("docx", "xlsx"):
        raise typer.BadParameter(f"'{fmt}': choose docx or xlsx", param_hint="--format")
    with cannot_run(debug):
        card = exports.assessment_card(engine_for(db), campaign, date.today())
        path = Path(out or f"assessment-{card.campaign}.{fmt}")
        (write_docx if fmt == "docx" else write_xlsx)(card, path)
    typer.echo(f"Картка оцінки: {path} (заповнено odaudit {len(card.filled)} показників, "
               f"для людини {len(card.for_person)})")
    raise typer.Exit(EXIT_OK)
