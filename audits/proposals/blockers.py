"""What takes an item out of the ranking: restricted access, personal data without a plan to
depersonalise it, and (from the privacy screen of its data file) personal data found."""
from __future__ import annotations

from .candidate import Candidate
from .components.base import has_stem
from .config import ProposalConfig


def restricted(c: Candidate, config: ProposalConfig) -> str | None:
    access = str(c.row.get("access") or "").strip().casefold()
    if access in config.restricted:
        return f"обмежений доступ («{c.row.get('access')}»): така інформація не оприлюднюється"
    return None


def personal_data(c: Candidate, config: ProposalConfig) -> str | None:
    if not c.row.get("personal_data"):
        return None
    if has_stem(c.text("title", "description", "notes"), config.depersonalisation):
        return None
    return ("містить персональні дані, а плану знеособлення немає: допишіть у «Примітки», як дані "
            "буде знеособлено, або виключіть персональні дані з набору")


RULES = (restricted, personal_data)


def reason(c: Candidate, config: ProposalConfig, screened: dict | None = None) -> str | None:
    """The first blocker that applies; ``screened``: (department, item id) → reason from the
    privacy screen of the item's data file."""
    for rule in RULES:
        found = rule(c, config)
        if found:
            return found
    return (screened or {}).get((c.department, c.item_id))
