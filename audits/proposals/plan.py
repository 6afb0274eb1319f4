"""The publication plan: the datasets the working group approved (the decision in force for
each), as the annex to the mayor's order, and, from the latest monitor snapshot, whether
each was published on time."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..campaign.status import register_rows
from ..portal.join import PortalIndex, link_register
from ..portal.monitor import package_url
from ..portal.package import parse_date
from ..store.portal import latest_snapshot, snapshot_packages
from ..store.proposals import current_decisions
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


def plan_items(session, campaign) -> list[PlanItem]:
    approved = sorted((d for d in current_decisions(session, campaign).values() if d.decision == APPROVE),
                      key=lambda d: (d.deadline, d.department, d.item_id))
    names = {d.code: d.name for d in campaign.departments}
    register = {(r["department_code"], r.get("id")): r for r in register_rows(session, campaign)}
    published = _published(session, campaign, approved, register)
    items = []
    for number, d in enumerate(approved, 1):
        row = register.get((d.department, d.item_id), {})
        found = published.get(number - 1)
        items.append(PlanItem(number, d.item_id, d.title, d.department, names.get(d.department, d.department),
                              d.responsible, d.deadline, row.get("update_frequency") or d.data.get("update_frequency"),
                              *_status(d.deadline, found, published.get("as_of"))))
    return items


def _published(session, campaign, approved, register) -> dict:
    """Index in ``approved`` → (first publication date, package url), plus the snapshot's as_of."""
    snapshot = latest_snapshot(session, campaign.portal_organization) if campaign.portal_organization else None
    if snapshot is None:
        return {}
    packages = [p.raw for p in snapshot_packages(session, snapshot)]
    rows = [{"department_code": d.department, "row": i, "title": d.title,
             "portal_url": register.get((d.department, d.item_id), {}).get("portal_url")}
            for i, d in enumerate(approved)]
    by_id = {str(p.get("id") or p.get("name")): p for p in packages}
    found = {"as_of": snapshot.as_of}
    for link in link_register(rows, PortalIndex.of(packages)):
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


def plan_status(engine) -> list[dict]:
    """The plan of the newest campaign judged on the latest snapshot (empty without decisions):
    what a monitor run reports after storing its snapshot."""
    from ..store.db import transaction
    from ..store.repository import get_campaign

    with transaction(engine) as session:
        campaign = get_campaign(session)
        return [i.to_dict() for i in plan_items(session, campaign)] if campaign else []
