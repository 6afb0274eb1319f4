"""Effort: points taken off for the work publication needs (digitising, turning documents
into tables, depersonalising, sheer size)."""
from __future__ import annotations

from ..candidate import Candidate
from ..config import ProposalConfig
from .base import Component, points

NAME = "effort"
LABEL = "Зусилля (штраф)"
DOCUMENTS = {"docx", "doc", "pdf"}


def penalties(c: Candidate, config: ProposalConfig) -> list[tuple[float, str]]:
    s = config.components[NAME]
    fmt = str(c.row.get("format") or "").casefold()
    found = []
    if fmt == "паперовий" or c.row.get("storage") == "паперові документи":
        found.append((s["paper"], "треба оцифрувати"))
    elif fmt in DOCUMENTS:
        found.append((s["document"], f"треба перетворити {c.row.get('format')} на таблицю"))
    if c.row.get("personal_data"):
        found.append((s["personal_data"], "треба знеособити персональні дані"))
    if (c.row.get("records") or 0) > s["large_records"]:
        found.append((s["large"], "великий обсяг"))
    return found


def score(c: Candidate, config: ProposalConfig) -> Component:
    found = penalties(c, config)
    total = min(sum(p for p, _ in found), config.max(NAME))
    return Component(NAME, points(-total) if total else 0.0, ", ".join(n for _, n in found) or None)
