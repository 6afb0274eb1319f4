"""One monitor run as plain functions: read packages (live or from a saved response) →
join them to the register and the catalogue → score them → summarise → store a snapshot."""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field, replace
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
from .offline import Snapshot, load_snapshot
from .package import last_update, package_facts, parse_date


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
    declared: int | None = None          # how many packages the portal said it has (a search answer's count)
    warnings: list[Finding] = field(default_factory=list)      # about the snapshot itself, not a package

    @property
    def partial(self) -> bool:
        """The portal has more packages than were scored (the count, or the file's own warning)."""
        return (self.declared is not None and self.declared > len(self.packages)) or \
            any(w.code == "snapshot-partial" for w in self.warnings)

    @cached_property
    def fingerprint(self) -> str:
        return fingerprint(self.packages)

    @cached_property
    def summary(self) -> dict:
        return {"organization": self.organization, "source": self.source, "as_of": self.as_of.isoformat(),
                "packages": len(self.packages), **summarize(self.scores),
                "departments": by_department(self.scores), "catalogue_items": len(set(self.catalogue.values())),
                "not_on_portal": len(self.not_on_portal), "config": str(load_quality_config().path.name),
                "partial": self.partial, "declared_packages": self.declared,
                "changed_after_as_of": sum(f.code == "changed-after-audit-date" for f in self.warnings),
                "warnings": [f.message for f in self.warnings]}


def fingerprint(packages: list[dict]) -> str:
    """Same packages, same fingerprint: a campaign rerun does not store the same snapshot twice."""
    return hashlib.sha256(json.dumps(packages, sort_keys=True, ensure_ascii=False, default=str)
                          .encode("utf-8")).hexdigest()


def read_live(organization: str, base_url: str = DEFAULT_BASE_URL, **client_options) -> tuple[list[dict], str]:
    with PortalClient(base_url, **client_options) as client:
        return client.organization_packages(organization), base_url


def read_file(path: Path) -> tuple[list[dict], str]:
    return load_snapshot(path).packages, str(path)


def read_snapshot(path: Path) -> tuple[Snapshot, str]:
    return load_snapshot(path), str(path)


NO_ORGANIZATION = "—"


def org_key(package: dict) -> str:
    """The organisation a package belongs to: its portal name (else title, else id), or "—"."""
    org = package.get("organization")
    if isinstance(org, dict):
        for k in ("name", "title", "id"):
            if isinstance(org.get(k), str) and org[k].strip():
                return org[k].strip()[:200]
    elif isinstance(org, str) and org.strip():
        return org.strip()[:200]
    return NO_ORGANIZATION


def org_aliases(package: dict) -> set[str]:
    """Every spelling ``--org`` may use for the package's organisation (name, id, title), folded."""
    org = package.get("organization")
    names = {org_key(package)}
    if isinstance(org, dict):
        names |= {str(org[k]).strip() for k in ("name", "id", "title") if isinstance(org.get(k), str)}
    names |= {str(package[k]).strip() for k in ("owner_org",) if isinstance(package.get(k), str)}
    return {n.casefold() for n in names if n}


def by_organization(packages: list[dict]) -> dict[str, list[dict]]:
    """The packages of each organisation, in the order they first appear."""
    groups: dict[str, list[dict]] = {}
    for p in packages:
        groups.setdefault(org_key(p), []).append(p)
    return groups


def of_organization(packages: list[dict], org: str) -> list[dict]:
    """The packages whose organisation ``org`` names (portal name, id or title, case-insensitive)."""
    wanted = org.strip().casefold()
    return [p for p in packages if wanted in org_aliases(p)]


def snapshot_warnings(snapshot: Snapshot, source: str, groups: dict[str, list[dict]]) -> list[Finding]:
    """What the file itself says about the figures: partial, several organisations."""
    file = Path(source).name
    found = []
    if snapshot.partial:
        found.append(Finding.of("snapshot-partial", dict(file=file, declared=snapshot.declared,
                                                         held=len(snapshot.packages)), file=file))
    if snapshot.unreadable:
        names = ", ".join(snapshot.unreadable[:10]) + (" …" if len(snapshot.unreadable) > 10 else "")
        found.append(Finding.of("snapshot-unreadable-package",
                                dict(file=file, count=len(snapshot.unreadable), package=names), file=file))
    if len(groups) > 1:
        shown = ", ".join(f"{name} ({len(group)})" for name, group in list(groups.items())[:20])
        more = f" та ще {len(groups) - 20}" if len(groups) > 20 else ""
        found.append(Finding.of("snapshot-mixed-organizations",
                                dict(file=file, count=len(groups), organizations=shown + more), file=file))
    return found


def organization_of(packages: list[dict]) -> str | None:
    """The organisation most packages belong to (its portal name)."""
    names = Counter(org_key(p) for p in packages)
    names.pop(NO_ORGANIZATION, None)
    return names.most_common(1)[0][0] if names else None


def assess(packages: list[dict], as_of: date, source: str, organization: str | None = None,  # noqa: PLR0913
           register: list[dict] | None = None, *, declared: int | None = None,
           warnings: list[Finding] | None = None) -> MonitorResult:
    """Score every package as of ``as_of``; with a register, give each its owner department and
    list the register rows called published that the portal does not have. ``declared``: the
    package count the portal gave (a partial snapshot holds fewer); ``warnings``: the snapshot's
    own (partial, several organisations); a package changed after ``as_of`` adds one."""
    index = PortalIndex.of(packages)
    links = link_register(register or [], index)
    owners = {link.package_id: link.department for link in links}
    scores = [score_dataset(facts_as_of(p, owners.get(_pid(p)), as_of), as_of) for p in packages]
    warnings = list(warnings or [])
    partial = (declared is not None and declared > len(packages)) or any(w.code == "snapshot-partial" for w in warnings)
    # a partial snapshot cannot say a register item is absent: it may be on a page not saved
    missing = [] if partial else not_on_portal(register or [], links, as_of)
    later = [f for f in (changed_after(p, as_of) for p in packages) if f]
    return MonitorResult(source, organization or organization_of(packages), as_of, packages, scores,
                         catalogue_links(packages), missing, links, declared, warnings + later)


def facts_as_of(package: dict, owner: str | None, as_of: date):
    """The package's facts as they stood on ``as_of``: a last change after it is not an update
    the audit date can count (its timeliness is unknown, not "0 days since the update")."""
    facts = package_facts(package, owner)
    if facts.last_update and facts.last_update > as_of:
        return replace(facts, last_update=None)
    return facts


def changed_after(package: dict, as_of: date) -> Finding | None:
    """A warning naming the package and its change dates later than ``as_of``, or None."""
    dates = [("метадані", parse_date(package.get("metadata_modified")))]
    dates += [(f"ресурс «{str(r.get('name') or r.get('id') or i + 1)[:80]}»", parse_date(r.get("last_modified")))
              for i, r in enumerate(package.get("resources") or []) if isinstance(r, dict)]
    later = [(what, d) for what, d in dates if d and d > as_of]
    if not later:
        return None
    shown = "; ".join(f"{what} — {d:%d.%m.%Y}" for what, d in later[:5]) + (" …" if len(later) > 5 else "")
    title = str(package.get("title") or package.get("name") or "")[:200]
    params = dict(title=title, package=_pid(package)[:100], as_of=as_of.strftime("%d.%m.%Y"), dates=shown)
    latest = max(d for _, d in later).isoformat()
    return Finding.of("changed-after-audit-date", params, field="last_update", value=latest)


def snapshot_scores(packages: list[tuple[dict, str | None]], as_of: date) -> list[QualityScore]:
    """Stored packages (raw package, owner department), re-scored exactly as the monitor did."""
    from ..quality.score import score_many

    return score_many([facts_as_of(raw, owner, as_of) for raw, owner in packages], as_of)


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
             "last_update": last_update(p), "timeliness": s.timeliness.state,
             "days_since_update": s.timeliness.days_since_update, "days_overdue": s.timeliness.days_overdue,
             "score": s.percent, "band": s.band, "department": s.facts.department,
             "catalogue_id": result.catalogue.get(s.facts.key),
             "indicators": [i.to_dict() for i in s.indicators], "raw": p}
            for p, s in zip(result.packages, result.scores)]


def to_json(result: MonitorResult) -> dict:
    """The CLI contract of ``odaudit monitor --json``."""
    packages = []
    for p, s in zip(result.packages, result.scores):
        changed = last_update(p)
        packages.append({"id": s.facts.key, "title": s.facts.title, "organization": s.facts.organization,
                         "update_frequency": s.facts.update_frequency,
                         "last_update": changed.isoformat() if changed else None,
                         "changed_after_as_of": bool(changed and changed > result.as_of),
                         **s.timeliness.to_dict(), "score": s.percent, "band": s.band,
                         "department": s.facts.department})
    return {"packages": packages, "summary": result.summary,
            "not_on_portal": [f.to_dict() for f in result.not_on_portal],
            "warnings": [f.to_dict() for f in result.warnings]}


def trend(snapshots: list[dict]) -> list[dict]:
    """The trend table, oldest first, one row per distinct snapshot: the same packages as of the
    same date read again (the campaign's saved response, then a monitor run of the same file)
    are one snapshot, shown once, as its latest run scored it."""
    latest = {}
    for s in snapshots:
        latest[(s.get("fingerprint") or f"run-{s['id']}", s["as_of"])] = s
    return [trend_row(s) for s in sorted(latest.values(), key=lambda s: (s["taken_at"], s["id"]))]


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
