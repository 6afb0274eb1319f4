"""Who gets a reminder (a department that sent nothing or still has errors) and its text,
with a days-left line. ``today`` is passed in: a test and a rerun are exact."""
from __future__ import annotations

from datetime import date

from ..messages import plural
from ..reports import feedback_texts as t

REMIND = ("missing", "invalid")


def is_open(deadline: date | None, today: date) -> bool:
    """A campaign is open until the end of its deadline day (no deadline: open)."""
    return deadline is None or today <= deadline


def reminder_text(department: dict, campaign: dict, today: date) -> str | None:
    """``department``/``campaign``: their entries in summary.json; None when nothing is owed."""
    if department["status"] not in REMIND:
        return None
    if department["status"] == "missing":
        body = t.REMINDER_MISSING.format(campaign=campaign["name"])
    else:
        body = t.REMINDER_FIXES.format(file=department.get("file") or "", errors=plural(department["errors"],
                                                                                      *t.ERRORS_LEFT))
    paragraphs = [t.REMINDER_SUBJECT.format(department=department["name"]), t.GREETING, body]
    left = days_left_line(_date(campaign.get("deadline")), today)
    return "\n\n".join(paragraphs + ([left] if left else []) + [t.SIGNATURE]) + "\n"


def days_left_line(deadline: date | None, today: date) -> str | None:
    if deadline is None or today > deadline:
        return None
    days = (deadline - today).days
    dmy = deadline.strftime("%d.%m.%Y")
    return t.LAST_DAY.format(deadline=dmy) if days == 0 else t.DAYS_LEFT.format(deadline=dmy,
                                                                                  days=plural(days, *t.DAYS))


def _date(value) -> date | None:
    return date.fromisoformat(value) if value else None
