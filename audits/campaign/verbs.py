"""One library function per verb: what `odaudit <verb>`, the Prefect flows and the web app
call. Each opens what it needs, builds the campaign's result once (audits.campaign.result)
and returns plain data; the callers only print or render it."""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..store.db import open_database, transaction
from .result import CampaignResult, from_state

NO_CAMPAIGN = "no campaign in the database: run 'odaudit campaign run DIR' first"


class NoCampaign(LookupError):
    """The database holds no (such) campaign: the verb cannot run (exit 2)."""


def engine_for(url: str | None = None):
    """An engine for this URL (default: the setting), migrated to the newest schema; a URL that
    cannot be used (not a URL, another database, a missing folder) is DatabaseUrlError, one line."""
    return open_database(url)


@contextmanager
def database(url: str | None = None):
    """``engine_for(url)`` for one piece of work (a flow task), disposed of afterwards."""
    engine = engine_for(url)
    try:
        yield engine
    finally:
        engine.dispose()


def open_result(engine, slug: str | None, today: date, as_of: date | None = None) -> CampaignResult:
    """The campaign's result rebuilt from the register, or NoCampaign."""
    from ..store.state import read_state

    with transaction(engine) as session:
        state = read_state(session, slug)
        if state is None:
            raise NoCampaign(NO_CAMPAIGN if slug is None else unknown_campaign(session, slug))
    return from_state(state, today, as_of)


def unknown_campaign(session, slug: str) -> str:
    """One line: the slug is not stored, and which ones are."""
    from ..store.repository import campaign_slugs

    stored = campaign_slugs(session)
    return (f"no campaign '{slug[:100]}' in the database; stored: {', '.join(stored)}" if stored
            else f"no campaign '{slug[:100]}' in the database (none stored yet: run 'odaudit campaign run DIR')")


def status(engine, slug: str | None, today: date) -> dict:
    """summary.json of the campaign as the register holds it."""
    return open_result(engine, slug, today).summary


def coverage(engine, slug: str | None, today: date) -> dict:
    from ..catalogue.coverage import totals

    result = open_result(engine, slug, today)
    return {"campaign": result.campaign.slug, "totals": totals(result.coverage),
            "items": [e.to_dict() for e in result.coverage]}


@dataclass
class Quality:
    campaign: str | None
    as_of: date | None
    snapshot: int | None
    snapshot_as_of: date | None
    scores: list


def quality(engine, slug: str | None, today: date) -> Quality:
    """The campaign's quality scores (data checks included, as in its outputs) with its portal
    organisation's packages; without a campaign or its own snapshot, the latest snapshot's."""
    from ..portal.monitor import snapshot_scores
    from ..store.state import snapshot_of

    try:
        result = open_result(engine, slug, today)
    except NoCampaign:
        if slug is not None:
            raise
        result = None
    if result is not None and result.assessment is not None:
        portal = result.inputs.portal
        return Quality(result.campaign.slug, result.as_of, portal.snapshot_id, portal.as_of, result.scores)
    found = Quality(result.campaign.slug if result else None, result.as_of if result else None, None, None,
                    list(result.inventory_scores) if result else [])
    with transaction(engine) as session:
        stored = snapshot_of(session, None)
    if stored is not None:
        found.snapshot, found.snapshot_as_of = stored["id"], stored["as_of"]
        found.scores += snapshot_scores(list(zip(stored["packages"], stored["owners"])), stored["as_of"])
    return found


def proposals(engine, slug: str | None, as_of: date | None, exported_at: datetime):
    """Rank the register's unpublished items and keep the ranking as an export: a ProposalReport."""
    from ..store.state import save_ranking
    from .outputs import proposal_report

    result = open_result(engine, slug, exported_at.date(), as_of)
    with transaction(engine) as session:
        rows = result.proposals
        result.export_id = save_ranking(session, result.campaign.slug, rows["compliance_gaps"] + rows["proposals"],
                                        rows["weights"], exported_at, result.as_of)
    return proposal_report(result)


def review(engine, file: Path, recorded_at: datetime, by: str | None = None):
    """Record the decisions of a filled proposals.xlsx (all or none): a Review."""
    from ..proposals import review as sheet
    from ..store.proposals import decisions_of, export_record, record_decisions

    review, grids = sheet.open_sheet(Path(file))
    if review.errors:
        return review
    with transaction(engine) as session:
        export = export_record(session, review.export_id, review.campaign)
    now = {}
    if export is not None:
        ranking = open_result(engine, review.campaign, recorded_at.date(), export["as_of"]).ranking
        now = {(p.candidate.department, p.candidate.item_id): p.fingerprint for p in ranking.rows}
    sheet.check_sheet(review, grids, export, now, recorded_at.date())
    if review.errors:
        return review
    with transaction(engine) as session:      # all or nothing
        review.recorded = record_decisions(session, review.campaign, review.export_id,
                                           sheet.changed(review, {(d["department"], d["item_id"]): d for d in
                                                                  decisions_of(session, review.campaign)},
                                                          recorded_at.date()),
                                           by=by, recorded_at=recorded_at, source_file=review.file,
                                           source_sha256=review.sha256 or "")
    for d in review.decisions:
        d.pop("exported", None)
    return review


def plan(engine, slug: str | None, today: date) -> tuple[str, list]:
    """(campaign name, PlanItem of every approved dataset, judged on the latest snapshot)."""
    result = open_result(engine, slug, today)
    return result.campaign.name, _plan_items(engine, result)


def _plan_items(engine, result: CampaignResult, portal=None) -> list:
    """``portal``: the packages to judge on (default: the campaign's latest snapshot)."""
    from ..proposals.plan import plan_items
    from ..store.proposals import decisions_of

    with transaction(engine) as session:
        decisions = decisions_of(session, result.campaign.slug)
    return plan_items(result.campaign, result.register, decisions, portal or result.inputs.portal)


def plan_status(engine, today: date) -> list[dict]:
    """The newest campaign's plan judged on the latest snapshot (empty without a campaign)."""
    try:
        return [i.to_dict() for i in plan(engine, None, today)[1]]
    except NoCampaign:
        return []


def _newest(engine, today: date) -> CampaignResult | None:
    try:
        return open_result(engine, None, today)
    except NoCampaign:
        return None


class OtherCouncil(LookupError):
    """``--previous`` names a campaign of another council: nothing is carried over (exit 2)."""


def previous_items(db_url: str | None, config, today: date,
                   wanted: str | None = None) -> tuple[str | None, dict[str, list[dict]]]:
    """(previous campaign slug, department code → its accepted register rows), for templates
    prefilled with last year's items of the same council (``config``: the new campaign's
    CampaignConfig; ``wanted``: a slug, which must be of the same council). A default SQLite file
    that does not exist yet means there is nothing to carry over (it is not created)."""
    from ..store.db import database_exists
    from ..store.repository import previous_campaign, same_council

    if not database_exists(db_url) and not wanted:
        return None, {}
    council = config.council
    engine = open_database(db_url)
    try:
        with transaction(engine) as session:
            found = previous_campaign(session, config.slug, config.year, wanted,
                                      organization=council.organization, city=config.city)
            if wanted and found is None:
                raise NoCampaign(unknown_campaign(session, wanted))
            if found is not None and wanted and not same_council(found, council.organization, config.city):
                raise OtherCouncil(f"campaign '{wanted}' belongs to another council "
                                   f"({found.portal_organization or found.city or 'unknown'}, not "
                                   f"{council.organization or config.city or 'unknown'}): nothing carried over")
            previous = found.slug if found else None
        if previous is None:
            return None, {}
        by_department: dict[str, list[dict]] = {}
        for row in open_result(engine, previous, today).register:
            by_department.setdefault(row["department_code"], []).append(row)
        return previous, by_department
    finally:
        engine.dispose()


@dataclass
class MonitorRun:
    result: object                  # audits.portal.monitor.MonitorResult
    snapshot: int
    plan: list[dict]
    history: list[dict]
    outputs: dict

    @property
    def problems(self) -> int:
        t = self.result.summary["timeliness"]
        return t["late"] + t["unknown"] + len(self.result.not_on_portal)


def monitor(engine, packages: list[dict], source: str, organization: str | None, as_of: date,  # noqa: PLR0913
            taken_at: datetime, out: Path | None = None, *, declared: int | None = None,
            warnings: list | None = None, mixed: bool = False) -> MonitorRun:
    """Score the packages against the newest campaign's register, store the snapshot, judge the
    publication plan on it and (``out``) write quality.csv/.xlsx/.html and monitor.json.
    ``declared``/``warnings``: what the snapshot file says of itself (audits.portal.monitor);
    ``mixed``: one organisation of a file holding several: the register joins only the
    campaign's own organisation."""
    from ..portal import monitor as portal
    from ..reports.quality_outputs import write_monitor_outputs
    from ..store.portal import save_snapshot, snapshot_rows
    from .result import PortalInput

    campaign = _newest(engine, as_of)          # read once: its register joins the packages
    joins = campaign is not None and (not mixed or organization == campaign.campaign.portal_organization)
    result = portal.assess(packages, as_of, source, organization, campaign.register if joins else [],
                           declared=declared, warnings=warnings)
    with transaction(engine) as session:
        snapshot = save_snapshot(session, **portal.snapshot_record(result, taken_at)).id
    # the plan is judged on the campaign's own organisation: this snapshot when it is that one
    own = campaign is not None and result.organization == campaign.campaign.portal_organization
    judged_on = PortalInput(packages, source, result.organization, as_of, True, snapshot) if own else None
    plan = [i.to_dict() for i in _plan_items(engine, campaign, judged_on)] if campaign else []
    with transaction(engine) as session:
        history = portal.trend(snapshot_rows(session, result.organization))
    paths = write_monitor_outputs(Path(out), result, history, plan) if out else {}
    return MonitorRun(result, snapshot, plan, history, paths)


def data_check_floors(engine, slug: str | None) -> dict[str, int]:
    """Rows of each item's previously checked data file (the row count must not collapse)."""
    from ..store.data_checks import previous_rows
    from ..store.repository import get_campaign

    with transaction(engine) as session:
        campaign = get_campaign(session, slug)
        return previous_rows(session, campaign.id) if campaign else {}


def keep_data_checks(engine, slug: str | None, results: list[tuple[str | None, dict]], checked_at: datetime) -> int:
    """Store each data-file check under its register item (none without a campaign)."""
    from ..store.data_checks import record_check
    from ..store.repository import get_campaign

    with transaction(engine) as session:
        campaign = get_campaign(session, slug)
        if campaign is None:
            return 0
        return len([record_check(session, campaign.id, item, result, checked_at) for item, result in results if item])


def review_data_item(engine, slug: str | None, item: str, by: str, cleared: bool, at: datetime,
                     note: str | None = None) -> str:
    """A person looked at a data file's personal-data hits: the review state recorded."""
    from ..store.data_checks import mark_reviewed
    from ..store.repository import get_campaign

    with transaction(engine) as session:
        found = get_campaign(session, slug)
        if found is None:
            raise NoCampaign(NO_CAMPAIGN if slug is None else unknown_campaign(session, slug))
        try:
            return mark_reviewed(session, found.id, item, by, cleared, at, note).review
        except KeyError:
            raise LookupError(f"no data check for {item} in {found.slug}: run the data-checks flow first") from None


def history(engine, slug: str | None, department: str | None = None) -> dict:
    """Every version each department sent (or one ``department``): its date, file, errors and
    warnings, and what changed since the one before (audits.campaign.history)."""
    from ..store.state import submission_history
    from .history import label, versions

    with transaction(engine) as session:
        found = submission_history(session, slug, department)
    if found is None:
        raise NoCampaign(NO_CAMPAIGN if slug is None else f"no campaign '{slug}' in the database")
    campaign, subs = found
    codes = [d for d in campaign.departments if department is None or d.code == department]
    if department is not None and not codes:
        known = ", ".join(d.code for d in campaign.departments)
        raise LookupError(f"no department '{department}' in campaign '{campaign.slug}' (known: {known})")
    departments = []
    for d in codes:
        found_versions = versions(subs, d.code)
        departments.append({"code": d.code, "name": d.name,
                            "versions": [{**v, "label": label(v)} for v in found_versions]})
    return {"campaign": {"slug": campaign.slug, "name": campaign.name}, "departments": departments}


def database_ok(engine) -> bool:
    """The database answers (the web app's /healthz)."""
    from ..store.db import ping

    return ping(engine)
