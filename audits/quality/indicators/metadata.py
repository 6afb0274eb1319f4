"""Metadata completeness against the dataset passport (Resolution 835's Regulation)."""
from __future__ import annotations

from .base import Indicator, Lost

NAME, LABEL = "metadata", "Повнота метаданих (паспорт набору)"
ELEMENTS = {
    "identifier": "ідентифікатор", "title": "назва", "description": "короткий опис", "language": "мова",
    "formats": "формат", "first_published": "дата першого оприлюднення", "last_update": "дата останньої зміни",
    "current_as_of": "дата актуальності даних", "update_frequency": "періодичність оновлення",
    "keywords": "ключові слова", "link": "посилання на дані", "responsible_person": "відповідальна особа",
    "responsible_email": "електронна пошта відповідальної особи", "legal_basis": "правова підстава",
    "purpose": "мета збирання інформації",
}


def _present(value) -> bool:
    if isinstance(value, (list, tuple, set)):
        return len(value) > 0
    return value is not None and str(value).strip() != ""


def score(facts, config, timeliness) -> Indicator:
    points = config.points(NAME)
    applicable = [name for name in ELEMENTS if name in facts.passport]
    if not applicable:
        return Indicator(NAME, LABEL, 0.0, None, (), "немає елементів паспорта")
    each = points / len(applicable)
    missing = [name for name in applicable if not _present(facts.passport[name])]
    lost = tuple(Lost(each, f"Не заповнено елемент паспорта «{ELEMENTS[name]}»: заповніть його.") for name in missing)
    return Indicator(NAME, LABEL, points - each * len(missing), points, lost,
                     f"{len(applicable) - len(missing)} з {len(applicable)} елементів")
