"""What the indicators look at, the same for an inventory item and a portal package."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

INVENTORY, PORTAL = "inventory", "portal"


@dataclass(frozen=True, slots=True)
class DatasetFacts:
    key: str                             # stable id: the package id, or "<department>:<row>"
    source: str                          # 'inventory' or 'portal'
    title: str
    department: str | None = None        # owner department code (portal: through the register join)
    organization: str | None = None
    description: str | None = None
    formats: tuple[str, ...] = ()
    update_frequency: str | None = None  # portal code ("once a month"), see timeliness.frequency_code
    last_update: date | None = None
    published: bool = False
    licence: str | None = None
    contact_person: str | None = None
    contact_email: str | None = None
    keywords: tuple[str, ...] = ()
    has_schema: bool = False
    url: str | None = None
    # Passport elements: name → value; an element missing from the dict does not apply.
    passport: dict = field(default_factory=dict)
    # Share of the data file's expectation suite met (issue 7, audits/data/gx_run.py); None: not checked.
    data_checks: float | None = None
