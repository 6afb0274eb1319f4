"""Quality of the item's description, as scored by the council's quality indicators."""
from __future__ import annotations

from ..candidate import Candidate
from ..config import ProposalConfig
from .base import Component, points

NAME = "quality"
LABEL = "Якість опису"


def score(c: Candidate, config: ProposalConfig) -> Component:
    if c.quality is None:
        return Component(NAME, 0.0, None)
    return Component(NAME, points(config.max(NAME) * c.quality / 100), f"якість опису {c.quality:g}%")
