"""An open licence on a published dataset (not applicable to an item that is only held)."""
from __future__ import annotations

from ..facts import INVENTORY
from .base import all_or_nothing, not_applicable

NAME, LABEL = "licence", "Відкрита ліцензія"


def score(facts, config, timeliness):
    if not facts.published:
        return not_applicable(NAME, LABEL, "не оприлюднено")
    if facts.source == INVENTORY and facts.licence is None:
        return not_applicable(NAME, LABEL, "ліцензію видно лише на порталі")
    licence = (facts.licence or "").strip()
    ok = licence.casefold() in config.open_licences
    reason = (f"Ліцензія «{licence}» не є відкритою: оберіть Creative Commons Attribution (cc-by)." if licence
              else "Не вказано ліцензію: оберіть Creative Commons Attribution (cc-by).")
    return all_or_nothing(NAME, LABEL, config.points(NAME), ok, reason, licence)
