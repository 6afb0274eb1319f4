"""Readiness: how close the current format is to an open, machine-readable file."""
from __future__ import annotations

from ..candidate import Candidate
from ..config import ProposalConfig
from .base import Component, points

NAME = "readiness"
LABEL = "Готовність"


def share(fmt: str | None, config: ProposalConfig) -> float:
    settings = config.components[NAME]
    formats = {str(k).casefold(): float(v) for k, v in settings["formats"].items()}
    return formats.get(str(fmt or "").strip().casefold(), float(settings["other"]))


def score(c: Candidate, config: ProposalConfig) -> Component:
    fmt = c.row.get("format")
    s = share(fmt, config)
    if not fmt:
        note = "формат не вказано"
    elif s >= 0.9:
        note = f"дані вже у машинозчитуваному вигляді ({fmt})"
    elif s > 0:
        note = f"поточний формат {fmt}"
    else:
        note = "дані лише на папері"
    return Component(NAME, points(config.max(NAME) * s), note)
