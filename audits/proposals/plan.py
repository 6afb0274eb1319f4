"""The publication plan: the datasets the working group approved (the decision in force for
each), as the annex to the mayor's order, and, from the latest monitor snapshot, whether
each was published on time."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..portal.join import PortalIndex, link_register
from ..portal.monitor import package_url
from ..portal.package import parse_date
from .sheet import APPROVE

STATUS_LABELS = {"published-on-time": "оприлюднено вчасно", "published-late": "оприлюднено із запізненням",
                 "pending": "очікується", "overdue": "термін минув, не оприлюднено",
                 "unknown": "немає знімка порталу"}
NOT_LINKED = "на порталі немає пакета, пов'язаного з цим набором"
EVIDENCE = {"link": "посилання, яке вказав орган", "title": "збіг назви, бал {score:g}"}


@dataclass(frozen=True)
class Found:
    """The package linked to a plan item, and how it was linked."""
    published_on: date | None
    url: str | None
    package_id: str
    package_title: str
    method: str          # 'link' (the department's portal link) or 'title' (a confident title match)
    score: float

    @property
    def evidence(self) -> str:
        return f"пакет «{self.package_title}» ({EVIDENCE[self.method].format(score=self.score)})"

    def to_dict(self) -> dict:
        return {"id": self.package_id, "title": self.package_title, "url": self.url, "method": self.method,
                "score": self.score}


@dataclass(frozen=True)
class PlanItem:
    number: int
    item_id: str
    title: str
    department: str
    department_name: str
    responsible: str | None
    deadline: date
    update_frequency: str | None
    status: str
    published_on: date | None = None
    package_url: str | None = None
    package: Found | None = None         # the package linked to the item, with the evidence

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def evidence(self) -> str:
        """Which package, and why it is this item's; or that none is (with a snapshot)."""
        if self.package:
            return self.package.evidence
        return NOT_LINKED if self.status in ("pending", "overdue") else ""

    def to_dict(self) -> dict:
        return {"number": self.number, "item_id": self.item_id, "title": self.title,
                "department": self.department, "department_name": self.department_name,
                "responsible": self.responsible, "deadline": self.deadline.isoformat(),
                "update_frequency": self.update_frequency, "status": self.status,
                "status_label": self.status_label,
                "published_on": self.published_on.isoformat() if self.published_on else None,
                "package_url": self.package_url, "package": self.package.to_dict() if self.package else None,
                "evidence": self.evidence}


def plan_items(campaign, register: list[dict], decisions: list[dict], snapshot=None) -> list[PlanItem]:
    """``campaign``: a CampaignRecord; ``register``: its register rows; ``decisions``: the decisions
    in force (audits.store.proposals.decisions_of); ``snapshot``: the portal packages compared
    (an object with ``packages``, ``source`` and ``as_of``), None when there is none."""
    approved = sorted((d for d in decisions if d["decision"] == APPROVE),
                      key=lambda d: (d["deadline"], d["department"], d["item_id"]))
    names = {d.code: d.name for d in campaign.departments}
    by_item = {(r["department_code"], r.get("id")): r for r in register}
    published = _published(snapshot, approved, register) if snapshot is not None else {}
    as_of = snapshot.as_of if snapshot is not None else None
    items = []
    for number, d in enumerate(approved, 1):
        row = by_item.get((d["department"], d["item_id"]), {})
        items.append(PlanItem(number, d["item_id"], d["title"], d["department"],
                              names.get(d["department"], d["department"]), d["responsible"], d["deadline"],
                              row.get("update_frequency") or d["data"].get("update_frequency"),
                              *_status(d["deadline"], published.get(number - 1), as_of)))
    return items


def _published(snapshot, approved: list[dict], register: list[dict]) -> dict[int, Found]:
    """Index in ``approved`` → the package linked to that item. The whole register is linked at
    once, so a package another register item declared or matches better is not this item's."""
    rows = [{"department_code": r["department_code"], "row": r["row"], "title": r.get("title"),
             "portal_url": r.get("portal_url")} for r in register]
    at = {(r["department_code"], r.get("id")): (r["department_code"], r["row"]) for r in register}
    wanted = {}
    for i, d in enumerate(approved):
        key = at.get((d["department"], d["item_id"]))
        if key is None:                          # no longer in the register: linked by its title
            key = (d["department"], -1 - i)
            rows.append({"department_code": d["department"], "row": key[1], "title": d["title"], "portal_url": None})
        wanted[key] = i
    by_id = {str(p.get("id") or p.get("name")): p for p in snapshot.packages}
    found = {}
    for link in link_register(rows, PortalIndex.of(snapshot.packages)):
        i = wanted.get((link.department, link.row))
        if i is not None:
            p = by_id[link.package_id]
            found[i] = Found(parse_date(p.get("metadata_created")), package_url(p, snapshot.source),
                             link.package_id, p.get("title") or p.get("name") or link.package_id,
                             link.method, link.score)
    return found


def _status(deadline: date, found: Found | None, as_of: date | None) -> tuple:
    """``as_of``: the date of the snapshot compared (None: no snapshot, nothing is known)."""
    if as_of is None:
        return ("unknown", None, None, None)
    if found:
        on_time = found.published_on is not None and found.published_on <= deadline
        return ("published-on-time" if on_time else "published-late", found.published_on, found.url, found)
    return ("overdue" if as_of > deadline else "pending", None, None, None)
