"""Join portal packages to the register (by the portal link a department gave, else by a
confident title match) and to the Resolution 835 catalogue (through the catalogue matcher).

The title comparison reuses the catalogue matcher's scoring and thresholds: one matcher."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import unquote, urlsplit

from ..catalogue import matcher
from ..catalogue.normalize import key

DATASET_PATH = re.compile(r"/dataset/([^/?#]+)")


@dataclass(frozen=True)
class PortalIndex:
    """What a snapshot says is on the portal: package ids and names, and titles (their matcher
    keys are computed only when a title match is asked for: most monitor runs never need them)."""
    slugs: dict[str, str]        # package id or name → package id
    ids: tuple[str, ...]         # package ids, aligned with title_keys
    titles: dict[str, str]       # package id → title

    @classmethod
    def of(cls, packages: list[dict]) -> "PortalIndex":
        slugs, ids, titles = {}, [], {}
        for p in packages:
            pid = str(p.get("id") or p.get("name"))
            for slug in (p.get("id"), p.get("name")):
                if slug:
                    slugs[str(slug).casefold()] = pid
            ids.append(pid)
            titles[pid] = p.get("title") or p.get("name") or ""
        return cls(slugs, tuple(ids), titles)

    @cached_property
    def title_keys(self) -> tuple[str, ...]:
        return tuple(key(self.titles[pid]) for pid in self.ids)

    def without(self, claimed: set[str]) -> "PortalIndex":
        """The same index without packages already claimed by a portal link (a package is one item)."""
        return PortalIndex(self.slugs, tuple(pid for pid in self.ids if pid not in claimed), self.titles)


@dataclass(frozen=True)
class PackageLink:
    package_id: str
    department: str
    row: int
    method: str        # 'link' or 'title'
    score: float


def slug_of(url) -> str | None:
    """The package name or id in a portal link such as https://data.gov.ua/dataset/<name>."""
    if not url:
        return None
    found = DATASET_PATH.search(urlsplit(str(url).strip()).path)
    return unquote(found.group(1)).casefold() if found else None


def by_link(url, index: PortalIndex) -> str | None:
    slug = slug_of(url)
    return index.slugs.get(slug) if slug else None


def by_title(titles: list[str], index: PortalIndex) -> list[tuple[str | None, float]]:
    """For each title, the package it confidently matches (or None) and the score."""
    if not titles or not index.ids:
        return [(None, 0.0)] * len(titles)
    found = matcher.best([key(t or "") for t in titles], index.title_keys)
    return [(index.ids[i] if i is not None else None, score) for i, score in found]


def link_register(rows: list[dict], index: PortalIndex) -> list[PackageLink]:
    """Register rows (department_code, row, title, portal_url) → the packages they are."""
    links, unlinked = [], []
    for r in rows:
        pid = by_link(r.get("portal_url"), index)
        if pid:
            links.append(PackageLink(pid, r["department_code"], r["row"], "link", 100.0))
        else:
            unlinked.append(r)
    claimed = {link.package_id for link in links}
    free = index.without(claimed)
    found = by_title([r.get("title") or "" for r in unlinked], free)
    for r, (pid, score) in _one_item_each(unlinked, found):
        links.append(PackageLink(pid, r["department_code"], r["row"], "title", round(score, 1)))
    return links


def _one_item_each(rows: list[dict], found: list[tuple[str | None, float]]) -> list[tuple[dict, tuple]]:
    """A package is one register item: when several rows' titles match the same package, the
    best score takes it; a tie for the best links none of them (nobody can say which it is)."""
    by_package: dict[str, list[tuple[dict, tuple]]] = {}
    for r, (pid, score) in zip(rows, found):
        if pid:
            by_package.setdefault(pid, []).append((r, (pid, score)))
    kept = []
    for claims in by_package.values():
        claims.sort(key=lambda c: -c[1][1])
        if len(claims) == 1 or claims[0][1][1] > claims[1][1][1]:
            kept.append(claims[0])
    order = {id(r): i for i, r in enumerate(rows)}
    return sorted(kept, key=lambda c: order[id(c[0])])


def catalogue_links(packages: list[dict]) -> dict[str, str]:
    """Package id → the council's catalogue item it confidently matches."""
    titles = [p.get("title") or p.get("name") or "" for p in packages]
    matches = matcher.match_many(titles, "council")
    return {str(p.get("id") or p.get("name")): m.item.id for p, m in zip(packages, matches) if m.confident}
