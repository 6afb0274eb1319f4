"""One campaign as one result in memory, built once: the register, every finding, the status,
the coverage, the portal assessment, the quality scores and the ranking.

It is built from plain inputs, either of a run (this folder's inspections on top of what the
register already holds) or of the store alone (for `odaudit campaign status`, `quality`,
`proposals` … after a run). Every output renders from it; every figure comes from here.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from ..catalogue.coverage import CoverageEntry, Link, coverage, link_register
from ..findings import Finding
from ..portal.monitor import MonitorResult, assess, portal_facts
from ..proposals.build import ranking_of, stored_matches
from ..proposals.demand.kinds import KINDS
from ..proposals.demand.match import SignalMatch, match_signals
from ..proposals.rank import Ranking
from ..quality.collect import inventory_scores
from ..quality.score import QualityScore
from ..store.records import CampaignRecord, StoredState, SubmissionRecord
from .status import CampaignStatus, campaign_status, register_of

EXIT_OK, EXIT_FINDINGS = 0, 1


@dataclass(frozen=True)
class PortalInput:
    """The council's packages on the portal for this result: from the campaign's saved response
    (``stored`` False: kept as a snapshot with the run) or the latest stored snapshot."""
    packages: list
    source: str
    organization: str | None
    as_of: date
    stored: bool
    fingerprint: str | None = None


@dataclass
class Inputs:
    """Everything a result is built from, as plain data."""
    campaign: CampaignRecord
    as_of: date
    submissions: list[SubmissionRecord]
    cross: list[tuple[Finding, int | None]] = field(default_factory=list)   # (finding, submission id)
    portal: PortalInput | None = None
    demand: list | None = None          # DemandFile read in this run; None: the stored demand below
    stored_demand_files: list[dict] = field(default_factory=list)
    stored_matches: list[dict] = field(default_factory=list)
    decisions: dict = field(default_factory=dict)
    history: list[dict] = field(default_factory=list)
    data_check_shares: dict = field(default_factory=dict)
    screened: dict = field(default_factory=dict)


@dataclass
class CampaignResult:
    inputs: Inputs
    register: list[dict]
    links: list[Link]
    assessment: MonitorResult | None
    status: CampaignStatus
    coverage: list[CoverageEntry]
    inventory_scores: list[QualityScore]
    matches: list[SignalMatch]
    ranking: Ranking
    export_id: int | None = None        # set when the store keeps the ranking as an export

    @property
    def campaign(self) -> CampaignRecord:
        return self.inputs.campaign

    @property
    def as_of(self) -> date:
        return self.inputs.as_of

    @property
    def scores(self) -> list[QualityScore]:
        """Every quality score: the register's items, then the portal's packages."""
        return self.inventory_scores + (self.assessment.scores if self.assessment else [])

    @cached_property
    def proposals(self) -> dict:
        """The ranking as the export, the sheet and the JSON give it (Ranking.to_dict)."""
        return self.ranking.to_dict()

    @cached_property
    def summary(self) -> dict:
        return self.status.to_dict()

    @property
    def errors(self) -> int:
        return self.status.totals["errors"]

    @property
    def exit_code(self) -> int:
        return EXIT_FINDINGS if self.errors else EXIT_OK

    @cached_property
    def current_findings(self) -> list[Finding]:
        """Findings of every current submission (cross-department ones included), each under its
        submission's department, in the one order (audits.findings.finding_order)."""
        cross: dict[int | None, list[Finding]] = {}
        for f, sid in self.inputs.cross:
            cross.setdefault(sid, []).append(f)
        found = [f if f.department == s.department else replace(f, department=s.department)
                 for s in self.inputs.submissions if s.is_current for f in (s.findings or []) + cross.get(s.id, [])]
        return sorted(found, key=Finding.sort_key)

    @cached_property
    def findings(self) -> list[dict]:
        """The current findings as rows of findings.csv and status.html (with the department's name)."""
        names = {d.code: d.name for d in self.campaign.departments}
        return [{**f.to_dict(), "department_name": names.get(f.department)} for f in self.current_findings]

    def findings_of(self, department: str) -> list[Finding]:
        return [f for f in self.current_findings if f.department == department]

    def current_file(self, department: str) -> SubmissionRecord | None:
        return next((s for s in reversed(self.inputs.submissions) if s.department == department and s.is_current),
                    None)

    @property
    def unmatched_demand(self) -> list[dict]:
        return [{"kind": s.kind, "kind_label": KINDS[s.kind].label, "signal_id": s.signal_id, "text": s.text,
                 "weight": s.weight, "file": s.file, "row": s.row}
                for s in (m.signal for m in self.matches if m.row is None)]

    @property
    def demand_files(self) -> list[dict]:
        if self.inputs.demand is None:
            files = self.inputs.stored_demand_files
        else:
            files = [{"kind": f.kind, "file": f.file, "signals": len(f.signals), "errors": f.errors,
                      "findings": [x.to_dict() for x in f.findings]} for f in self.inputs.demand]
        files = sorted(files, key=lambda f: (f["kind"], f["file"]))
        return [{**f, "kind_label": KINDS[f["kind"]].label} for f in files]


def build(inputs: Inputs) -> CampaignResult:
    """The one pass: register → catalogue links → portal assessment → status and coverage →
    quality (data checks included) → demand → ranking."""
    register = register_of(inputs.campaign, inputs.submissions)
    links = link_register(register)
    assessment = _assess(inputs.portal, register)
    facts = portal_facts(assessment) if assessment else None
    status = campaign_status(inputs.campaign, inputs.submissions, _counts(inputs), links, facts)
    scores = inventory_scores(register, inputs.as_of, inputs.data_check_shares)
    matches = (stored_matches(inputs.stored_matches) if inputs.demand is None
               else match_signals([s for f in inputs.demand for s in f.signals], register))
    linked = {(link.department, link.row): link.catalogue_id for link in links}
    ranking = ranking_of(register, scores, facts.by_row if facts else None, linked, matches, inputs.screened)
    return CampaignResult(inputs, register, links, assessment, status, coverage(links, facts), scores, matches,
                          ranking)


def _assess(portal: PortalInput | None, register: list[dict]) -> MonitorResult | None:
    if portal is None:
        return None
    return assess(portal.packages, portal.as_of, portal.source, portal.organization, register)


def _counts(inputs: Inputs) -> dict:
    """(submission id, severity) → findings: a file's own and the cross-department ones about it."""
    counts: dict = {}
    for s in inputs.submissions:
        counts[(s.id, "error")], counts[(s.id, "warning")] = s.errors, s.warnings
    for f, sid in inputs.cross:
        counts[(sid, f.severity)] = counts.get((sid, f.severity), 0) + 1
    return counts


def from_state(state: StoredState, today: date, as_of: date | None = None) -> CampaignResult:
    """The result of what the register holds (no folder read): the same figures a run gave.
    ``as_of``: the audit date (default: the campaign's, else ``today``)."""
    snapshot = state.snapshot
    portal = PortalInput(snapshot["packages"], snapshot["source"], snapshot["organization"], snapshot["as_of"],
                         True, snapshot.get("fingerprint")) if snapshot else None
    return build(Inputs(state.campaign, as_of or state.campaign.as_of or today, state.submissions,
                        state.cross, portal, None, state.demand_files, state.demand_matches, state.decisions,
                        state.history, state.data_check_shares, state.screened))
