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

    def to_dict(self) -> dict:
        return {"number": self.number, "item_id": self.item_id, "title": self.title,
                "department": self.department, "department_name": self.department_name,
                "responsible": self.responsible, "deadline": self.deadline.isoformat(),
                "update_frequency": self.update_frequency, "status": self.status,
                "status_label": STATUS_LABELS[self.status],
                "published_on": self.published_on.isoformat() if self.published_on else None,
                "package_url": self.package_url}


def plan_items(campaign, register: list[dict], decisions: list[dict], snapshot=None) -> list[PlanItem]:
    """``campaign``: a CampaignRecord; ``register``: its register rows; ``decisions``: the decisions
    in force (audits.store.proposals.decisions_of); ``snapshot``: the portal packages compared
    (an object with ``packages``, ``source`` and ``as_of``), None when there is none."""
    approved = sorted((d for d in decisions if d["decision"] == APPROVE),
                      key=lambda d: (d["deadline"], d["department"], d["item_id"]))
    names = {d.code: d.name for d in campaign.departments}
    register = {(r["department_code"], r.get("id")): r for r in register}
    published = _published(snapshot, approved, register) if snapshot is not None else {}
    items = []
    for number, d in enumerate(approved, 1):
        row = register.get((d["department"], d["item_id"]), {})
        items.append(PlanItem(number, d["item_id"], d["title"], d["department"],
                              names.get(d["department"], d["department"]), d["responsible"], d["deadline"],
                              row.get("update_frequency") or d["data"].get("update_frequency"),
                              *_status(d["deadline"], published.get(number - 1), published.get("as_of"))))
    return items


def _published(snapshot, approved: list[dict], register: dict) -> dict:
    """Index in ``approved`` → (first publication date, package url), plus the snapshot's as_of."""
    rows = [{"department_code": d["department"], "row": i, "title": d["title"],
             "portal_url": register.get((d["department"], d["item_id"]), {}).get("portal_url")}
            for i, d in enumerate(approved)]
    by_id = {str(p.get("id") or p.get("name")): p for p in snapshot.packages}
    found = {"as_of": snapshot.as_of}
    for link in link_register(rows, PortalIndex.of(snapshot.packages)):
        p = by_id[link.package_id]
        found[link.row] = (parse_date(p.get("metadata_created")), package_url(p, snapshot.source))
    return found


def _status(deadline: date, found, as_of: date | None) -> tuple:
    """``as_of``: the date of the snapshot compared (None: no snapshot, nothing is known)."""
    if as_of is None:
        return ("unknown", None, None)
    if found:
        published_on, url = found
        on_time = published_on is not None and published_on <= deadline
        return ("published-on-time" if on_time else "published-late", published_on, url)
    return ("overdue" if as_of and as_of > deadline else "pending", None, None)
