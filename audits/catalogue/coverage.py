"""Coverage of the 73 datasets a city council owes: who holds each, is it published.

Register rows are linked to catalogue items by their explicit reference (column «Пункт
постанови № 835») or else by a confident title match. Status per item: ``published`` (a
holder says so and gives a link), ``held`` (declared but not published), ``not-found``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .catalogue import CatalogueItem, load_catalogue
from .matcher import match_many

PUBLISHED, HELD, NOT_FOUND = "published", "held", "not-found"
STATUS_LABELS = {PUBLISHED: "оприлюднено", HELD: "є, але не оприлюднено", NOT_FOUND: "не знайдено в жодному переліку"}


@dataclass(frozen=True)
class Link:
    """One register row declared as (or matched to) a catalogue item."""
    catalogue_id: str
    department: str
    row: int
    title: str
    method: str            # 'reference' or 'title'
    score: float
    published: bool
    portal_url: str | None


@dataclass
class CoverageEntry:
    item: CatalogueItem
    links: list[Link] = field(default_factory=list)
    portal_checked: bool = False          # a portal snapshot was compared: "published" means on the portal
    on_portal: set[str] = field(default_factory=set)    # package links found on the portal for this item

    @property
    def status(self) -> str:
        if self.portal_checked:
            return PUBLISHED if self.on_portal else (HELD if self.links else NOT_FOUND)
        if any(link.published for link in self.links):
            return PUBLISHED
        return HELD if self.links else NOT_FOUND

    def to_dict(self) -> dict:
        urls = self.on_portal if self.portal_checked else {link.portal_url for link in self.links if link.published}
        return {"id": self.item.id, "title": self.item.title, "scope": self.item.scope, "status": self.status,
                "departments": sorted({link.department for link in self.links}),
                "portal_urls": sorted(urls), "portal_checked": self.portal_checked}


def link_register(rows: list[dict]) -> list[Link]:
    """Confident links of register rows (dicts with department_code, row, title, catalogue_ref,
    published, portal_url) to the council's catalogue items."""
    matches = match_many([r.get("title") or "" for r in rows], "council", [r.get("catalogue_ref") for r in rows])
    return [Link(m.item.id, r["department_code"], r["row"], r.get("title") or "",
                 m.method, round(m.score, 1),
                 bool(r.get("published") and r.get("portal_url")), r.get("portal_url"))
            for r, m in zip(rows, matches) if m.confident]


def coverage(links: list[Link], portal: "PortalFacts | None" = None) -> list[CoverageEntry]:
    """``portal``: what a snapshot confirms; without one, "published" is what departments declare."""
    entries = {item.id: CoverageEntry(item, portal_checked=portal is not None) for item in load_catalogue("council")}
    for link in links:
        entries[link.catalogue_id].links.append(link)
    if portal is not None:
        for item_id, url in portal.by_item:
            entries[item_id].on_portal.add(url)
        for link in links:
            url = portal.by_row.get((link.department, link.row))
            if url:
                entries[link.catalogue_id].on_portal.add(url)
    return list(entries.values())


@dataclass(frozen=True)
class PortalFacts:
    """From a portal snapshot: packages matching catalogue items directly, and register rows
    (department, row) found on the portal, each with the package's link."""
    by_item: tuple[tuple[str, str], ...]
    by_row: dict


def totals(entries: list[CoverageEntry]) -> dict:
    count = lambda s: sum(e.status == s for e in entries)  # noqa: E731
    return {"items": len(entries), PUBLISHED: count(PUBLISHED), HELD: count(HELD), NOT_FOUND: count(NOT_FOUND)}
