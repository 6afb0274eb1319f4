"""The national league table's rows, one per organisation and audit date."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from .models import NationalResult

FIELDS = ("organization", "title", "packages", "catalogue_items", "coverage", "on_time", "late", "unknown",
          "timeliness", "mean_score", "band", "trend")


def done(session, as_of: date) -> set[str]:
    return set(session.scalars(select(NationalResult.organization).where(NationalResult.as_of == as_of)))


def save_row(session, as_of: date, row: dict, snapshot_id: int | None, finished_at: datetime) -> bool:
    """Store the organisation's row unless it is already there (a rerun): whether it was new."""
    found = session.scalars(select(NationalResult.id).where(NationalResult.as_of == as_of,
                                                            NationalResult.organization == row["organization"])).first()
    if found is not None:
        return False
    session.add(NationalResult(as_of=as_of, snapshot_id=snapshot_id, finished_at=finished_at,
                               **{k: row[k] for k in FIELDS}))
    return True


def rows(session, as_of: date) -> list[dict]:
    found = session.scalars(select(NationalResult).where(NationalResult.as_of == as_of)
                            .order_by(NationalResult.organization))
    return [{k: getattr(r, k) for k in FIELDS} for r in found]
