"""E-mail addresses of people. Role mailboxes of an institution (info@, kanc@, office@ …)
are contact points meant to be public and are not hits."""
from __future__ import annotations

import re

from . import Hit

KIND = "email"
PATTERN = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
ROLE = {"info", "office", "kanc", "kancelyaria", "post", "mail", "admin", "contact", "press", "zvernennya",
        "priymalna", "cnap", "dovidka", "opendata", "secretary", "reception", "support", "hotline", "noreply"}


def find(text: str, context: str = "") -> list[Hit]:
    return [Hit(KIND, m.start(), m.end(), m.group()) for m in PATTERN.finditer(text)
            if m.group().split("@")[0].lower() not in ROLE]
