"""One monitor run as plain functions: read packages (live or from a saved response) →
join them to the register and the catalogue → score them → summarise → store a snapshot."""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

from ..findings import Finding
from ..inventory.schema import load_schema
from ..quality.aggregate import by_department, summarize
from ..quality.config import load_quality_config
from ..quality.score import QualityScore, score_dataset
from .client import DEFAULT_BASE_URL, PortalClient
from .join import PortalIndex, catalogue_links, link_register
from .offline import load_packages
from .package import package_facts


@dataclass
class MonitorResult:
    source: str
    organization: str | None
    as_of: date
    packages: list[dict]
    scores: list[QualityScore]
    catalogue: dict[str, str] = field(default_factory=dict)     # package id → catalogue item id
    not_on_portal: list[Finding] = field(default_factory=list)
    links: list = field(default_factory=list)                   # register rows ↔ packages (PackageLink)

    @cached_property
    def fingerprint(self) -> str:
        return fingerprint(self.packages)

    @cached_property
    def summary(self) -> dict:
        return {"organization": self.organization, "source": self.source, "as_of": self.as_of.isoformat(),
                "packages": len(self.packages), **summarize(self.scores),
                "departments": by_department(self.scores), "catalogue_items": len(set(self.catalogue.values())),
                "not_on_portal": len(self.not_on_portal), "config": str(load_quality_config().path.name)}


def fingerprint(packages: list[dict]) -> str:
    """Same packages, same fingerprint: a campaign rerun does not store the same snapshot twice."""
    return hashlib.sha256(json.dumps(packages, sort_keys=True, ensure_ascii=False, default=str)
                          .encode("utf-8")).hexdigest()


def read_live(organization: str, base_url: str = DEFAULT_BASE_URL, **client_options) -> tuple[list[dict], str]:
    with PortalClient(base_url, **client_options) as client:
        return client.organization_packages(organization), base_url


def read_file(path: Path) -> tuple[list[dict], str]:
    return load_packages(path), str(path)


def organization_of(packages: list[dict]) -> str | None:
    """The organisation most packages belong to (its portal name)."""
    names = Counter((p.get("organization") or {}).get("name") for p in packages
                    if isinstance(p.get("organization"), dict))
    names.pop(None, None)
    return names.most_common(1)[0][0] if names else None


def assess(packages: list[dict], as_of: date, source: str, organization: str | None = None,
           register: list[dict] | None = None) -> MonitorResult:
    """Score every package as of ``as_of``; with a register, give each its owner department and
    list the register rows called published that the portal does not have."""
    index = PortalIndex.of(packages)
    links = link_register(register or [], index)
    owners = {link.package_id: link.department for link in links}
    scores = [score_dataset(package_facts(p, owners.get(_pid(p))), as_of) for p in packages]
    missing = not_on_portal(register or [], links, as_of)
    return MonitorResult(source, organization or organization_of(packages), as_of, packages, scores,
                         catalogue_links(packages), missing, links)


def snapshot_scores(packages: list[tuple[dict, str | None]], as_of: date) -> list[QualityScore]:
    """Stored packages (raw package, owner department), re-scored exactly as the monitor did."""
    from ..quality.score import score_many

    return score_many([package_facts(raw, owner) for raw, owner in packages], as_of)


def package_url(package: dict, source: str) -> str:
    base = source.rstrip("/") if source.startswith(("http://", "https://")) else DEFAULT_BASE_URL
    return f"{base}/dataset/{package.get('name') or package.get('id')}"


def portal_facts(result: MonitorResult):
    """What the snapshot confirms, for the coverage of the catalogue."""
    from ..catalogue.coverage import PortalFacts

    urls = {_pid(p): package_url(p, result.source) for p in result.packages}
    return PortalFacts(tuple((item, urls[pid]) for pid, item in sorted(result.catalogue.items())),
                       {(link.department, link.row): urls[link.package_id] for link in result.links})


def _pid(package: dict) -> str:
    return str(package.get("id") or package.get("name"))


def not_on_portal(register: list[dict], links, snapshot_date: date) -> list[Finding]:
    linked = {(link.department, link.row) for link in links}
    column = load_schema().title("portal_url")
    found = []
    for r in register:
        if r.get("published") and (r["department_code"], r["row"]) not in linked:
            params = dict(title=r.get("title") or "", row=r["row"], cell=f"рядок {r['row']}", column=column,
                          snapshot=snapshot_date.strftime("%d.%m.%Y"), link=link_note(r.get("portal_url")))
            found.append(Finding.of("not-on-portal", params, department=r["department_code"], file=r.get("file"),
                                    row=r["row"], column=column, field="portal_url", value=r.get("portal_url")))
    return found


def link_note(url) -> str:
    return f" (посилання {url} не веде до жодного набору)" if url else ""


def package_rows(result: MonitorResult) -> list[dict]:
    """The columns of PortalPackage for every scored package."""
    return [{"package_id": s.facts.key, "name": p.get("name"), "title": s.facts.title,
             "organization": s.facts.organization, "update_frequency": p.get("update_frequency"),
             "last_update": s.facts.last_update, "timeliness": s.timeliness.state,
             "days_since_update": s.timeliness.days_since_update, "days_overdue": s.timeliness.days_overdue,
             "score": s.percent, "band": s.band, "department": s.facts.department,
             "catalogue_id": result.catalogue.get(s.facts.key),
             "indicators": [i.to_dict() for i in s.indicators], "raw": p}
            for p, s in zip(result.packages, result.scores)]


def to_json(result: MonitorResult) -> dict:
    """The CLI contract of ``odaudit monitor --json``."""
    packages = [{"id": s.facts.key, "title": s.facts.title, "organization": s.facts.organization,
                 "update_frequency": s.facts.update_frequency,
                 "last_update": s.facts.last_update.isoformat() if s.facts.last_update else None,
                 **s.timeliness.to_dict(), "score": s.percent, "band": s.band, "department": s.facts.department}
                for s in result.scores]
    return {"packages": packages, "summary": result.summary,
            "not_on_portal": [f.to_dict() for f in result.not_on_portal]}


def trend_row(snapshot: dict) -> dict:
    """One stored run (audits.store.portal.snapshot_rows) as the trend table shows it."""
    s = snapshot["summary"] or {}
    t = s.get("timeliness", {})
    return {"taken_at": snapshot["taken_at"].isoformat(sep=" "), "as_of": snapshot["as_of"].isoformat(),
            "source": snapshot["source"], "packages": snapshot["package_count"], "mean_score": s.get("mean_score"),
            "on_time": t.get("on-time", 0), "late": t.get("late", 0), "unknown": t.get("unknown", 0),
            "not_on_portal": s.get("not_on_portal", 0)}


def snapshot_record(result: MonitorResult, taken_at: datetime) -> dict:
    """The snapshot as audits.store.portal.save_snapshot takes it."""
    return {"source": result.source, "organization": result.organization, "taken_at": taken_at,
            "as_of": result.as_of, "summary": result.summary, "fingerprint": result.fingerprint,
            "packages": package_rows(result)}
