"""Enough keywords to find the dataset."""
from __future__ import annotations

from .base import Indicator, Lost

NAME, LABEL = "keywords", "Ключові слова"


def score(facts, config, timeliness) -> Indicator:
    points, wanted = config.points(NAME), int(config.indicators[NAME].get("min_keywords", 1))
    have = len({k.strip().casefold() for k in facts.keywords if k.strip()})
    earned = points * min(have, wanted) / wanted
    lost = (Lost(points - earned, f"Ключових слів {have}, потрібно щонайменше {wanted}: додайте слова, "
                                  "за якими люди шукатимуть ці дані."),) if have < wanted else ()
    return Indicator(NAME, LABEL, earned, points, lost, str(have))
