"""РНОКПП: 10 digits; the first five count days from 31.12.1899 (the birth date) and the last
is a check digit: (Σ dᵢ·wᵢ mod 11) mod 10 with weights −1 5 7 9 4 6 10 5 7."""
from __future__ import annotations

import re

from . import Hit

KIND = "rnokpp"
PATTERN = re.compile(r"(?<![\d.,/\-])\d{10}(?![\d.,/\-]|\s?\d)")
WEIGHTS = (-1, 5, 7, 9, 4, 6, 10, 5, 7)
MAX_DAYS = 46000            # born before ~2025; a larger prefix is not a birth date


def valid(number: str) -> bool:
    if len(number) != 10 or not number.isdigit():
        return False
    digits = [int(c) for c in number]
    if not 0 < int(number[:5]) <= MAX_DAYS:
        return False
    return sum(d * w for d, w in zip(digits, WEIGHTS)) % 11 % 10 == digits[9]


def find(text: str, context: str = "") -> list[Hit]:
    return [Hit(KIND, m.start(), m.end(), m.group()) for m in PATTERN.finditer(text) if valid(m.group())]
