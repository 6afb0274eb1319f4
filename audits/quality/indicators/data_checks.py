"""The data file itself meets its expectations (issue 7): points × the share of the Great
Expectations suite met. Applies only where a data file was checked (``facts.data_checks``)."""
from __future__ import annotations

from .base import Indicator, Lost, not_applicable

NAME, LABEL = "data_checks", "Перевірка даних"


def score(facts, config, timeliness) -> Indicator:
    if NAME not in config.indicators:
        return not_applicable(NAME, LABEL, "не налаштовано")
    share = facts.data_checks
    if share is None:
        return not_applicable(NAME, LABEL, "файл даних не перевірявся")
    points = config.points(NAME)
    earned = points * max(0.0, min(1.0, share))
    lost = (Lost(points - earned, f"Файл даних виконує {share:.0%} очікувань (схема набору, координати, дати, суми, "
                                  "повнота): виправте знахідки перевірки даних (odaudit data expect)."),) \
        if earned < points else ()
    return Indicator(NAME, LABEL, earned, points, lost, f"{share:.0%}")
