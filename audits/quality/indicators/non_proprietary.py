"""At least one non-proprietary (open standard) format."""
from __future__ import annotations

from .base import all_or_nothing

NAME, LABEL = "non_proprietary", "Відкритий (непропрієтарний) формат"


def score(facts, config, timeliness):
    found = [f for f in facts.formats if str(f).strip().upper() in config.non_proprietary]
    return all_or_nothing(NAME, LABEL, config.points(NAME), bool(found),
                          "Усі формати закриті (XLSX, DOCX, PDF): додайте CSV, JSON або XML.", ", ".join(found))
