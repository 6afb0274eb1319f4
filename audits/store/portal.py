"""Portal snapshots in the register: save one monitor run, read the latest back."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import insert, select

from .models import PortalPackage, PortalSnapshot

BATCH = 2000


def save_snapshot(session, *, source: str, organization: str | None, taken_at: datetime, as_of: date,
                  summary: dict, fingerprint: str, packages: list[dict]) -> PortalSnapshot:
    """``packages``: dicts of PortalPackage columns (without ids); inserted in batches."""
    snapshot = PortalSnapshot(source=source, organization=organization, taken_at=taken_at, as_of=as_of,
                              package_count=len(packages), summary=summary, fingerprint=fingerprint)
    session.add(snapshot)
    session.flush()
    for start in range(0, len(packages), BATCH):
        chunk = [{**p, "snapshot_id": snapshot.id} for p in packages[start:start + BATCH]]
        session.execute(insert(PortalPackage), chunk)
    return snapshot


def latest_snapshot(session, organization: str | None = None) -> PortalSnapshot | None:
    query = select(PortalSnapshot).order_by(PortalSnapshot.taken_at.desc(), PortalSnapshot.id.desc())
    if organization:
        query = query.where(PortalSnapshot.organization == organization)
    return session.scalars(query.limit(1)).first()


def snapshot_history(session, organization: str | None = None) -> list[PortalSnapshot]:
    query = select(PortalSnapshot).order_by(PortalSnapshot.taken_at, PortalSnapshot.id)
    if organization:
        query = query.where(PortalSnapshot.organization == organization)
    return list(session.scalars(query))


def snapshot_packages(session, snapshot: PortalSnapshot) -> list[PortalPackage]:
    return list(session.scalars(select(PortalPackage).where(PortalPackage.snapshot_id == snapshot.id)
                                .order_by(PortalPackage.id)))


def snapshot_rows(session, organization: str | None = None) -> list[dict]:
    """Every stored run of the organisation, oldest first, as plain values."""
    return [{"id": s.id, "taken_at": s.taken_at, "as_of": s.as_of, "source": s.source,
             "package_count": s.package_count, "summary": s.summary, "fingerprint": s.fingerprint}
            for s in snapshot_history(session, organization)]
