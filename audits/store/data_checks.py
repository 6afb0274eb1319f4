"""Data-check results per register item, and the question the proposals ask: which items
are blocked because their data file holds personal data that nobody has reviewed yet.

    from audits.store.data_checks import blocked_items
    blocked = blocked_items(session, campaign_id)      # {"trans:trans-001": "персональні дані: phone 3, ..."}
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from ..item_keys import item_key, split_item_key  # noqa: F401  (re-exported for callers)
from .models import DataCheck


def record_check(session, campaign_id: int, key: str, result: dict, checked_at: datetime) -> DataCheck:
    """Store (or refresh) the result of :func:`audits.data.check.check_file` for an item.
    Idempotent on (campaign, item, file sha256): a rerun on the same file keeps its review."""
    row = session.scalar(select(DataCheck).where(DataCheck.campaign_id == campaign_id, DataCheck.item_key == key,
                                                 DataCheck.sha256 == result["sha256"]))
    if row is None:
        row = DataCheck(campaign_id=campaign_id, item_key=key, sha256=result["sha256"],
                        review="pending" if result["privacy_hits"] else "not-needed")
        session.add(row)
    row.source, row.checked_at, row.schema_name = result["source"], checked_at, result.get("schema")
    row.rows, row.valid = result["rows"], result.get("valid")
    row.errors, row.warnings = result["errors"], result["warnings"]
    row.expectations_share, row.privacy_hits = result.get("expectations_share"), result["privacy_hits"]
    row.privacy_kinds, row.findings = result["privacy_kinds"], result["findings"]
    session.flush()
    return row


def latest_checks(session, campaign_id: int) -> dict[str, DataCheck]:
    rows = session.scalars(select(DataCheck).where(DataCheck.campaign_id == campaign_id)
                           .order_by(DataCheck.checked_at, DataCheck.id)).all()
    return {r.item_key: r for r in rows}          # the last one of each item wins


def blocked_items(session, campaign_id: int) -> dict[str, str]:
    """Items whose latest data file has personal-data hits not yet cleared by a reviewer:
    ``{item_key: reason in Ukrainian}``. Proposals must leave these out until reviewed."""
    out = {}
    for key, check in latest_checks(session, campaign_id).items():
        if check.privacy_hits and check.review in ("pending", "confirmed"):
            kinds = ", ".join(f"{k} {v}" for k, v in sorted(check.privacy_kinds.items()))
            state = "не перевірено" if check.review == "pending" else "підтверджено, потрібне знеособлення"
            out[key] = (f"у файлі даних «{Path(check.source).name}» знайдено схоже на персональні дані "
                        f"({kinds}); {state}")
    return out


def mark_reviewed(session, campaign_id: int, key: str, reviewer: str, cleared: bool, at: datetime,
                  note: str | None = None) -> DataCheck:
    """A person looked at the hits: ``cleared`` (not personal / lawfully public) unblocks the item;
    otherwise it stays blocked as ``confirmed`` until a depersonalised file is checked."""
    check = latest_checks(session, campaign_id).get(key)
    if check is None:
        raise KeyError(f"no data check for {key}")
    check.review, check.reviewed_by, check.reviewed_at, check.review_note = (
        "cleared" if cleared else "confirmed", reviewer, at, note)
    session.flush()
    return check


def previous_rows(session, campaign_id: int) -> dict[str, int]:
    """Rows of each item's latest checked file: the floor of the row-count expectation next time."""
    return {k: c.rows for k, c in latest_checks(session, campaign_id).items()}


def expectation_shares(session, campaign_id: int) -> dict[str, float]:
    """Share of expectations met per item, for the ``data_checks`` quality indicator."""
    return {k: c.expectations_share for k, c in latest_checks(session, campaign_id).items()
            if c.expectations_share is not None}
