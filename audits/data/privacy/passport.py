"""Passport numbers: the old booklet (two Cyrillic capitals and six digits, «АВ 123456») and
the ID card (nine digits). Nine digits alone are too common (amounts, codes): an ID card is
a hit only where the cell or its column speaks of a passport or a document."""
from __future__ import annotations

import re

from . import Hit

OLD = re.compile(r"(?<![А-ЯІЇЄҐA-Za-zа-яіїєґ\d])([А-ЯІЇЄҐ]{2})\s?№?\s?(\d{6})(?![\d])")
ID_CARD = re.compile(r"(?<![\d.,])\d{9}(?![\d.,])")
DOCUMENT_WORDS = re.compile(r"паспорт|id-?карт|ід-?карт|документ|посвідчен", re.IGNORECASE)
NOT_SERIES = {"ДК", "ЄДРПОУ"}       # «ДК 021» classifiers are not passport series


def find(text: str, context: str = "") -> list[Hit]:
    hits = [Hit("passport", m.start(), m.end(), m.group()) for m in OLD.finditer(text) if m.group(1) not in NOT_SERIES]
    if DOCUMENT_WORDS.search(text) or DOCUMENT_WORDS.search(context):
        hits += [Hit("id-card", m.start(), m.end(), m.group()) for m in ID_CARD.finditer(text)]
    return hits
