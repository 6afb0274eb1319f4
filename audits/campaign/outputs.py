"""Write a campaign's outputs from its result, without a database: summary.json, findings.csv,
register.csv, coverage.csv, quality.csv/.xlsx, status.html, proposals.xlsx/.html, feedback/."""
from __future__ import annotations

import json
from pathlib import Path

from ..catalogue.coverage import STATUS_LABELS
from ..interop.datapackage import write_datapackage
from ..proposals.export import ProposalReport
from ..reports.csv_export import FINDING_COLUMNS, write_csv
from ..reports.feedback import write_feedback
from ..reports.proposals_outputs import write_proposal_outputs
from ..reports.quality_export import COLUMNS as QUALITY_COLUMNS
from ..reports.quality_outputs import quality_context, write_quality_files
from ..reports.status_html import write_status_html
from .history import current_version, label
from .result import CampaignResult
from .status import register_columns

OUTPUTS = ("summary.json", "findings.csv", "register.csv", "coverage.csv", "quality.csv", "quality.xlsx", "status.html",
           "proposals.xlsx", "proposals.html", "feedback")
COVERAGE_COLUMNS = ("id", "title", "scope", "status", "status_uk", "departments", "portal_urls", "portal_checked")


def write_outputs(result: CampaignResult, out: Path) -> dict[str, Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    summary, findings, register = result.summary, result.findings, result.register
    write_quality_files(out, result.scores)
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    write_csv(out / "findings.csv", FINDING_COLUMNS, findings)
    write_csv(out / "register.csv", register_columns(), register)
    covered = [entry.to_dict() for entry in result.coverage]
    write_csv(out / "coverage.csv", COVERAGE_COLUMNS, [_coverage_row(c) for c in covered])
    portal = result.assessment
    quality = {**quality_context(result.scores), "portal_as_of": portal.as_of.isoformat() if portal else None}
    versions = _versions(result)
    write_status_html(out / "status.html", summary, findings, covered, quality,
                      {code: label(v) for code, v in versions.items()})
    write_proposal_outputs(out, proposal_report(result))
    write_feedback(out, summary, {d["code"]: result.findings_of(d["code"]) for d in summary["departments"]},
                   _files(result), {code: v for code, v in versions.items() if v["version"] > 1})
    write_datapackage(out, result.campaign.slug, result.campaign.name,
                      {"findings.csv": FINDING_COLUMNS, "register.csv": register_columns(),
                       "coverage.csv": COVERAGE_COLUMNS, "quality.csv": QUALITY_COLUMNS})
    return {name: out / name for name in OUTPUTS}


def proposal_report(result: CampaignResult) -> ProposalReport:
    return ProposalReport(result.campaign.slug, result.campaign.name, result.as_of, result.export_id,
                          result.proposals, result.unmatched_demand, result.demand_files,
                          result.inputs.decisions, result.inputs.history)


def _versions(result: CampaignResult) -> dict[str, dict]:
    """Department code → the version of its current file (audits.campaign.history)."""
    found = {}
    for dept in result.campaign.departments:
        version = current_version(result.inputs.submissions, dept.code)
        if version is not None:
            found[dept.code] = version
    return found


def _files(result: CampaignResult) -> dict[str, tuple[str, bytes | None]]:
    """Department code → (file name, original bytes) of its current submission."""
    found = {}
    for dept in result.campaign.departments:
        current = result.current_file(dept.code)
        if current is not None:
            found[dept.code] = (current.filename, current.content)
    return found


def _coverage_row(entry: dict) -> dict:
    return {**entry, "status_uk": STATUS_LABELS[entry["status"]], "departments": ", ".join(entry["departments"]),
            "portal_urls": " ".join(entry["portal_urls"])}
