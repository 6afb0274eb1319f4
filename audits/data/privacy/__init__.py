"""The privacy screen: detectors of personal data, one per module, each ``find(text, context)``
returning :class:`Hit` spans; :mod:`.screen` runs them over a file. Numbers that only look
like identifiers (a wrong check digit, budget and KATOTTG codes, amounts) are not hits."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    kind: str          # rnokpp | passport | id-card | phone | email | iban | full-name
    start: int
    end: int
    text: str


def mask(text: str, kind: str) -> str:
    """A sample that shows what was found without repeating it."""
    if kind == "full-name":
        return " ".join(w[0] + "." for w in text.split())
    if kind == "email":
        local, _, domain = text.partition("@")
        return f"{local[:1]}***@{domain}"
    keep = 2 if len(text) > 6 else 1
    return text[:keep] + "*" * max(len(text) - 2 * keep, 1) + text[-keep:]
