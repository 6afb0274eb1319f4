"""odaudit links: try every link of the register and the latest portal snapshot."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Optional

import typer

from .common import DB_HELP, EXIT_FINDINGS, EXIT_OK, cannot_run, console as make_console, print_json

HELP = """Try every portal link, landing page and resource URL of the register and the latest snapshot.

HEAD first, GET (at most ODAUDIT_LINKS_MAX_BYTES) when HEAD fails; redirects followed up to 10;
one deadline per link (ODAUDIT_LINKS_TIMEOUT_S); 2 retries with backoff on timeouts, connection
errors, 429 and 5xx; ODAUDIT_LINKS_PER_HOST links of a host at a time. Localhost, private
addresses and anything but http(s) are never fetched (a link-not-checked finding). Answers are
stored per URL and day: a second run the same day reuses them. Each dataset gets an accessibility
score (10 points shared by its links) with a reason for every lost point. Uses the network: it is
never part of `make run`.

Example: odaudit links --campaign lutsk-2020 --out out/lutsk-2020/links.csv
"""


def command(
    campaign: Optional[str] = typer.Option(None, "--campaign", help="Campaign slug (default: the newest)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write every link's answer to this CSV file."),
    as_json: bool = typer.Option(False, "--json", help="Print {summary, datasets, findings} as JSON."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    from ..campaign import exports
    from ..campaign.verbs import engine_for

    with cannot_run(debug):
        report = exports.check_links(engine_for(db), campaign, date.today(), datetime.now())
        if out:
            from ..reports.csv_export import write_csv

            write_csv(Path(out), LINK_COLUMNS, [_row(t, report.results[t.url]) for t in report.targets])
    if as_json:
        print_json({"summary": report.summary(), "datasets": [s.to_dict() for s in report.scores],
                    "findings": [f.to_dict() for f in report.findings]})
    else:
        _table(report)
    raise typer.Exit(EXIT_FINDINGS if report.broken else EXIT_OK)


LINK_COLUMNS = ("dataset", "title", "kind", "url", "ok", "status", "error", "final_url", "redirects", "content_type",
                "declared_format", "size", "method", "attempts", "seconds")


def _row(t, r) -> dict:
    return {"dataset": t.key, "title": t.title, "kind": t.kind, "url": t.url, "ok": r.ok, "status": r.status,
            "error": r.error, "final_url": r.final_url, "redirects": " ".join(r.redirects),
            "content_type": r.content_type, "declared_format": t.declared_format,
            "size": f"≥{r.size}" if r.size_capped else r.size, "method": r.method, "attempts": r.attempts,
            "seconds": r.seconds}


def _table(report) -> None:
    from rich.table import Table

    console = make_console()
    table = Table("Набір", "Бал доступності, %", "Що не так")
    for s in sorted(report.scores, key=lambda s: s.percent):
        if s.indicator.lost:
            table.add_row(s.title[:60], str(s.percent), "\n".join(x.reason for x in s.indicator.lost))
    console.print(table)
    t = report.summary()
    console.print(f"Посилань {t['links']} (адрес {t['urls']}): працюють {t['ok']}, не працюють {t['broken']}; "
                  f"перевірено зараз {t['fetched']}, з сьогоднішніх результатів {t['cached']}; "
                  f"не перевірялися (внутрішні або не веб-адреси) {t['not_tried']}.", markup=False)
