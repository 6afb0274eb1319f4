"""At least one non-proprietary (open standard) format."""
from __future__ import annotations

from .base import all_or_nothing

NAME, LABEL = "non_proprietary", "Відкритий (непропрієтарний) формат"
PAPER = "паперовий"          # the inventory's word for records kept on paper (not a file format)


def score(facts, config, timeliness):
    found = [f for f in facts.formats if str(f).strip().upper() in config.non_proprietary]
    return all_or_nothing(NAME, LABEL, config.points(NAME), bool(found), why_not(facts.formats), ", ".join(found))


def why_not(formats) -> str:
    """The reason as it is: no format given, records on paper, or the closed formats named."""
    given = [str(f).strip() for f in formats if str(f).strip()]
    files = [f for f in given if f.casefold() != PAPER]
    if not given:
        return "Формат не вказано: вкажіть формат, у якому ведуться дані, і оприлюдніть їх як CSV, JSON або XML."
    if not files:
        return "Дані ведуться лише на папері: оцифруйте їх і оприлюдніть у відкритому форматі (CSV, JSON або XML)."
    return f"Усі формати закриті ({', '.join(files)}): додайте CSV, JSON або XML."
