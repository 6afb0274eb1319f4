"""The links to try: each register row's portal link, each package's landing page and resources."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

PORTAL = "https://data.gov.ua"


@dataclass(frozen=True, slots=True)
class Target:
    url: str
    key: str                  # the dataset's quality key (audits.quality.facts.DatasetFacts.key)
    title: str
    kind: str                 # "portal-link" (register), "landing-page", "resource"
    declared_format: str | None = None


def targets_of(register: list[dict], packages: list[dict], portal: str = PORTAL) -> list[Target]:
    """``portal``: where the packages' landing pages are (data.gov.ua)."""
    found = [Target(str(r["portal_url"]).strip(), f"{r['department_code']}:{r['row']}", r.get("title") or "",
                    "portal-link") for r in register if r.get("portal_url")]
    for p in packages:
        key, title = str(p.get("id") or p.get("name")), p.get("title") or ""
        found.append(Target(f"{portal}/dataset/{quote(str(p.get('name') or key))}", key, title, "landing-page"))
        found += [Target(str(r["url"]).strip(), key, title, "resource", r.get("format") or None)
                  for r in p.get("resources") or [] if isinstance(r, dict) and r.get("url")]
    return found
