"""IBAN of a Ukrainian account: UA, two check digits, the bank's 6-digit code and a 19-digit
account (29 characters), valid under ISO 13616 mod-97. KATOTTG codes (UA + 17 digits) and
IBANs with a wrong checksum are not hits."""
from __future__ import annotations

import re

from . import Hit

KIND = "iban"
PATTERN = re.compile(r"(?<![A-Za-z\d])UA\s?\d{2}(?:\s?\d){25}(?!\d)")


def valid(iban: str) -> bool:
    compact = iban.replace(" ", "")
    if len(compact) != 29:
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def find(text: str, context: str = "") -> list[Hit]:
    return [Hit(KIND, m.start(), m.end(), m.group()) for m in PATTERN.finditer(text) if valid(m.group())]
