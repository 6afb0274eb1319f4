"""Timeliness: updated within the period of the declared frequency (config: timeliness.earns)."""
from __future__ import annotations

from ..timeliness import LATE, STATE_LABELS, UNKNOWN
from .base import Indicator, Lost, not_applicable

NAME, LABEL = "timeliness", "Своєчасність оновлення"


def _reason(facts, tl) -> str:
    if tl.state == LATE:
        return (f"Оновлено {tl.days_since_update} дн. тому при періоді {tl.period_days} дн. "
                f"(прострочено на {tl.days_overdue} дн.): оновіть дані й дату останнього оновлення.")
    if tl.state == UNKNOWN and facts.update_frequency is None:
        return "Не вказано періодичність оновлення: оберіть її зі словника порталу (наприклад, «Щомісяця»)."
    if tl.state == UNKNOWN:
        return "Не вказано дату останнього оновлення: зазначте, коли дані востаннє змінювались."
    return f"Стан «{STATE_LABELS[tl.state]}»: оновлюйте дані відповідно до заявленої періодичності."


def score(facts, config, tl) -> Indicator:
    points, share = config.points(NAME), config.earns.get(tl.state)
    if share is None:
        return not_applicable(NAME, LABEL, STATE_LABELS[tl.state])
    earned = points * float(share)
    lost = (Lost(points - earned, _reason(facts, tl)),) if earned < points else ()
    return Indicator(NAME, LABEL, earned, points, lost, STATE_LABELS[tl.state])
