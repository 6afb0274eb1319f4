"""At least one machine-readable format."""
from __future__ import annotations

from .base import all_or_nothing

NAME, LABEL = "machine_readable", "Машинозчитуваний формат"


def score(facts, config, timeliness):
    found = [f for f in facts.formats if str(f).strip().upper() in config.machine_readable]
    return all_or_nothing(NAME, LABEL, config.points(NAME), bool(found),
                          "Немає машинозчитуваного формату: надайте дані як CSV, JSON або XML, а не PDF чи скан.",
                          ", ".join(found))
