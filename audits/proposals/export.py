"""What the working group gets beside a ranking: the export id the sheet carries, unmatched
demand, demand file problems, and the decisions already made (plain data; built by
audits.campaign.outputs.proposal_report from the campaign's result)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


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
