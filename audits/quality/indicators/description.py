"""Title and description within the passport's length limits (title up to 254 characters,
description up to 4000), and a description long enough to say what the data is."""
from __future__ import annotations

from .base import Indicator, Lost

NAME, LABEL = "description", "Довжина назви та опису"


def score(facts, config, timeliness) -> Indicator:
    points, limits = config.points(NAME), config.indicators[NAME]
    title, text = facts.title or "", (facts.description or "").strip()
    lost = []
    if len(title) > limits["title_max"]:
        lost.append(Lost(points / 2, f"Назва має {len(title)} символів, дозволено до {limits['title_max']}: "
                                     "скоротіть її."))
    if len(text) < limits["description_min"]:
        lost.append(Lost(points / 2, f"Опис має {len(text)} символів: опишіть у {limits['description_min']}+ "
                                     "символах, що це за дані, звідки вони і як їх використати."))
    elif len(text) > limits["description_max"]:
        lost.append(Lost(points / 2, f"Опис має {len(text)} символів, дозволено до {limits['description_max']}: "
                                     "скоротіть його."))
    return Indicator(NAME, LABEL, points - sum(x.points for x in lost), points, tuple(lost),
                     f"назва {len(title)}, опис {len(text)}")
