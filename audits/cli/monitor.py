"""odaudit monitor: read an organisation's packages from data.gov.ua (or a saved API
response), score their quality and timeliness, store the run as a snapshot."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Optional

import typer

from .common import (
    DB_HELP,
    EXIT_CANNOT_RUN,
    EXIT_FINDINGS,
    EXIT_OK,
    cannot_run,
    console as make_console,
    parse_date,
    print_json,
)

HELP = """Monitor what an organisation publishes on the national portal: timeliness and quality.

Example: odaudit monitor --org lutska-miska-rada --out out/portal

Example (offline): odaudit monitor --from-file inventories/lutsk-2020/portal/package_search.json --json

Offline, --org picks one organisation out of the file (its portal name, id or title). A file
holding packages of several organisations, read without --org, is scored per organisation:
one block each (--json: {"organizations": [...]}, each as a one-organisation answer; --out:
one sub-folder each), never all as the first one's. A search answer whose count exceeds the
packages in the file is a partial snapshot: a warning, and summary.partial is true. A package
changed after --as-of is a warning naming it and its dates; its timeliness is unknown.

Exit 1 when a package is late or has no update frequency (or changed after the audit date),
or a register item called published is not on the portal; 2 when the portal or the file
cannot be read, or --org names no organisation of the file.
"""


def command(
    org: Optional[str] = typer.Option(None, "--org", help="Portal organisation (name or id) to read live; with "
                                      "--from-file, the one organisation of the file to score."),
    from_file: Optional[Path] = typer.Option(None, "--from-file", help="A saved package_search response or a "
                                             "JSON list of packages (offline mode)."),
    base_url: str = typer.Option("https://data.gov.ua", "--base-url", help="CKAN portal address."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Date to judge timeliness on (default: today)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    out: Optional[Path] = typer.Option(None, "--out", help="Write quality.csv, quality.xlsx, quality.html, "
                                       "monitor.json here (one sub-folder per organisation of a mixed file)."),
    as_json: bool = typer.Option(False, "--json", help="Print {packages: [...], summary: {...}} as JSON."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    if org is None and from_file is None:
        typer.echo("odaudit: cannot run: give --org (live portal) or --from-file (saved response)", err=True)
        raise typer.Exit(EXIT_CANNOT_RUN)
    audit_date = parse_date(as_of) or date.today()
    taken_at = datetime.now().replace(microsecond=0)
    with cannot_run(debug):
        parts = _offline(from_file, org) if from_file else _live(org, base_url)   # a bad file: refused first
        from ..campaign import verbs

        engine = verbs.engine_for(db)
        runs = [verbs.monitor(engine, p.packages, p.source, p.organization, audit_date, taken_at,
                              _out_of(out, p, len(parts)), declared=p.declared, warnings=p.warnings,
                              mixed=len(parts) > 1) for p in parts]
    _report(runs, as_json)
    raise typer.Exit(EXIT_FINDINGS if any(r.problems for r in runs) else EXIT_OK)


@dataclass
class _Part:
    """The packages of one organisation, to be scored as one monitor run."""
    packages: list[dict]
    source: str
    organization: str | None
    declared: int | None = None
    warnings: list = field(default_factory=list)


def _live(org: str, base_url: str) -> list[_Part]:
    from ..portal import monitor

    packages, source = monitor.read_live(org, base_url)
    return [_Part(packages, source, org)]


def _offline(path: Path, org: str | None) -> list[_Part]:
    from ..portal import monitor
    from ..portal.offline import SnapshotFileError

    snapshot, source = monitor.read_snapshot(path)
    groups = monitor.by_organization(snapshot.packages)
    warnings = monitor.snapshot_warnings(snapshot, source, groups)
    if org is not None:
        chosen = monitor.of_organization(snapshot.packages, org)
        if not chosen:
            names = ", ".join(list(groups)[:20]) or "жодної"
            raise SnapshotFileError(f"{path}: no package of organisation {org!r} (the file holds: {names})")
        partial = [w for w in warnings if w.code == "snapshot-partial"]
        declared = snapshot.declared if len(chosen) == len(snapshot.packages) else None
        return [_Part(chosen, source, monitor.organization_of(chosen) or org, declared, partial)]
    declared = snapshot.declared if len(groups) == 1 else None      # the file's count is not one group's
    return [_Part(group, source, None if name == monitor.NO_ORGANIZATION else name, declared, warnings)
            for name, group in groups.items()]


def _out_of(out: Path | None, part: _Part, parts: int) -> Path | None:
    """``out`` itself, or its sub-folder named after the organisation when the file has several."""
    if out is None or parts == 1:
        return out
    safe = re.sub(r"[^\w.-]+", "-", part.organization or "bez-orhanizatsii").strip(".-")[:80]
    return Path(out) / (safe or "organization")


command.__doc__ = HELP


def _report(runs: list, as_json: bool) -> None:
    from ..portal.monitor import to_json

    if as_json:
        answers = [{**to_json(run.result), "plan": run.plan} for run in runs]
        print_json(answers[0] if len(answers) == 1 else {"organizations": answers})
        return
    console = make_console()
    shown: set[str] = set()
    for run in runs:
        _report_one(console, run.result, run.outputs, run.plan, shown)


def _report_one(console, result, paths, plan: list[dict], shown: set[str]) -> None:
    """One organisation's block; a warning about the whole file is printed once."""
    from ..quality.timeliness import STATE_LABELS

    s = result.summary
    t = s["timeliness"]
    for warning in result.warnings:
        if warning.message not in shown:
            shown.add(warning.message)
            console.print(f"УВАГА: {warning.message}", markup=False)
    partial = " (неповний знімок)" if s["partial"] else ""
    console.print(f"Портал: {s['source']} ({s['organization'] or 'організацію не визначено'}), станом на {s['as_of']}: "
                  f"наборів {s['packages']}{partial}, середній бал {s['mean_score']}%.", markup=False)
    console.print("Своєчасність: " + ", ".join(f"{STATE_LABELS[k]} {v}" for k, v in t.items()) + ".")
    console.print(f"Оприлюднено наборів з постанови № 835: {s['catalogue_items']}; позначено як оприлюднені, "
                  f"але немає на порталі: {s['not_on_portal']}.")
    for finding in result.not_on_portal:
        console.print(f"  {finding.department}: {finding.message}", markup=False)
    if plan:
        console.print("План оприлюднення: " + "; ".join(f"{i['item_id']} — {i['status_label']}"
                                                  + (f" ({i['evidence']})" if i["evidence"] else "") for i in plan) + ".",
                      markup=False)
    for name, path in paths.items():
        console.print(f"  {name}: {path}", markup=False)
