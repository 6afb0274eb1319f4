"""Demand: votes, requests for public information, portal requests and the department's own
estimate, damped logarithmically so that no single signal dominates."""
from __future__ import annotations

import math

from ..candidate import Candidate
from ..config import ProposalConfig
from .base import Component, plural, points

NAME = "demand"
LABEL = "Попит"


def units(c: Candidate, config: ProposalConfig) -> float:
    w = config.components[NAME]["units"]
    d = c.demand
    return (d.votes * w["vote"] + d.info_requests * w["info_request"] + d.portal_requests * w["portal_request"]
            + d.estimate * w["estimate"])


def score(c: Candidate, config: ProposalConfig) -> Component:
    settings = config.components[NAME]
    u = units(c, config)
    earned = min(1.0, math.log1p(u) / math.log1p(settings["saturation"])) * settings["max"] if u > 0 else 0.0
    return Component(NAME, points(earned), _note(c))


def _note(c: Candidate) -> str | None:
    d = c.demand
    parts = [plural(d.votes, "голос", "голоси", "голосів") + " на е-консультаціях" if d.votes else None,
             plural(d.info_requests, "запит", "запити", "запитів") + " на публічну інформацію"
             if d.info_requests else None,
             plural(d.portal_requests, "запит", "запити", "запитів") + " на порталі" if d.portal_requests else None,
             "орган оцінює " + plural(d.estimate, "запит", "запити", "запитів") + " на рік" if d.estimate else None]
    parts = [p for p in parts if p]
    return "попит: " + ", ".join(parts) if parts else None
