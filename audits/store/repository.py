"""Writing a campaign run into the register and reading it back. Every function takes the
session of the caller's transaction (audits.store.db.transaction)."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from ..campaign.config import CampaignConfig
from ..catalogue.coverage import Link
from ..findings import Finding
from .models import Campaign, CoverageLink, Department, FindingRow, InventoryItem, Submission

ITEM_COLUMNS = ("title", "update_frequency", "last_updated", "current_as_of", "records",
                "personal_data", "access", "published", "portal_url", "catalogue_ref")
FINDING_KEYS = ("code", "severity", "department", "file", "sheet", "row", "column",
                "column_letter", "field", "value", "message")


def save_campaign(session, config: CampaignConfig) -> Campaign:
    """Create or update the campaign and its departments (unchanged values write nothing)."""
    campaign = session.scalar(select(Campaign).where(Campaign.slug == config.slug))
    if campaign is None:
        campaign = Campaign(slug=config.slug)
        session.add(campaign)
    for key in ("name", "city", "year", "deadline", "as_of"):
        _set(campaign, key, getattr(config, key))
    _set(campaign, "portal_organization", config.portal_organization)
    known = {d.code: d for d in campaign.departments}
    for dept in config.departments:
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


def save_inspection(session, campaign: Campaign, inspection, received_at: datetime) -> Submission:
    """Store a file once per department and sha256; a file seen before returns its stored submission."""
    report = inspection.report
    department = _department(campaign, inspection.department)
    found = session.scalar(select(Submission).where(
        Submission.campaign_id == campaign.id, Submission.sha256 == report.sha256,
        Submission.department_id == department.id if department else Submission.department_id.is_(None)))
    if found is not None:
        return found
    source = inspection.source
    submission = Submission(
        campaign_id=campaign.id, department=department, filename=report.file, sha256=report.sha256,
        size=len(source.data) if source else 0, content=source.data if source else None,
        received_at=received_at, sheet=report.sheet, rows=report.rows,
        errors=sum(f.is_error for f in report.findings),
        warnings=sum(not f.is_error for f in report.findings), valid=report.valid, is_current=False)
    session.add(submission)
    session.flush()
    session.add_all(_item(submission, row) for row in inspection.rows)
    session.add_all(finding_row(f, campaign.id, submission.id, "file") for f in report.findings)
    return submission


def _department(campaign: Campaign, code: str | None) -> Department | None:
    return next((d for d in campaign.departments if d.code == code), None)


def _item(submission: Submission, row) -> InventoryItem:
    values = row.values
    return InventoryItem(submission_id=submission.id, row=row.number, item_id=values.get("id"),
                         data={k: _json(v) for k, v in values.items()},
                         **{k: values.get(k) for k in ITEM_COLUMNS})


def _json(value):
    return value.isoformat() if isinstance(value, date) else value


def finding_row(f: Finding, campaign_id: int, submission_id: int | None, scope: str) -> FindingRow:
    return FindingRow(campaign_id=campaign_id, submission_id=submission_id, scope=scope,
                      **{k: getattr(f, k) for k in FINDING_KEYS})


def set_current(all_submissions, current: list[Submission]) -> None:
    """The files now in the folder are current; a department's older files stay as history.
    A department that sent nothing this time keeps its last current file."""
    current_ids = {s.id for s in current}
    sent = {s.department_id for s in current if s.department_id is not None}
    for sub in all_submissions:
        if sub.department_id is None or sub.department_id in sent:
            _set(sub, "is_current", sub.id in current_ids)


def replace_campaign_findings(session, campaign: Campaign, found: list[tuple[Finding, int]]) -> None:
    """Cross-department findings are recomputed each run; stored rows change only if they differ."""
    stored = session.scalars(select(FindingRow).where(FindingRow.campaign_id == campaign.id,
                                                      FindingRow.scope == "campaign")).all()
    if sorted(_key(r, r.submission_id) for r in stored) == sorted(_key(f, sid) for f, sid in found):
        return
    for row in stored:
        session.delete(row)
    session.add_all(finding_row(f, campaign.id, sid, "campaign") for f, sid in found)


def _key(finding, submission_id) -> tuple:
    return (str(submission_id),) + tuple("" if getattr(finding, k) is None else str(getattr(finding, k))
                                         for k in FINDING_KEYS)


def submissions(session, campaign: Campaign) -> list[Submission]:
    return list(session.scalars(select(Submission).where(Submission.campaign_id == campaign.id)
                                .order_by(Submission.received_at, Submission.id)))


def get_campaign(session, slug: str | None = None) -> Campaign | None:
    """The named campaign, or the one most recently created."""
    query = select(Campaign)
    query = query.where(Campaign.slug == slug) if slug else query.order_by(Campaign.id.desc())
    return session.scalars(query).first()


def findings_of(session, submission: Submission) -> list[FindingRow]:
    return list(session.scalars(select(FindingRow).where(FindingRow.submission_id == submission.id)
                                .order_by(FindingRow.scope.desc(), FindingRow.row, FindingRow.column_letter,
                                          FindingRow.id)))


LINK_KEYS = ("catalogue_id", "department", "row", "title", "method", "score", "published", "portal_url")


def replace_coverage(session, campaign: Campaign, links: list[Link]) -> None:
    """Store the register's links to the catalogue; rows change only if the links changed."""
    stored = coverage_links_rows(session, campaign)
    as_key = lambda link: tuple(getattr(link, k) for k in LINK_KEYS)  # noqa: E731
    if sorted(map(as_key, stored), key=repr) == sorted(map(as_key, links), key=repr):
        return
    for row in stored:
        session.delete(row)
    session.add_all(CoverageLink(campaign_id=campaign.id, **{k: getattr(link, k) for k in LINK_KEYS})
                    for link in links)


def coverage_links_rows(session, campaign: Campaign) -> list[CoverageLink]:
    return list(session.scalars(select(CoverageLink).where(CoverageLink.campaign_id == campaign.id)
                                .order_by(CoverageLink.catalogue_id, CoverageLink.department, CoverageLink.row)))


def coverage_links(session, campaign: Campaign) -> list[Link]:
    return [Link(**{k: getattr(row, k) for k in LINK_KEYS}) for row in coverage_links_rows(session, campaign)]
