"""Quality scores of what the register holds: the latest campaign's items (as of the campaign
date) and the packages of the latest portal snapshot (as of the snapshot date)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .inventory_facts import inventory_facts
from .score import QualityScore, score_many


@dataclass
class StoredQuality:
    campaign: str | None
    as_of: date | None
    snapshot_id: int | None
    snapshot_as_of: date | None
    scores: list[QualityScore] = field(default_factory=list)


def inventory_scores(register: list[dict], as_of: date,
                     data_checks: dict[str, float] | None = None) -> list[QualityScore]:
    """``data_checks``: share of expectations met by an item's data file, by "<department>:<id>"
    (audits.data.store.expectation_shares); items without one are scored as before."""
    facts = [inventory_facts(r) for r in register]
    if data_checks:
        from dataclasses import replace

        from ..data.store import item_key

        facts = [replace(f, data_checks=data_checks.get(item_key(r["department_code"], r.get("id"))))
                 for f, r in zip(facts, register)]
    return score_many(facts, as_of)


def snapshot_scores(packages, as_of: date) -> list[QualityScore]:
    """Stored PortalPackage rows, re-scored from the raw package exactly as the monitor did."""
    from ..portal.package import package_facts

    return score_many([package_facts(p.raw, p.department) for p in packages], as_of)


def load_quality(session, today: date, campaign_slug: str | None = None,
                 organization: str | None = None) -> StoredQuality:
    """``today`` is the audit date of a campaign that declares none (passed in, never read here)."""
    from ..campaign.status import register_rows
    from ..store.portal import latest_snapshot, snapshot_packages
    from ..store.repository import get_campaign

    campaign = get_campaign(session, campaign_slug)
    snapshot = latest_snapshot(session, organization)
    result = StoredQuality(campaign.slug if campaign else None, (campaign.as_of or today) if campaign else None,
                           snapshot.id if snapshot else None, snapshot.as_of if snapshot else None)
    if campaign is not None:
        from ..data.store import expectation_shares

        result.scores += inventory_scores(register_rows(session, campaign), campaign.as_of or today,
                                          expectation_shares(session, campaign.id))
    if snapshot is not None:
        result.scores += snapshot_scores(snapshot_packages(session, snapshot), snapshot.as_of)
    return result
