"""A contact point: a responsible person with a working-looking e-mail address."""
from __future__ import annotations

import re

from .base import Indicator, Lost

NAME, LABEL = "contact_point", "Контактна особа"
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def score(facts, config, timeliness) -> Indicator:
    points = config.points(NAME)
    lost = []
    if not (facts.contact_person or "").strip():
        lost.append(Lost(points / 2, "Не вказано відповідальну особу: зазначте прізвище, ім'я та по батькові."))
    if not EMAIL.match((facts.contact_email or "").strip()):
        lost.append(Lost(points / 2, "Немає правильної електронної пошти відповідальної особи: "
                                     "вкажіть адресу на зразок name@example.gov.ua."))
    return Indicator(NAME, LABEL, points - sum(x.points for x in lost), points, tuple(lost),
                     facts.contact_email or "")
