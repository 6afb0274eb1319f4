"""The campaign's view of the portal: the latest snapshot of its organisation, joined afresh
to the current register (so owners and confirmations follow the newest inventories)."""
from __future__ import annotations

from .monitor import MonitorResult, assess


def current_portal(session, campaign, register: list[dict]) -> MonitorResult | None:
    from ..store.portal import latest_snapshot, snapshot_packages

    if campaign is None or not campaign.portal_organization:
        return None
    snapshot = latest_snapshot(session, campaign.portal_organization)
    if snapshot is None:
        return None
    return assess([p.raw for p in snapshot_packages(session, snapshot)], snapshot.as_of, snapshot.source,
                  snapshot.organization, register)
