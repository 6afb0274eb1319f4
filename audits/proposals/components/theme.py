"""Value: the best matching theme of public value (and its EU high-value category)."""
from __future__ import annotations

from ..candidate import Candidate
from ..config import ProposalConfig, Theme
from .base import Component, has_stem, points

NAME = "theme"
LABEL = "Цінність теми"


def best_theme(c: Candidate, config: ProposalConfig) -> Theme | None:
    text = c.text("title", "description", "keywords")
    matched = [t for t in config.themes if has_stem(text, t.stems)]
    return max(matched, key=lambda t: t.share) if matched else None


def score(c: Candidate, config: ProposalConfig) -> Component:
    theme = best_theme(c, config)
    if theme is None:
        return Component(NAME, 0.0, None)
    note = f"тема «{theme.label}»" + (f" (категорія високої цінності ЄС «{theme.hvd}»)" if theme.hvd else "")
    return Component(NAME, points(config.max(NAME) * theme.share), note)
