"""Demand signals, proposal exports and decisions in the register."""
from __future__ import annotations

import hashlib
import json
from datetime import date, datetime

from sqlalchemy import delete, insert, select

from .models import Campaign, Decision, DemandFile, DemandSignal, ProposalExport, ProposalRow
from .records import ExportRow
from .repository import get_campaign

BATCH = 2000


def replace_demand(session, campaign: Campaign, files, matches) -> None:
    """The demand of this run replaces the previous one (files are re-read at every run)."""
    for model in (DemandSignal, DemandFile):
        session.execute(delete(model).where(model.campaign_id == campaign.id))
    for f in files:
        session.add(DemandFile(campaign_id=campaign.id, kind=f.kind, file=f.file, sha256=f.sha256,
                               signals=len(f.signals), errors=f.errors, findings=[x.to_dict() for x in f.findings]))
    for m in matches:
        s = m.signal
        session.add(DemandSignal(campaign_id=campaign.id, kind=s.kind, signal_id=s.signal_id,
                                 file=s.file, row=s.row, text=s.text, weight=s.weight,
                                 date=s.date, requester=s.requester, named_department=s.department,
                                 department=m.department, item_row=m.row, item_id=m.item_id, score=m.score))


def demand_files(session, campaign: Campaign) -> list[DemandFile]:
    return list(session.scalars(select(DemandFile).where(DemandFile.campaign_id == campaign.id)
                                .order_by(DemandFile.kind, DemandFile.file)))


def demand_signals(session, campaign: Campaign) -> list[DemandSignal]:
    return list(session.scalars(select(DemandSignal).where(DemandSignal.campaign_id == campaign.id)
                                .order_by(DemandSignal.kind, DemandSignal.row)))


def rows_fingerprint(rows: list[dict]) -> str:
    return hashlib.sha256(json.dumps([r["fingerprint"] for r in rows]).encode()).hexdigest()


def save_export(session, campaign: Campaign, rows: list[dict], weights: dict, created_at: datetime,
                as_of: date | None) -> ProposalExport:
    """``rows``: Proposal.to_dict() in sheet order. The same ranking as the latest is not stored twice."""
    fingerprint = rows_fingerprint(rows)
    latest = latest_export(session, campaign)
    if latest is not None and latest.fingerprint == fingerprint and latest.weights == weights:
        return latest
    export = ProposalExport(campaign_id=campaign.id, created_at=created_at, as_of=as_of,
                            fingerprint=fingerprint, weights=weights)
    session.add(export)
    session.flush()
    values = [{"export_id": export.id, "position": position, "kind": r["kind"], "rank": r["rank"],
               "item_id": r["item_id"], "department": r["department"], "title": r["title"], "score": r["score"],
               "fingerprint": r["fingerprint"], "data": r} for position, r in enumerate(rows, 1)]
    for start in range(0, len(values), BATCH):      # bulk: one statement per batch, not per row
        session.execute(insert(ProposalRow), values[start:start + BATCH])
    return export


def latest_export(session, campaign: Campaign) -> ProposalExport | None:
    return session.scalars(select(ProposalExport).where(ProposalExport.campaign_id == campaign.id)
                           .order_by(ProposalExport.id.desc()).limit(1)).first()


def get_export(session, export_id: int) -> ProposalExport | None:
    return session.get(ProposalExport, export_id)


def current_decisions(session, campaign: Campaign) -> dict[tuple[str, str], Decision]:
    """(department, item id) → the decision in force (not superseded)."""
    query = select(Decision).where(Decision.campaign_id == campaign.id, Decision.superseded_by.is_(None))
    return {(d.department, d.item_id): d for d in session.scalars(query)}


def decision_history(session, campaign: Campaign) -> list[Decision]:
    return list(session.scalars(select(Decision).where(Decision.campaign_id == campaign.id)
                                .order_by(Decision.department, Decision.item_id, Decision.id)))


def record_decision(session, previous: Decision | None, decision: Decision) -> Decision:
    """Add a decision; ``previous``, the one in force for the same item, is superseded by it (and kept)."""
    session.add(decision)
    session.flush()
    if previous is not None:
        previous.superseded_by = decision.id
    return decision


def export_record(session, export_id, slug: str | None) -> dict | None:
    """{"id", "as_of", "rows": position → ExportRow} of the export, if it belongs to the campaign ``slug``."""
    export = get_export(session, export_id) if isinstance(export_id, int) else None
    campaign = get_campaign(session, slug) if slug else None
    if export is None or campaign is None or export.campaign_id != campaign.id:
        return None
    return {"id": export.id, "as_of": export.as_of,
            "rows": {r.position: ExportRow(r.data, r.title, r.department, r.item_id, r.fingerprint)
                     for r in export.rows}}


def record_decisions(session, slug: str, export_id: int, decisions: list[dict], *, by: str | None,
                     recorded_at: datetime, source_file: str, source_sha256: str) -> int:
    """Add each decision; the one in force for the same item is superseded (and kept)."""
    campaign = get_campaign(session, slug)
    in_force = current_decisions(session, campaign)
    for d in decisions:
        record_decision(session, in_force.get((d["department"], d["item_id"])), Decision(
            campaign_id=campaign.id, export_id=export_id, department=d["department"], item_id=d["item_id"],
            title=d["title"], decision=d["decision"], comment=d["comment"], responsible=d["responsible"],
            deadline=d["deadline"], decided_by=by, recorded_at=recorded_at, source_file=source_file,
            source_sha256=source_sha256, data=d["exported"]))
    return len(decisions)


def decisions_of(session, slug: str) -> list[dict]:
    """The decisions in force of the campaign, as plain values (deadline a date)."""
    return [{"department": d.department, "item_id": d.item_id, "title": d.title, "decision": d.decision,
             "comment": d.comment, "responsible": d.responsible, "deadline": d.deadline, "data": d.data or {}}
            for d in current_decisions(session, get_campaign(session, slug)).values()]
