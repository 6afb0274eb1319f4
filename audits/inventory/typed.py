"""Validated text → Python values for storage (invalid or empty → None). Short texts are
interned: a format, a frequency, a contact repeated on 3,000 rows is kept once."""
from __future__ import annotations

import re
import sys
from datetime import date

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SHARED = 80      # texts up to this length are interned (a title repeated across files too)


def cast(text: str, field: dict):
    if text == "":
        return None
    kind = field["type"]
    try:
        if kind == "date":  # only YYYY-MM-DD, as validated; fromisoformat also takes 20201231, 2020-W10-4
            return date.fromisoformat(text) if _ISO_DATE.match(text) else None
        if kind == "integer":
            return int(text)
        if kind == "boolean":
            return _boolean(text, field)
    except ValueError:
        return None
    return sys.intern(text) if len(text) <= SHARED else text


def _boolean(text: str, field: dict):
    if text in field.get("trueValues", ["true"]):
        return True
    if text in field.get("falseValues", ["false"]):
        return False
    return None
