"""Accounts of the web app and its audit log: plain records in, plain records out."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from .models import AuditEvent, Campaign, Submission, WebUser


@dataclass(frozen=True)
class UserRecord:
    name: str
    role: str
    department: str | None
    council: str | None
    disabled: bool
    created_at: datetime
    password_hash: str = ""
    sessions_after: int = 0          # sessions issued before this epoch millisecond are over (a sign-out)

    def to_dict(self) -> dict:
        return {"name": self.name, "role": self.role, "department": self.department, "council": self.council,
                "disabled": self.disabled, "created_at": self.created_at.isoformat(sep=" ")}


def _record(row: WebUser) -> UserRecord:
    return UserRecord(row.name, row.role, row.department, row.council, row.disabled, row.created_at,
                      row.password_hash, row.sessions_after or 0)


def find_user(session, name: str) -> UserRecord | None:
    row = session.scalar(select(WebUser).where(WebUser.name == name))
    return _record(row) if row else None


def add_user(session, record: UserRecord) -> None:
    """A new account; a name already taken is a LookupError."""
    if session.scalar(select(WebUser.id).where(WebUser.name == record.name)) is not None:
        raise LookupError(f"user '{record.name}' already exists")
    session.add(WebUser(name=record.name, role=record.role, department=record.department, council=record.council,
                        password_hash=record.password_hash, disabled=record.disabled, created_at=record.created_at,
                        sessions_after=0))


def all_users(session) -> list[UserRecord]:
    return [_record(r) for r in session.scalars(select(WebUser).order_by(WebUser.name))]


def set_disabled(session, name: str, disabled: bool = True) -> None:
    row = session.scalar(select(WebUser).where(WebUser.name == name))
    if row is None:
        raise LookupError(f"no user '{name}'")
    row.disabled = disabled


def end_sessions(session, name: str, before: int) -> None:
    """Every session of the account issued before ``before`` (epoch milliseconds) is over."""
    row = session.scalar(select(WebUser).where(WebUser.name == name))
    if row is not None:
        row.sessions_after = max(row.sessions_after or 0, before)


def set_password_hash(session, name: str, password_hash: str) -> None:
    """A rehash with newer argon2 parameters, at sign-in."""
    row = session.scalar(select(WebUser).where(WebUser.name == name))
    if row is not None:
        row.password_hash = password_hash


def log_event(session, *, at: datetime, username: str | None, address: str | None, action: str,  # noqa: PLR0913
              campaign: str | None = None, department: str | None = None, detail: dict | None = None) -> None:
    session.add(AuditEvent(at=at, username=username, address=(address or "")[:100] or None, action=action,
                           campaign=campaign, department=department, detail=detail or {}))


def events(session, limit: int = 200) -> list[dict]:
    """The newest events first."""
    rows = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit))
    return [{"at": r.at, "username": r.username, "address": r.address, "action": r.action, "campaign": r.campaign,
             "department": r.department, "detail": r.detail} for r in rows]


def submission_file(session, slug: str, submission_id: int) -> dict | None:
    """One stored submission of the campaign: its department code, name, bytes (None: not there)."""
    row = session.scalar(select(Submission).join(Campaign, Submission.campaign_id == Campaign.id)
                         .where(Campaign.slug == slug, Submission.id == submission_id))
    if row is None:
        return None
    return {"id": row.id, "department": row.department.code if row.department else None, "filename": row.filename,
            "content": row.content, "valid": row.valid, "is_current": row.is_current}


def campaign_list(session) -> list[dict]:
    """Every stored campaign: slug, name, year, deadline, council (portal organisation or city)."""
    rows = session.scalars(select(Campaign).order_by(Campaign.year.desc(), Campaign.slug))
    return [{"slug": c.slug, "name": c.name, "year": c.year, "deadline": c.deadline, "as_of": c.as_of,
             "council": c.portal_organization or c.city} for c in rows]
