"""Write a campaign's outputs: summary.json, findings.csv, register.csv, status.html."""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from ..catalogue.coverage import STATUS_LABELS, coverage
from ..portal.current import current_portal
from ..portal.monitor import portal_facts
from ..proposals.export import export_proposals
from ..quality.collect import inventory_scores
from ..reports.csv_export import FINDING_COLUMNS, write_csv
from ..reports.feedback import write_feedback
from ..reports.proposals_outputs import write_proposal_outputs
from ..reports.quality_outputs import quality_context, write_quality_files
from ..reports.status_html import write_status_html
from ..store.db import transaction
from ..store.models import FindingRow, Submission
from ..store.repository import FINDING_KEYS, coverage_links, get_campaign
from .status import campaign_status, register_rows

OUTPUTS = ("summary.json", "findings.csv", "register.csv", "coverage.csv", "quality.csv", "quality.xlsx", "status.html",
           "proposals.xlsx", "proposals.html", "feedback")
COVERAGE_COLUMNS = ("id", "title", "scope", "status", "status_uk", "departments", "portal_urls", "portal_checked")


def current_findings(session, campaign) -> list[dict]:
    """Findings of every current submission, each with its department's code and name."""
    query = (select(FindingRow, Submission).join(Submission, FindingRow.submission_id == Submission.id)
             .where(Submission.campaign_id == campaign.id, Submission.is_current))
    names = {d.id: (d.code, d.name) for d in campaign.departments}
    rows = []
    for finding, sub in session.execute(query):
        code, name = names.get(sub.department_id, (None, None))
        rows.append({**{k: getattr(finding, k) for k in FINDING_KEYS},
                     "department": code, "department_name": name})
    return sorted(rows, key=lambda r: (r["department"] or "~", r["file"] or "", r["row"] or 0,
                                       r["column_letter"] or "", r["code"]))


def write_outputs(engine, slug: str, out: Path, as_of: date | None = None,
                  exported_at: datetime | None = None) -> dict[str, Path]:
    """``as_of``: the audit date (default: the campaign's); the latest snapshot of the campaign's
    portal organisation confirms publication and adds the portal packages to quality.
    ``exported_at``: when the proposals are handed out (kept with the export)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with transaction(engine) as session:
        campaign = get_campaign(session, slug)
        register = register_rows(session, campaign)
        portal = current_portal(session, campaign, register)
        facts = portal_facts(portal) if portal else None
        status = campaign_status(session, campaign, facts)
        findings = current_findings(session, campaign)
        covered = [entry.to_dict() for entry in coverage(coverage_links(session, campaign), facts)]
        as_of = as_of or campaign.as_of
    scores = (inventory_scores(register, as_of) if as_of else []) + (portal.scores if portal else [])
    write_quality_files(out, scores)
    summary = status.to_dict()
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    write_csv(out / "findings.csv", FINDING_COLUMNS, findings)
    register_columns = list(register[0]) if register else ["department_code", "department_name", "file", "row"]
    write_csv(out / "register.csv", register_columns, register)
    write_csv(out / "coverage.csv", COVERAGE_COLUMNS, [_coverage_row(c) for c in covered])
    quality = {**quality_context(scores), "portal_as_of": portal.as_of.isoformat() if portal else None}
    write_status_html(out / "status.html", summary, findings, covered, quality)
    report = export_proposals(engine, slug, as_of, exported_at or datetime.now().replace(microsecond=0))
    write_proposal_outputs(out, report)
    write_feedback(engine, slug, out, summary, findings)
    return {name: out / name for name in OUTPUTS}



def _coverage_row(entry: dict) -> dict:
    return {**entry, "status_uk": STATUS_LABELS[entry["status"]], "departments": ", ".join(entry["departments"]),
            "portal_urls": " ".join(entry["portal_urls"])}
