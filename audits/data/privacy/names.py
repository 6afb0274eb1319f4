"""Full names with a patronymic: «Петренко Іван Іванович», «Олена Степанівна Ковальчук»,
«КОВАЛЬЧУК Олена Степанівна». Without a patronymic a name is too often a street or a school
(«вул. Тараса Шевченка»), so it is not a hit; initials alone («Петренко І. І.») are not either."""
from __future__ import annotations

import re

from . import Hit

KIND = "full-name"
WORD = r"[А-ЯІЇЄҐ][А-ЯІЇЄҐа-яіїєґ'’\-]+"
PATRONYMIC = r"[А-ЯІЇЄҐ][а-яіїєґ'’]+(?:ович|евич|йович|ьович|івна|ївна|овна|евна|ічна|інічна)"
PATTERN = re.compile(
    rf"(?<![\w'’])(?:{WORD}\s+{WORD}\s+{PATRONYMIC}|{WORD}\s+{PATRONYMIC}\s+{WORD})(?![\w'’])")
STREET_WORDS = re.compile(r"(?:вул\.|вулиця|просп\.|проспект|пров\.|провулок|майдан|площа|бульв\.|імені|ім\.)\s*$",
                          re.IGNORECASE)


def find(text: str, context: str = "") -> list[Hit]:
    hits = []
    for m in PATTERN.finditer(text):
        if STREET_WORDS.search(text[: m.start()]):
            continue
        hits.append(Hit(KIND, m.start(), m.end(), m.group()))
    return hits
