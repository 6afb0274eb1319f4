"""Rank, keep the ranking as an export (the sheet the working group gets carries its id) and
gather what the reports show beside it: unmatched demand, demand file problems, decisions."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ..store.db import transaction
from ..store.proposals import current_decisions, decision_history, demand_files, demand_signals, save_export
from ..store.repository import get_campaign
from .build import ranking_for
from .demand.kinds import KINDS


@dataclass
class ProposalReport:
    campaign: str
    campaign_name: str
    as_of: date
    export_id: int
    ranking: dict                                  # Ranking.to_dict()
    unmatched: list[dict] = field(default_factory=list)
    demand_files: list[dict] = field(default_factory=list)
    decisions: dict = field(default_factory=dict)  # "department/item id" → decision in force
    history: list[dict] = field(default_factory=list)  # every decision, superseded ones included


def export_proposals(engine, slug: str | None, as_of: date | None, created_at: datetime,
                     screened: dict | None = None) -> ProposalReport:
    with transaction(engine) as session:
        campaign = get_campaign(session, slug)
        if campaign is None:
            raise LookupError("no campaign in the database: run 'odaudit campaign run DIR' first")
        as_of = as_of or campaign.as_of or created_at.date()
        ranking = ranking_for(session, campaign, as_of, screened).to_dict()
        rows = ranking["compliance_gaps"] + ranking["proposals"]
        export = save_export(session, campaign, rows, ranking["weights"], created_at, as_of)
        return ProposalReport(campaign.slug, campaign.name, as_of, export.id, ranking,
                              _unmatched(demand_signals(session, campaign)),
                              [_file(f) for f in demand_files(session, campaign)],
                              {f"{d.department}/{d.item_id}": _decision(d)
                               for d in current_decisions(session, campaign).values()},
                              [_past(d) for d in decision_history(session, campaign)])


def _unmatched(signals) -> list[dict]:
    return [{"kind": s.kind, "kind_label": KINDS[s.kind].label, "signal_id": s.signal_id, "text": s.text,
             "weight": s.weight, "file": s.file, "row": s.row} for s in signals if s.item_row is None]


def _file(f) -> dict:
    return {"kind": f.kind, "kind_label": KINDS[f.kind].label, "file": f.file, "signals": f.signals,
            "errors": f.errors, "findings": f.findings}


def _past(d) -> dict:
    return {**_decision(d), "department": d.department, "item_id": d.item_id, "title": d.title,
            "in_force": d.superseded_by is None}


def _decision(d) -> dict:
    return {"decision": d.decision, "comment": d.comment, "responsible": d.responsible,
            "deadline": d.deadline.isoformat() if d.deadline else None,
            "recorded_at": d.recorded_at.isoformat(sep=" "), "decided_by": d.decided_by}
