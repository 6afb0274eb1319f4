"""The Resolution 835 catalogue (schemas/catalogue/resolution-835.csv) as data."""
from __future__ import annotations

import csv
from dataclasses import asdict, dataclass
from functools import cache

from ..paths import CATALOGUE_CSV

COUNCIL_SCOPES = ("all-holders", "local-government")   # what a city council must publish (73 items)


@dataclass(frozen=True)
class CatalogueItem:
    id: str
    title: str
    holder: str
    scope: str

    def to_dict(self) -> dict:
        return asdict(self)


@cache
def load_catalogue(scope: str = "all") -> tuple[CatalogueItem, ...]:
    """``scope``: 'council' (the 73 items a city council owes) or 'all' (all 992)."""
    with open(CATALOGUE_CSV, encoding="utf-8", newline="") as fh:
        items = tuple(CatalogueItem(r["id"], r["title"], r["holder"], r["scope"]) for r in csv.DictReader(fh))
    return tuple(i for i in items if i.scope in COUNCIL_SCOPES) if scope == "council" else items


def by_id(item_id: str) -> CatalogueItem | None:
    return next((i for i in load_catalogue() if i.id == item_id), None)
