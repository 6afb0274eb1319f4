"""The national run's verbs (flows/national.py calls them): the organisations still to do for an
audit date, one organisation done (read, scored, its snapshot and league-table row stored), and
the league table written. A rerun skips every organisation whose row is stored."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from ..portal.client import DEFAULT_BASE_URL, PortalClient
from ..portal.monitor import read_file, read_live
from ..portal.national import Unit, league_row, ranked, split_snapshot
from ..reports.national_outputs import write_national
from ..store.db import transaction
from .verbs import monitor


def to_do(engine, as_of: date, snapshot: Path | None, parts: Path, base_url: str = DEFAULT_BASE_URL,
          before_request: Callable[[], None] | None = None) -> tuple[list[Unit], int]:
    """(the organisations without a stored row for ``as_of``, how many already have one)."""
    from ..store.national import done

    if snapshot is not None:
        units = split_snapshot(Path(snapshot), parts)
    else:
        with PortalClient(base_url, before_request=before_request) as client:
            units = [Unit(name) for name in client.organization_names()]
    with transaction(engine) as session:
        finished = done(session, as_of)
    return [u for u in units if u.organization not in finished], len(finished)


def organisation(engine, unit: Unit, as_of: date, taken_at: datetime, base_url: str = DEFAULT_BASE_URL,  # noqa: PLR0913
                 before_request: Callable[[], None] | None = None) -> dict:
    """One organisation, start to end; its row (``stored`` False when a rerun found it done)."""
    from ..store.national import done, save_row

    with transaction(engine) as session:
        if unit.organization in done(session, as_of):
            return {"organization": unit.organization, "stored": False}
    if unit.file:
        packages, source = read_file(Path(unit.file))
    else:
        packages, source = read_live(unit.organization, base_url, before_request=before_request)
    run = monitor(engine, packages, source, unit.organization, as_of, taken_at, mixed=True)
    title = unit.title or next((p["organization"].get("title") for p in packages
                                if isinstance(p.get("organization"), dict)), None)
    row = league_row(unit.organization, title, run.result.summary, run.history)
    with transaction(engine) as session:
        stored = save_row(session, as_of, row, run.snapshot, taken_at)
    return {**row, "stored": stored, "snapshot": run.snapshot}


def stored(engine, as_of: date) -> set[str]:
    """The organisations with a stored row for ``as_of``."""
    from ..store.national import done

    with transaction(engine) as session:
        return done(session, as_of)


def league(engine, as_of: date, out: Path, missing: list[str]) -> tuple[list[dict], dict[str, Path]]:
    """The ranked table of every stored row for ``as_of``, written as CSV, XLSX and HTML."""
    from ..store.national import rows

    with transaction(engine) as session:
        table = ranked(rows(session, as_of))
    return table, write_national(Path(out), table, as_of.isoformat(), missing)
