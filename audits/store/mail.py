"""The sent-mail log: what the SMTP server accepted, so nothing is sent twice."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from .models import SentMail


def sent_keys(session, campaign_id: int, kind: str) -> set[tuple[str, str]]:
    """(department code, key) of every mail of this kind already sent for the campaign."""
    rows = session.execute(select(SentMail.department_code, SentMail.key)
                           .where(SentMail.campaign_id == campaign_id, SentMail.kind == kind))
    return {(code, key) for code, key in rows}


def record_sent(session, campaign_id: int, kind: str, department: str, key: str,  # noqa: PLR0913
                recipient: str, subject: str, sent_at: datetime) -> None:
    session.add(SentMail(campaign_id=campaign_id, department_code=department, kind=kind, key=key,
                         recipient=recipient[:300], subject=subject[:500], sent_at=sent_at))
