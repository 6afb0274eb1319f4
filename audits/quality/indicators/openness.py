"""Openness on a 5-star scale; a dataset takes the stars of its best format."""
from __future__ import annotations

from .base import Indicator, Lost

NAME, LABEL = "openness", "Відкритість формату (5 зірок)"
FIX = {0: "дані лише на папері або у невідомому форматі: оцифруйте їх у CSV",
       1: "документ (PDF, DOCX) не придатний для обробки: оприлюдніть дані таблицею CSV",
       2: "формат XLSX/XLS закритий: додайте CSV або JSON",
       3: "опишіть структуру схемою (Table Schema) або надайте API",
       4: "зв'яжіть дані з іншими (Linked Data, RDF)"}


def stars(formats, config, has_schema: bool = False) -> tuple[int, str | None]:
    best, best_format = 0, None
    for fmt in formats:
        value = config.stars.get(str(fmt).strip().upper(), 0)
        if value == 3 and has_schema:
            value += config.schema_bonus
        if value > best:
            best, best_format = value, fmt
    return best, best_format


def score(facts, config, timeliness) -> Indicator:
    points = config.points(NAME)
    value, fmt = stars(facts.formats, config, facts.has_schema)
    full = config.full_points_at
    earned = points * min(value, full) / full
    note = f"{value} з 5 ({fmt})" if fmt else f"{value} з 5"
    lost = (Lost(points - earned, f"{value} з 5 зірок: {FIX[value]}."),) if value < full else ()
    return Indicator(NAME, LABEL, earned, points, lost, note)
