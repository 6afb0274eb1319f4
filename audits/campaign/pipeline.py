"""One campaign run as plain functions: plan → inspect (per file) → cross-check → store →
outputs. flows/campaign.py wires these as Prefect tasks; nothing here imports Prefect."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .. import settings
from ..catalogue.coverage import link_register
from ..checks import not_on_portal, same_title
from ..findings import Finding
from ..messages import CODES, render
from ..store.db import transaction
from ..store.repository import (
    replace_campaign_findings,
    replace_coverage,
    save_campaign,
    save_inspection,
    set_current,
    submissions,
)
from ..validate import Inspection, inspect_file
from .config import CampaignConfig, department_of, submitted_files
from .status import register_rows


@dataclass(frozen=True)
class Submitted:
    path: Path
    department: str | None


def plan(config: CampaignConfig) -> list[Submitted]:
    """Each file with its department: by its name, else by the identity of a returned template."""
    from ..templates.identity import template_department

    codes, limit = {d.code for d in config.departments}, int(settings.get("max_file_mb") * 1_000_000)
    return [Submitted(p, department_of(p, config) or template_department(p, codes, limit))
            for p in submitted_files(config)]


def inspect(item: Submitted, as_of: date, example_code: str = "ukt") -> Inspection:
    inspection = inspect_file(item.path, as_of, item.department)
    if item.department is None:
        message = render("unknown-department", file=item.path.name, example=example_code)
        inspection.report.findings.insert(0, Finding("unknown-department", CODES["unknown-department"].severity,
                                                     message, file=item.path.name))
    return inspection


def current_per_department(inspections: list[Inspection]) -> list[Inspection]:
    """Each department's file in the folder (the newest by modification time if it sent several),
    plus every file whose department is unknown."""
    chosen: dict[str, Inspection] = {}
    for insp in sorted(inspections, key=lambda i: (_mtime(i), i.report.file)):
        if insp.department:
            chosen[insp.department] = insp
    return list(chosen.values()) + [i for i in inspections if not i.department]


def _mtime(insp: Inspection) -> float:
    return insp.source.path.stat().st_mtime if insp.source else 0.0


@dataclass(frozen=True)
class PortalInput:
    """The council's packages on the portal for this run: from the campaign's saved response
    (``stored`` False: kept as a snapshot with the run) or the latest stored monitor snapshot."""
    packages: list
    source: str
    organization: str | None
    as_of: date
    stored: bool


def portal_input(engine, config: CampaignConfig, as_of: date) -> PortalInput | None:
    from ..portal.offline import load_packages
    from ..store.portal import latest_snapshot, snapshot_packages

    if config.portal_snapshot is not None:
        return PortalInput(load_packages(config.portal_snapshot), str(config.portal_snapshot),
                           config.portal_organization, as_of, False)
    if config.portal_organization is None:
        return None
    with transaction(engine) as session:
        snapshot = latest_snapshot(session, config.portal_organization)
        if snapshot is None:
            return None
        return PortalInput([p.raw for p in snapshot_packages(session, snapshot)], snapshot.source,
                           snapshot.organization, snapshot.as_of, True)


def cross_findings(current: list[Inspection], config: CampaignConfig,
                   portal: PortalInput | None = None) -> list[Finding]:
    from ..portal.join import PortalIndex

    names = {d.code: d.name for d in config.departments}
    found = list(same_title.check(current, names))
    if portal is not None:
        found += not_on_portal.check(current, PortalIndex.of(portal.packages), portal.as_of)
    return found


def demand_input(config: CampaignConfig, as_of: date) -> list:
    """Every demand file the campaign names, read and validated (problems are findings)."""
    from ..proposals.demand.read import read_demand

    return [read_demand(path, kind, as_of) for kind, path in config.demand]


def store_run(engine, config: CampaignConfig, inspections: list[Inspection],
              cross: list[Finding], received_at: datetime, portal: PortalInput | None = None,
              demand: list | None = None) -> None:
    """Everything of one run in one transaction: a failure leaves the database as it was."""
    current = current_per_department(inspections)
    with transaction(engine) as session:
        campaign = save_campaign(session, config)
        stored = {id(i): save_inspection(session, campaign, i, received_at) for i in inspections}
        session.flush()
        set_current(submissions(session, campaign), [stored[id(i)] for i in current])
        by_department = {i.department: stored[id(i)].id for i in current if i.department}
        replace_campaign_findings(session, campaign, [(f, by_department[f.department]) for f in cross])
        session.flush()
        register = register_rows(session, campaign)
        replace_coverage(session, campaign, link_register(register))
        if demand is not None:
            _keep_demand(session, campaign, demand, register)
        if portal is not None and not portal.stored:
            _keep_snapshot(session, portal, register, received_at)


def _keep_demand(session, campaign, demand: list, register: list[dict]) -> None:
    from ..proposals.demand.match import match_signals
    from ..store.proposals import replace_demand

    signals = [s for f in demand for s in f.signals]
    replace_demand(session, campaign, demand, match_signals(signals, register))


def _keep_snapshot(session, portal: PortalInput, register: list[dict], taken_at: datetime) -> None:
    """Store the campaign's saved portal response as a snapshot, unless the newest one is the same."""
    from ..portal import monitor
    from ..store.portal import latest_snapshot

    latest = latest_snapshot(session, portal.organization)
    if latest is not None and latest.fingerprint == monitor.fingerprint(portal.packages) \
            and latest.as_of == portal.as_of:
        return
    result = monitor.assess(portal.packages, portal.as_of, portal.source, portal.organization, register)
    monitor.save(session, result, taken_at)
