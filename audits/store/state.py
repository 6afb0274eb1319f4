"""A campaign's stored state as plain records, read in one go, and a whole run written in one
transaction. The campaign layer (audits.campaign.result) turns the state into the register,
the status, the scores and the ranking; nothing here decides what a figure means."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from itertools import islice

from sqlalchemy import insert, select, update

from ..findings import FINDING_FIELDS, Finding
from ..item_keys import REGISTER_KEYS
from .data_checks import blocked_items, expectation_shares, split_item_key
from .models import Campaign, Department, FindingRow, InventoryItem, Submission
from .portal import latest_snapshot, save_snapshot, snapshot_packages
from .proposals import decision_history, demand_files, demand_signals, save_export
from .records import CampaignRecord, DepartmentRecord, StoredState, SubmissionRecord
from .repository import ITEM_COLUMNS, get_campaign

BATCH = 2000
DATE_COLUMNS = {"last_updated", "current_as_of"}
NOT_DATA = frozenset(REGISTER_KEYS)     # where a register row is from (the row number has its own column)


def read_state(session, slug: str | None = None, *, portal: bool = True,
               contents_except: set | None = None, items_except: set | frozenset = frozenset()) -> StoredState | None:
    """The named campaign (default: the newest) with every submission's metadata; the items,
    findings and bytes of each department's current and latest accepted file; decisions, data
    checks, demand and (``portal``) the latest snapshot of its portal organisation.
    ``contents_except``: None reads no file bytes (nothing to mark); else the bytes of every
    needed file but those (department, sha256) the caller already holds; ``items_except``: the
    files (department, sha256) whose items the caller has just read from the file itself (their
    ``items`` stay None, so a rerun does not hold every item twice)."""
    campaign = get_campaign(session, slug)
    if campaign is None:
        return None
    subs = submission_records(session, campaign)
    ids = needed(subs)
    fill(session, subs, ids, {s.id for s in subs if (s.department, s.sha256) in items_except})
    if contents_except is not None:
        fill_contents(session, subs, {s.id for s in subs if s.id in ids and s.is_current
                                      and (s.department, s.sha256) not in contents_except})
    state = StoredState(campaign_record(campaign), subs, stored_cross(session, campaign))
    history = decision_history(session, campaign)
    state.decisions = {f"{d.department}/{d.item_id}": decision_dict(d) for d in history if d.superseded_by is None}
    state.history = [{**decision_dict(d), "department": d.department, "item_id": d.item_id, "title": d.title,
                      "in_force": d.superseded_by is None} for d in history]
    state.data_check_shares = expectation_shares(session, campaign.id)
    state.screened = {split_item_key(k): reason for k, reason in blocked_items(session, campaign.id).items()}
    state.demand_files = [{"kind": f.kind, "file": f.file, "signals": f.signals, "errors": f.errors,
                           "findings": f.findings} for f in demand_files(session, campaign)]
    state.demand_matches = [_signal(s) for s in demand_signals(session, campaign)]
    if portal and campaign.portal_organization:
        state.snapshot = snapshot_of(session, campaign.portal_organization)
    return state


def campaign_record(campaign: Campaign) -> CampaignRecord:
    return CampaignRecord(campaign.slug, campaign.name, campaign.city, campaign.year, campaign.deadline,
                          campaign.as_of, campaign.portal_organization,
                          tuple(DepartmentRecord(d.code, d.name, d.contact_person, d.contact_email,
                                                 tuple(d.mandatory or ())) for d in campaign.departments))


def submission_records(session, campaign: Campaign) -> list[SubmissionRecord]:
    codes = {d.id: d.code for d in campaign.departments}
    query = (select(Submission.id, Submission.department_id, Submission.filename, Submission.sha256,
                    Submission.received_at, Submission.valid, Submission.is_current, Submission.rows,
                    Submission.sheet, Submission.errors, Submission.warnings)
             .where(Submission.campaign_id == campaign.id).order_by(Submission.received_at, Submission.id))
    return [SubmissionRecord(codes.get(r.department_id), r.filename, r.sha256, r.received_at, r.valid, r.is_current,
                             r.rows, r.sheet, r.errors, r.warnings, r.id) for r in session.execute(query)]


def needed(subs: list[SubmissionRecord]) -> set[int]:
    """Ids whose contents a result can use: every current file, the one received before it
    (what a resubmission fixed), and each department's latest accepted one (the register's
    source when its current file has errors)."""
    wanted = {s.id for s in subs if s.is_current}
    latest: dict[str | None, int] = {}
    previous: dict[str | None, int] = {}
    for s in subs:
        if s.department is None:
            continue
        if s.valid:
            latest[s.department] = s.id
        if s.is_current and s.department in previous:
            wanted.add(previous[s.department])
        previous[s.department] = s.id
    return wanted | set(latest.values())


def submission_history(session, slug: str | None = None,
                       department: str | None = None) -> tuple[CampaignRecord, list[SubmissionRecord]] | None:
    """The campaign and every file it received (of one ``department``, or all), in the order
    received, each with its file findings (no items, no bytes); None without the campaign."""
    campaign = get_campaign(session, slug)
    if campaign is None:
        return None
    subs = [s for s in submission_records(session, campaign) if department is None or s.department == department]
    by_id = {s.id: s for s in subs}
    for s in subs:
        s.findings = []
    if by_id:
        for row in session.scalars(select(FindingRow).where(FindingRow.submission_id.in_(by_id),
                                                            FindingRow.scope == "file").order_by(FindingRow.id)):
            by_id[row.submission_id].findings.append(as_finding(row))
    return campaign_record(campaign), subs


def fill(session, subs: list[SubmissionRecord], ids: set[int], no_items: set[int] = frozenset()) -> None:
    """Load items and file findings of the submissions ``ids`` (two queries); ``no_items``: ids
    whose items are not loaded (left None)."""
    by_id = {s.id: s for s in subs if s.id in ids}
    for s in by_id.values():
        s.items, s.findings = (None if s.id in no_items else []), []
    if not by_id:
        return
    wanted = [sid for sid in by_id if sid not in no_items]
    items = select(InventoryItem.submission_id, InventoryItem.row, InventoryItem.data).where(
        InventoryItem.submission_id.in_(wanted)).order_by(InventoryItem.submission_id, InventoryItem.row)
    for sid, row, data in session.execute(items) if wanted else ():
        item = data if isinstance(data, dict) else {}      # a fresh dict from the JSON column: kept as it is
        item["row"] = row
        by_id[sid].items.append(item)
    for row in session.scalars(select(FindingRow).where(FindingRow.submission_id.in_(by_id),
                                                        FindingRow.scope == "file").order_by(FindingRow.id)):
        by_id[row.submission_id].findings.append(as_finding(row))


def fill_contents(session, subs: list[SubmissionRecord], ids: set[int]) -> None:
    """The original bytes of the submissions ``ids`` (for the feedback copy of a file not sent again)."""
    by_id = {s.id: s for s in subs if s.id in ids}
    if by_id:
        for sid, content in session.execute(select(Submission.id, Submission.content)
                                            .where(Submission.id.in_(by_id))):
            by_id[sid].content = content


def as_finding(row: FindingRow) -> Finding:
    return Finding(**{k: getattr(row, k) for k in FINDING_FIELDS})


def stored_cross(session, campaign: Campaign) -> list[tuple[Finding, int | None]]:
    """The cross-department findings of the last run, each with the submission it is about."""
    rows = session.scalars(select(FindingRow).where(FindingRow.campaign_id == campaign.id,
                                                    FindingRow.scope == "campaign").order_by(FindingRow.id))
    return [(as_finding(r), r.submission_id) for r in rows]


def snapshot_of(session, organization: str | None) -> dict | None:
    snapshot = latest_snapshot(session, organization)
    if snapshot is None:
        return None
    packages = snapshot_packages(session, snapshot)
    return {"id": snapshot.id, "packages": [p.raw for p in packages], "owners": [p.department for p in packages],
            "source": snapshot.source, "organization": snapshot.organization, "as_of": snapshot.as_of}


def _signal(s) -> dict:
    return {"kind": s.kind, "signal_id": s.signal_id, "row": s.row, "text": s.text, "weight": s.weight,
            "date": s.date, "named_department": s.named_department, "requester": s.requester, "file": s.file,
            "department": s.department, "item_row": s.item_row, "item_id": s.item_id, "score": s.score}


def decision_dict(d) -> dict:
    return {"decision": d.decision, "comment": d.comment, "responsible": d.responsible,
            "deadline": d.deadline.isoformat() if d.deadline else None,
            "recorded_at": d.recorded_at.isoformat(sep=" "), "decided_by": d.decided_by}


# --- writing a run ---------------------------------------------------------------------------

def save_campaign(session, record: CampaignRecord) -> Campaign:
    """Create or update the campaign and its departments (unchanged values write nothing)."""
    campaign = session.scalar(select(Campaign).where(Campaign.slug == record.slug))
    if campaign is None:
        campaign = Campaign(slug=record.slug)
        session.add(campaign)
    for key in ("name", "city", "year", "deadline", "as_of", "portal_organization"):
        _set(campaign, key, getattr(record, key))
    known = {d.code: d for d in campaign.departments}
    for dept in record.departments:
        row = known.get(dept.code) or Department(code=dept.code, campaign=campaign)
        session.add(row)
        for key, value in (("name", dept.name), ("contact_person", dept.person), ("contact_email", dept.email),
                           ("mandatory", list(dept.mandatory))):
            _set(row, key, value)
    session.flush()
    return campaign


def _set(obj, key: str, value) -> None:
    if getattr(obj, key) != value:
        setattr(obj, key, value)


def save_submissions(session, campaign: Campaign, subs: list[SubmissionRecord]) -> None:
    """Insert the new submissions (``stored`` False) with their items and findings in bulk, and set
    every stored one's current flag as ``subs`` says."""
    departments = {d.code: d.id for d in campaign.departments}
    new = [s for s in subs if not s.stored]
    for s in new:
        s.id = session.execute(insert(Submission).returning(Submission.id),
                               [_submission(campaign, departments, s)]).scalar_one()
        s.stored = True
    _bulk(session, InventoryItem, (_item(s.id, item) for s in new for item in s.items or ()))
    _bulk(session, FindingRow, (_finding(f, campaign.id, s.id, "file") for s in new for f in s.findings or ()))
    current = [s.id for s in subs if s.is_current]
    session.execute(update(Submission).where(Submission.campaign_id == campaign.id)
                    .values(is_current=Submission.id.in_(current) if current else False))


def _submission(campaign: Campaign, departments: dict, s: SubmissionRecord) -> dict:
    return {"campaign_id": campaign.id, "department_id": departments.get(s.department), "filename": s.filename,
            "sha256": s.sha256, "size": len(s.content) if s.content else 0, "content": s.content,
            "received_at": s.received_at, "sheet": s.sheet, "rows": s.rows, "errors": s.errors,
            "warnings": s.warnings, "valid": s.valid, "is_current": s.is_current}


def _item(submission_id: int, item: dict) -> dict:
    """``item``: register values as JSON (dates as ISO text); the typed columns get dates back."""
    return {"submission_id": submission_id, "row": item["row"], "item_id": item.get("id"),
            "data": {k: v for k, v in item.items() if k not in NOT_DATA},
            **{k: _typed(k, item.get(k)) for k in ITEM_COLUMNS}}


def _typed(key: str, value):
    return date.fromisoformat(value) if key in DATE_COLUMNS and isinstance(value, str) else value


def _finding(f: Finding, campaign_id: int, submission_id: int | None, scope: str) -> dict:
    return {"campaign_id": campaign_id, "submission_id": submission_id, "scope": scope,
            **{k: getattr(f, k) for k in FINDING_FIELDS}}


def _bulk(session, model, rows: Iterable[dict]) -> None:
    """One INSERT per batch; the rows are made batch by batch, never all at once."""
    rows = iter(rows)
    while batch := list(islice(rows, BATCH)):
        session.execute(insert(model), batch)


def replace_cross(session, campaign: Campaign, found: list[tuple[Finding, int]]) -> None:
    """Cross-department findings are recomputed each run; stored rows change only if they differ."""
    stored = session.scalars(select(FindingRow).where(FindingRow.campaign_id == campaign.id,
                                                      FindingRow.scope == "campaign")).all()
    if sorted(_key(r, r.submission_id) for r in stored) == sorted(_key(f, sid) for f, sid in found):
        return
    for row in stored:
        session.delete(row)
    session.flush()
    _bulk(session, FindingRow, [_finding(f, campaign.id, sid, "campaign") for f, sid in found])


def _key(finding, submission_id) -> tuple:
    return (str(submission_id),) + tuple("" if getattr(finding, k) is None else str(getattr(finding, k))
                                         for k in FINDING_FIELDS)


def keep_snapshot(session, **snapshot) -> None:
    """Store the campaign's saved portal response as a snapshot, unless the newest one of the
    organisation is the same (same packages, same date)."""
    latest = latest_snapshot(session, snapshot["organization"])
    if latest is not None and latest.fingerprint == snapshot["fingerprint"] and latest.as_of == snapshot["as_of"]:
        return
    save_snapshot(session, **snapshot)


def save_ranking(session, slug: str, rows: list[dict], weights: dict, created_at, as_of) -> int:
    """Keep a ranking as an export of the campaign ``slug``; the id the working group's sheet carries."""
    return save_export(session, get_campaign(session, slug), rows, weights, created_at, as_of).id
