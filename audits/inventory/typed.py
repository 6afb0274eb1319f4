"""Validated text → Python values for storage (invalid or empty → None)."""
from __future__ import annotations

from datetime import date


def cast(text: str, field: dict):
    if text == "":
        return None
    kind = field["type"]
    try:
        if kind == "date":
            return date.fromisoformat(text)
        if kind == "integer":
            return int(text)
        if kind == "boolean":
            return _boolean(text, field)
    except ValueError:
        return None
    return text


def _boolean(text: str, field: dict):
    if text in field.get("trueValues", ["true"]):
        return True
    if text in field.get("falseValues", ["false"]):
        return False
    return None
