"""A component of the public-interest score: its points and a Ukrainian note that explains them."""
from __future__ import annotations

import re
from dataclasses import dataclass


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


def plural(n: int, one: str, few: str, many: str) -> str:
    """Ukrainian agreement of a noun with a number: 1 запит, 3 запити, 5 запитів."""
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} {one}"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return f"{n} {few}"
    return f"{n} {many}"
