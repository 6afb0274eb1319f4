"""feedback/: for every department, <code>.xlsx (its own file, marked) and <code>.txt (the
e-mail summary). Findings are the stored Finding rows, the same objects `odaudit validate --json`
prints. A file that cannot be copied never stops the others."""
from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import select

from ..findings import Finding
from ..store.db import transaction
from ..store.models import Submission
from ..store.repository import FINDING_KEYS, get_campaign
from .feedback_mail import mail_text
from .feedback_texts import REASON_UNREADABLE
from .feedback_xlsx import write_feedback_xlsx, write_marked_copy

log = logging.getLogger(__name__)
FEEDBACK = "feedback"


def current_files(engine, slug: str) -> dict[str, tuple[str, bytes | None]]:
    """Department code → (file name, original bytes) of its current submission."""
    with transaction(engine) as session:
        campaign = get_campaign(session, slug)
        codes = {d.id: d.code for d in campaign.departments}
        query = select(Submission).where(Submission.campaign_id == campaign.id, Submission.is_current,
                                         Submission.department_id.is_not(None))
        return {codes[s.department_id]: (s.filename, s.content) for s in session.scalars(query)}


def as_finding(row: dict) -> Finding:
    return Finding(**{k: row.get(k) for k in FINDING_KEYS})


def write_feedback(engine, slug: str, out: Path, summary: dict, findings: list[dict]) -> Path:
    """Write ``out/feedback/``; ``summary`` is summary.json, ``findings`` the current findings."""
    folder = Path(out) / FEEDBACK
    folder.mkdir(parents=True, exist_ok=True)
    files = current_files(engine, slug)
    for department in summary["departments"]:
        code = department["code"]
        own = [as_finding(r) for r in findings if r.get("department") == code]
        name, marked = None, False
        if code in files:
            name = f"{code}.xlsx"
            try:
                marked = write_marked_copy(folder / name, files[code][0], files[code][1], own)
            except Exception:  # never let one department's file stop the others' feedback
                log.warning("feedback for %s: the marked copy could not be written", code, exc_info=True)
                write_feedback_xlsx(folder / name, files[code][0], None, own, reason=REASON_UNREADABLE)
        text = mail_text(department, summary["campaign"], own, name, marked)
        (folder / f"{code}.txt").write_text(text, encoding="utf-8")
    return folder
