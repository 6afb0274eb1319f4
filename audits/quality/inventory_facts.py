"""Dataset facts of a register row (an inventory item as stored in the register)."""
from __future__ import annotations

import re
import sys
from datetime import date

from ..interned import interned
from .facts import INVENTORY, DatasetFacts, Passport
from .timeliness import frequency_code

PASSPORT = {"identifier": "id", "title": "title", "description": "description", "language": "language",
            "formats": "format", "last_update": "last_updated", "current_as_of": "current_as_of",
            "update_frequency": "update_frequency", "keywords": "keywords",
            "responsible_person": "responsible_person", "responsible_email": "responsible_email",
            "legal_basis": "legal_basis", "purpose": "purpose"}


def as_date(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def split_keywords(value) -> tuple[str, ...]:
    return tuple(sys.intern(k.strip()) for k in re.split(r"[,;]", str(value or "")) if k.strip())


def inventory_facts(row: dict) -> DatasetFacts:
    published = bool(row.get("published"))
    passport = {element: row.get(name) for element, name in PASSPORT.items()}
    if published:
        passport["link"] = row.get("portal_url")
    return DatasetFacts(
        key=f"{row['department_code']}:{row['row']}", source=INVENTORY, title=row.get("title") or "",
        department=row.get("department_code"), organization=row.get("department_name"),
        description=row.get("description"), formats=interned((row["format"],)) if row.get("format") else (),
        update_frequency=frequency_code(row.get("update_frequency")), last_update=as_date(row.get("last_updated")),
        published=published, licence=None, contact_person=row.get("responsible_person"),
        contact_email=row.get("responsible_email"), keywords=interned(split_keywords(row.get("keywords"))),
        url=row.get("portal_url"), passport=Passport(passport))
