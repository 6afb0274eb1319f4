"""Where a campaign stands, from its submissions: per department missing / invalid / accepted,
and the city-wide register (latest accepted submission of each department). Plain data in,
plain data out: the records come from a run or from the store (audits.store.records)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..catalogue.catalogue import by_id
from ..catalogue.coverage import coverage, totals as coverage_totals
from ..inventory.schema import load_schema
from ..item_keys import REGISTER_KEYS
from ..store.records import CampaignRecord, DepartmentRecord, SubmissionRecord

MISSING, INVALID, ACCEPTED = "missing", "invalid", "accepted"


@dataclass
class DepartmentStatus:
    code: str
    name: str
    status: str
    file: str | None = None
    sha256: str | None = None
    submitted_at: str | None = None
    items: int = 0
    errors: int = 0
    warnings: int = 0
    register_items: int = 0        # items in the register (from the latest accepted file)
    register_file: str | None = None
    mandatory: list[dict] = field(default_factory=list)   # expected Resolution 835 items and their state


@dataclass
class CampaignStatus:
    slug: str
    name: str
    year: int | None
    deadline: str | None
    as_of: str | None
    departments: list[DepartmentStatus]
    unassigned: list[dict] = field(default_factory=list)
    coverage: dict = field(default_factory=dict)

    @property
    def totals(self) -> dict:
        depts = self.departments
        count = lambda s: sum(d.status == s for d in depts)  # noqa: E731
        return {"departments": len(depts), ACCEPTED: count(ACCEPTED), INVALID: count(INVALID),
                MISSING: count(MISSING), "items": sum(d.items for d in depts),
                "errors": sum(d.errors for d in depts) + sum(u["errors"] for u in self.unassigned),
                "warnings": sum(d.warnings for d in depts) + sum(u["warnings"] for u in self.unassigned),
                "register_items": sum(d.register_items for d in depts),
                "unassigned_files": len(self.unassigned)}

    def to_dict(self) -> dict:
        return {"campaign": {"slug": self.slug, "name": self.name, "year": self.year,
                             "deadline": self.deadline, "as_of": self.as_of},
                "totals": self.totals, "coverage": self.coverage,
                "departments": [asdict(d) for d in self.departments], "unassigned_files": self.unassigned}


def campaign_status(campaign: CampaignRecord, subs: list[SubmissionRecord], counts: dict, links,
                    portal=None, current_links=()) -> CampaignStatus:
    """``counts``: (submission id, severity) → findings, cross-department ones included;
    ``portal``: PortalFacts of a snapshot, when publication is to be confirmed by the portal;
    ``current_links``: links of each department's current file, errors or not (what it declares)."""
    departments = []
    for dept in campaign.departments:
        status = _department_status(dept, [s for s in subs if s.department == dept.code], counts)
        status.mandatory = _mandatory(dept, links, current_links)
        departments.append(status)
    unassigned = [{"file": s.filename, "sha256": s.sha256, "errors": counts.get((s.id, "error"), 0),
                   "warnings": counts.get((s.id, "warning"), 0)}
                  for s in subs if s.department is None and s.is_current]
    return CampaignStatus(campaign.slug, campaign.name, campaign.year, _iso(campaign.deadline),
                          _iso(campaign.as_of), departments, unassigned, coverage_totals(coverage(links, portal)))


def _mandatory(dept: DepartmentRecord, links, current_links=()) -> list[dict]:
    """The Resolution 835 items this body is expected to hold: declared (in its register, or in
    its current file even when that file still has errors)? published (by its register)?"""
    own = [link for link in links if link.department == dept.code]
    listed = own + [link for link in current_links if link.department == dept.code]
    return [{"id": item_id, "title": by_id(item_id).title,
             "declared": any(link.catalogue_id == item_id for link in listed),
             "published": any(link.catalogue_id == item_id and link.published for link in own)}
            for item_id in dept.mandatory or []]


def _department_status(dept: DepartmentRecord, own: list[SubmissionRecord], counts: dict) -> DepartmentStatus:
    current = next((s for s in reversed(own) if s.is_current), None)
    accepted = latest_accepted(own)
    status = DepartmentStatus(dept.code, dept.name, MISSING)
    if accepted:
        status.register_items, status.register_file = accepted.rows, accepted.filename
    if current is None:
        return status
    status.file, status.sha256 = current.filename, current.sha256
    status.submitted_at = current.received_at.isoformat(timespec="seconds")
    status.items = current.rows
    status.errors = counts.get((current.id, "error"), 0)
    status.warnings = counts.get((current.id, "warning"), 0)
    status.status = INVALID if status.errors else ACCEPTED
    return status


def latest_accepted(own: list[SubmissionRecord]) -> SubmissionRecord | None:
    """The newest file without errors of one department (the register's source).
    A current file is preferred, so that going back to an older file is respected."""
    valid = [s for s in own if s.valid]
    current = [s for s in valid if s.is_current]
    return (current or valid or [None])[-1]


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def current_rows(campaign: CampaignRecord, subs: list[SubmissionRecord]) -> list[dict]:
    """The rows of each department's current file that is not its register's source (a file
    with errors): what the department declares now, for the items it is expected to hold."""
    rows = []
    for dept in campaign.departments:
        own = [s for s in subs if s.department == dept.code]
        current = next((s for s in reversed(own) if s.is_current), None)
        if current is None or current is latest_accepted(own):
            continue
        rows += [{"department_code": dept.code, "row": item["row"], "title": item.get("title"),
                  "catalogue_ref": item.get("catalogue_ref")} for item in current.items or []]
    return rows


def register_columns() -> list[str]:
    """register.csv's columns: where the item is, then the inventory schema's fields."""
    return [*REGISTER_KEYS, *load_schema().names]


def register_of(campaign: CampaignRecord, subs: list[SubmissionRecord]) -> list[dict]:
    """The city-wide register: items of each department's latest accepted submission.

    A register row is the submission's item itself with where it is from set on it, not a copy:
    a campaign of 120,000 items keeps them once (the store does not keep those keys as data)."""
    names = load_schema().names
    rows = []
    for dept in campaign.departments:
        accepted = latest_accepted([s for s in subs if s.department == dept.code])
        for item in (accepted.items or []) if accepted else []:
            item.update(department_code=dept.code, department_name=dept.name, file=accepted.filename)
            for name in names:
                item.setdefault(name, None)
            rows.append(item)
    return rows
