"""odaudit proposals: the ranked, explained list of datasets worth publishing."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Optional

import typer

from .common import DB_HELP, EXIT_FINDINGS, EXIT_OK, cannot_run, console as make_console, parse_date, print_json

HELP = """Rank the unpublished items of the register by public interest, for the working group.

Compliance gaps (Resolution 835 items held but not published) come first, as a legal duty;
then proposals ranked by demand, value theme, readiness, quality, freshness and effort
(weights: config/proposals.yaml). Items with restricted access or personal data without a
depersonalisation plan are set aside with the reason. Every run is kept as an export;
--out writes proposals.xlsx (with the decision columns) and proposals.html.

Example: odaudit proposals --out out/lutsk-2020

Exit 1 when a demand file named by the campaign has errors.
"""


def command(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    campaign: Optional[str] = typer.Option(None, "--campaign", help="Campaign slug (default: the newest)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Audit date (default: the campaign's)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write proposals.xlsx and proposals.html here."),
    as_json: bool = typer.Option(False, "--json", help="Print {compliance_gaps, proposals, blocked, weights}."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    from ..campaign import verbs

    with cannot_run(debug):
        report = verbs.proposals(verbs.engine_for(db), campaign, parse_date(as_of), datetime.now().replace(microsecond=0))
        paths = _write(out, report) if out else {}
    if as_json:
        print_json({**report.ranking, "export": report.export_id, "as_of": report.as_of,
                    "unmatched_demand": report.unmatched, "demand_files": report.demand_files})
    else:
        _table(report, paths)
    raise typer.Exit(EXIT_FINDINGS if any(f["errors"] for f in report.demand_files) else EXIT_OK)


command.__doc__ = HELP


def _write(out: Path, report) -> dict:
    from ..reports.proposals_outputs import write_proposal_outputs

    return write_proposal_outputs(out, report)


def _table(report, paths: dict) -> None:
    from rich.table import Table

    console, r = make_console(), report.ranking
    table = Table("Тип", "Місце", "Набір даних", "Орган", "Бал")
    for p in r["compliance_gaps"] + r["proposals"][:20]:
        table.add_row("обов'язковий" if p["kind"] == "gap" else "пропозиція", str(p["rank"]), p["title"],
                      p["department"], f"{p['score']:g}")
    console.print(table)
    console.print(f"Обов'язкових неоприлюднених: {len(r['compliance_gaps'])}; пропозицій: {len(r['proposals'])} "
                  f"(показано до 20); виключено: {len(r['blocked'])}; попит без власника: {len(report.unmatched)}. "
                  f"Вивантаження № {report.export_id}, ваги: {r['weights']['file']}.", markup=False)
    for name, path in paths.items():
        console.print(f"  {name}: {path}", markup=False)
