"""A component of the public-interest score: its points and a Ukrainian note that explains them."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...messages import plural  # noqa: F401  (the components' notes count things in Ukrainian)


@dataclass(frozen=True)
class Component:
    name: str
    points: float
    note: str | None = None       # a phrase of the justification; None when it adds nothing


def points(value: float) -> float:
    return round(value, 2)


def has_stem(text: str, stems) -> str | None:
    """The first stem that begins a word of ``text`` (already casefolded)."""
    for stem in stems:
        if re.search(r"(?<![\w'])" + re.escape(stem), text):
            return stem
    return None

