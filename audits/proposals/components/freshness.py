"""Freshness: whether the item is updated as often as it says."""
from __future__ import annotations

from ...quality.timeliness import STATE_LABELS
from ..candidate import Candidate
from ..config import ProposalConfig
from .base import Component, points

NAME = "freshness"
LABEL = "Актуальність"


def score(c: Candidate, config: ProposalConfig) -> Component:
    share = float(config.components[NAME]["states"].get(c.timeliness or "unknown", 0.0))
    note = f"оновлення: {STATE_LABELS[c.timeliness]}" if c.timeliness in STATE_LABELS else None
    return Component(NAME, points(config.max(NAME) * share), note)
