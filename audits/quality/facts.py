"""What the indicators look at, the same for an inventory item and a portal package."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from ..interned import interned

INVENTORY, PORTAL = "inventory", "portal"


class Passport(Mapping):
    """Passport elements, name → value, as two tuples: the names (one tuple shared by every
    dataset that has the same elements) and the values. A dict per dataset costs three times
    as much, and a campaign holds 120,000 of them until its outputs are written."""
    __slots__ = ("_names", "_values")

    def __init__(self, elements: dict | None = None):
        elements = elements or {}
        self._names: tuple[str, ...] = interned(tuple(elements))
        self._values = tuple(elements.values())

    def __getitem__(self, name: str):
        try:
            return self._values[self._names.index(name)]
        except ValueError:
            raise KeyError(name) from None

    def __iter__(self):
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __repr__(self) -> str:
        return f"Passport({dict(self)!r})"


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
    passport: Passport = field(default_factory=Passport)
    # Share of the data file's expectation suite met (issue 7, audits/data/gx_run.py); None: not checked.
    data_checks: float | None = None
