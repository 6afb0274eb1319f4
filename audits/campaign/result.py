"""One campaign as one result in memory, built once: the register, every finding, the status,
the coverage, the portal assessment, the quality scores and the ranking.

It is built from plain inputs, either of a run (this folder's inspections on top of what the
register already holds) or of the store alone (for `odaudit campaign status`, `quality`,
`proposals` … after a run). Every output renders from it; every figure comes from here. Each
figure is computed the first time it is asked for and then kept: a caller that needs only
the register (templates, the monitor) does not pay for the scores and the ranking.
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
from .status import CampaignStatus, campaign_status, current_rows, register_of

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
    snapshot_id: int | None = None

    @classmethod
    def of_snapshot(cls, snapshot: dict | None) -> PortalInput | None:
        """The latest stored snapshot (audits.store.state.snapshot_of) as this result's portal."""
        if snapshot is None:
            return None
        return cls(snapshot["packages"], snapshot["source"], snapshot["organization"], snapshot["as_of"], True,
                   snapshot["id"])


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
    export_id: int | None = None        # set when the store keeps the ranking as an export

    @cached_property
    def register(self) -> list[dict]:
        return register_of(self.inputs.campaign, self.inputs.submissions)

    @cached_property
    def links(self) -> list[Link]:
        """Register rows linked to Resolution 835 items."""
        return link_register(self.register)

    @cached_property
    def assessment(self) -> MonitorResult | None:
        """The portal's packages scored and joined to the register (None: no portal to compare)."""
        portal = self.inputs.portal
        if portal is None:
            return None
        return assess(portal.packages, portal.as_of, portal.source, portal.organization, self.register)

    @cached_property
    def portal_facts(self):
        return portal_facts(self.assessment) if self.assessment else None

    @cached_property
    def status(self) -> CampaignStatus:
        return campaign_status(self.inputs.campaign, self.inputs.submissions, _counts(self.inputs), self.links,
                               self.portal_facts, link_register(current_rows(self.inputs.campaign,
                                                                             self.inputs.submissions)))

    @cached_property
    def coverage(self) -> list[CoverageEntry]:
        return coverage(self.links, self.portal_facts)

    @cached_property
    def inventory_scores(self) -> list[QualityScore]:
        """Quality of every register item, data checks included."""
        return inventory_scores(self.register, self.inputs.as_of, self.inputs.data_check_shares)

    @cached_property
    def matches(self) -> list[SignalMatch]:
        """Demand matched to register items: this run's demand files, else the stored matches."""
        if self.inputs.demand is None:
            return stored_matches(self.inputs.stored_matches)
        return match_signals([s for f in self.inputs.demand for s in f.signals], self.register)

    @cached_property
    def ranking(self) -> Ranking:
        facts = self.portal_facts
        linked = {(link.department, link.row): link.catalogue_id for link in self.links}
        return ranking_of(self.register, self.inventory_scores, facts.by_row if facts else None, linked,
                          self.matches, self.inputs.screened)

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
    quality (data checks included) → demand → ranking, each step on first use."""
    return CampaignResult(inputs)


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
    return build(Inputs(state.campaign, as_of or state.campaign.as_of or today, state.submissions, state.cross,
                        PortalInput.of_snapshot(state.snapshot), None, state.demand_files, state.demand_matches,
                        state.decisions, state.history, state.data_check_shares, state.screened))
