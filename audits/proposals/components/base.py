"""A component of the public-interest score: its points and a Ukrainian note that explains them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...messages import plural  # noqa: F401  (the components' notes count things in Ukrainian)


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    points: float
    note: str | None = None       # a phrase of the justification; None when it adds nothing


def points(value: float) -> float:
    return round(value, 2)


def has_stem(text: str, stems) -> str | None:
    """The first stem that begins a word of ``text`` (already casefolded)."""
    stems = tuple(stems)
    if not _any_stem(stems).search(text):      # one pass for the usual answer: none
        return None
    return next((stem for stem in stems if _stem(stem).search(text)), None)


@lru_cache(maxsize=None)
def _any_stem(stems: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, stems)) + ")") if stems else re.compile(r"(?!)")


@lru_cache(maxsize=None)
def _stem(stem: str) -> re.Pattern:
    return re.compile(r"(?<![\w'])" + re.escape(stem))

