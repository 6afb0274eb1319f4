"""Cell values as read → the text that is validated against the Table Schema.

Dates typed as dates or written as дд.мм.рррр / ISO become ISO; whole floats lose ``.0``;
enum values written with other case, apostrophes or a known alias become the schema value; a
field marked ``x-list: first`` (the format) takes the first of several listed values («CSV, XLSX»)
when every one of them is known. Anything that cannot be normalised is left as typed so that validation reports it.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from .schema import fold

_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:\s+0?0:00(?::00)?)?$")
_LIST_SEPARATORS = re.compile(r"\s*[,;]\s*")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")


def to_text(value, field: dict) -> str:
    if value is None:
        return ""
    if field["type"] == "date":
        return _date_text(value)
    if isinstance(value, bool):
        return "так" if value else "ні"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    text = str(value).strip()
    return _enum_value(text, field) if "enum" in field.get("constraints", {}) else text


def _date_text(value) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    match = _DMY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return _iso_or_text(year, month, day, text)
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return _iso_or_text(year, month, day, text)
    return text


def _iso_or_text(year: int, month: int, day: int, text: str) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return text  # 31.02.2020 stays as typed and is reported as a wrong date


def _enum_value(text: str, field: dict) -> str:
    known = _known(text, field)
    if known is None and field.get("x-list") == "first":
        known = _first_of_list(text, field)
    return text if known is None else known


def _known(text: str, field: dict) -> str | None:
    """The enum value ``text`` spells (case, apostrophes and aliases ignored); None if none."""
    wanted = fold(text)
    for allowed in field["constraints"]["enum"]:
        if fold(allowed) == wanted:
            return allowed
    for canonical, aliases in field.get("x-aliases", {}).items():
        if wanted in {fold(a) for a in aliases}:
            return canonical
    return None


def _first_of_list(text: str, field: dict) -> str | None:
    """«CSV, XLSX» → CSV: the first value, when every listed value is known (a list holding an
    unknown one stays as typed, so the clerk sees it reported)."""
    parts = [p for p in _LIST_SEPARATORS.split(text[:1000]) if p]
    if len(parts) < 2:
        return None
    known = [_known(p, field) for p in parts]
    return None if None in known else known[0]
