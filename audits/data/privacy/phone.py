"""Phone numbers, by Google's libphonenumber (the ``phonenumbers`` port): a number must be
valid for its region, not just look like one. Ukrainian numbers may be written without +380."""
from __future__ import annotations

import re

import phonenumbers

from . import Hit

KIND = "phone"
DIGITS = re.compile(r"\d")


def find(text: str, context: str = "") -> list[Hit]:
    if len(DIGITS.findall(text)) < 9:
        return []
    hits = []
    for match in phonenumbers.PhoneNumberMatcher(text, "UA", leniency=phonenumbers.Leniency.VALID):
        before = text[match.start - 1] if match.start else ""
        after = text[match.end] if match.end < len(text) else ""
        if before.isalnum() or after.isalnum():        # part of a code such as UA0708017…
            continue
        hits.append(Hit(KIND, match.start, match.end, match.raw_string))
    return hits
