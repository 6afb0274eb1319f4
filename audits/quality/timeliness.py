"""Timeliness of a dataset against its declared update frequency, as of a given date.

States: ``on-time``, ``late``, ``on-change`` (updated "immediately after making changes"),
``no-longer-updated``, ``unknown`` (no frequency declared, or no update date). An update
exactly at the frequency's period is on time. ``as_of`` is always passed in.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

ON_TIME, LATE, ON_CHANGE, NO_LONGER, UNKNOWN = "on-time", "late", "on-change", "no-longer-updated", "unknown"
STATES = (ON_TIME, LATE, ON_CHANGE, NO_LONGER, UNKNOWN)
STATE_LABELS = {ON_TIME: "вчасно", LATE: "із запізненням", ON_CHANGE: "після внесення змін",
                NO_LONGER: "більше не оновлюється", UNKNOWN: "невідомо"}
ON_CHANGE_CODE, NO_LONGER_CODE = "immediately after making changes", "no longer updated"


@dataclass(frozen=True, slots=True)
class Timeliness:
    state: str
    days_since_update: int | None
    days_overdue: int | None
    period_days: int | None = None

    def to_dict(self) -> dict:
        return {"timeliness": self.state, "days_since_update": self.days_since_update,
                "days_overdue": self.days_overdue}


@cache
def _labels() -> dict[str, str]:
    """Every spelling we accept (portal codes, Ukrainian labels, their aliases) → portal code."""
    from ..inventory.schema import fold, load_schema

    field = load_schema().field("update_frequency")
    codes = field["x-portal-code"]
    spellings = {fold(code): code for code in codes.values()}
    spellings.update({fold(label): code for label, code in codes.items()})
    for label, aliases in field.get("x-aliases", {}).items():
        spellings.update({fold(a): codes[label] for a in aliases})
    return spellings


def frequency_label(value) -> str | None:
    """The label data.gov.ua shows for a declared frequency in any accepted spelling («once a half
    year» → «Кожного півріччя»), as exports write it; an unknown spelling is kept as written."""
    code = frequency_code(value)
    if code is None:
        return value or None
    return _portal_labels()[code]


@cache
def _portal_labels() -> dict[str, str]:
    from ..inventory.schema import load_schema

    return {code: label for label, code in load_schema().field("update_frequency")["x-portal-code"].items()}


def frequency_code(value) -> str | None:
    """The data.gov.ua code of a declared frequency in any accepted spelling; None if unknown."""
    if value is None:
        return None
    return _code(str(value))


@lru_cache(maxsize=4096)
def _code(text: str) -> str | None:
    """Cached: a portal of 40,000 packages spells its frequencies a dozen ways."""
    from ..inventory.schema import fold

    return _labels().get(fold(text)) if text.strip() else None


def timeliness(frequency: str | None, last_update: date | None, as_of: date,
               periods: dict[str, int]) -> Timeliness:
    code = frequency_code(frequency)
    since = max(0, (as_of - last_update).days) if last_update else None
    if code == ON_CHANGE_CODE:
        return Timeliness(ON_CHANGE, since, None)
    if code == NO_LONGER_CODE:
        return Timeliness(NO_LONGER, since, None)
    period = periods.get(code) if code else None
    if period is None or since is None:
        return Timeliness(UNKNOWN, since, None, period)
    overdue = since - period
    return Timeliness(ON_TIME if overdue <= 0 else LATE, since, max(0, overdue), period)
