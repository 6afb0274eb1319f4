"""One campaign run as plain functions: plan → inspect (per file) → read what the register
holds → build the result once → store it in one transaction → render the outputs from it.
flows/campaign.py wires these as Prefect tasks; nothing here imports Prefect."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .. import settings
from ..checks import not_on_portal, same_title
from ..findings import Finding
from ..store.db import transaction
from ..store.records import CampaignRecord, StoredState, SubmissionRecord
from ..validate import Inspection, inspect_file
from .config import CampaignConfig, department_of, submitted_files
from .result import CampaignResult, Inputs, PortalInput, build


@dataclass(frozen=True)
class Submitted:
    path: Path
    department: str | None


def plan(config: CampaignConfig) -> list[Submitted]:
    """Each file with its department (by its name, else by the identity of a returned template),
    in the order received: by modification time, then name. The last file of a department in
    this order is its current one."""
    from ..templates.identity import template_department

    codes, limit = {d.code for d in config.departments}, int(settings.get("max_file_mb") * 1_000_000)
    files = sorted(submitted_files(config), key=lambda p: (_mtime(p), p.name))
    return [Submitted(p, department_of(p, config) or template_department(p, codes, limit)) for p in files]


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def inspect(item: Submitted, as_of: date, example_code: str = "ukt") -> Inspection:
    inspection = inspect_file(item.path, as_of, item.department)
    if item.department is None:
        inspection.report.findings.insert(0, Finding.of("unknown-department",
                                                        {"file": item.path.name, "example": example_code},
                                                        file=item.path.name))
    return inspection.lighten()


def current_per_department(inspections: list[Inspection]) -> list[Inspection]:
    """Each department's current file (the last received, as ``plan`` orders them), plus every
    file whose department is unknown."""
    chosen: dict[str, Inspection] = {}
    for insp in inspections:
        if insp.department:
            chosen[insp.department] = insp
    return list(chosen.values()) + [i for i in inspections if not i.department]


def campaign_record(config: CampaignConfig, stored: CampaignRecord | None = None) -> CampaignRecord:
    """The campaign as campaign.yaml says now; departments the register knows from earlier
    runs stay (sorted by code, as the register lists them)."""
    departments = {d.code: d for d in (stored.departments if stored else ())}
    departments.update({d.code: d for d in config.departments})
    return CampaignRecord(config.slug, config.name, config.city, config.year, config.deadline, config.as_of,
                          config.portal_organization, tuple(departments[c] for c in sorted(departments)))


def portal_input(config: CampaignConfig, as_of: date, state: StoredState | None) -> PortalInput | None:
    """The campaign's saved portal response, else the latest stored snapshot of its organisation."""
    from ..portal.offline import load_packages

    if config.portal_snapshot is not None:
        packages = config.snapshot.packages if config.snapshot is not None else load_packages(config.portal_snapshot)
        return PortalInput(packages, str(config.portal_snapshot),
                           config.portal_organization, as_of, False)
    return PortalInput.of_snapshot(state.snapshot if state else None)


def demand_input(config: CampaignConfig, as_of: date) -> list:
    """Every demand file the campaign names, read and validated (problems are findings)."""
    from ..proposals.demand.read import read_demand

    return [read_demand(path, kind, as_of) for kind, path in config.demand]


def cross_findings(current: list[Inspection], config: CampaignConfig,
                   portal: PortalInput | None = None) -> list[Finding]:
    from ..portal.join import PortalIndex

    names = {d.code: d.name for d in config.departments}
    found = list(same_title.check(current, names))
    if portal is not None:
        found += not_on_portal.check(current, PortalIndex.of(portal.packages), portal.as_of)
    return found


def read_state(engine, slug: str, inspections: list[Inspection] = ()) -> StoredState | None:
    """What the register already holds of this campaign (one read transaction); the bytes and
    items of a file only where this run does not hold them (a department that sent nothing new):
    the items of a file read again come from this reading (run_inputs), not a second copy."""
    from ..store.state import read_state as read

    held = {(i.department, i.report.sha256) for i in inspections}
    with transaction(engine) as session:
        return read(session, slug, contents_except=held, items_except=held)


def run_inputs(config: CampaignConfig, inspections: list[Inspection], received_at: datetime, as_of: date,
               state: StoredState | None, portal: PortalInput | None = None, demand: list | None = None) -> Inputs:
    """This run's files on top of the stored state: a file seen before (same department and
    sha256) is the stored submission; the current flags follow the folder. Once taken, each
    inspection's rows are released (its record holds the register items)."""
    subs = list(state.submissions) if state else []
    known = {(s.department, s.sha256): s for s in subs}
    records: dict[int, SubmissionRecord] = {}
    for n, insp in enumerate(inspections, 1):
        record = known.get((insp.department, insp.report.sha256))
        if record is None:
            record = known[(insp.department, insp.report.sha256)] = _new_record(insp, received_at, -n)
            subs.append(record)
        else:
            _complete(record, insp)
        records[id(insp)] = record
    current = current_per_department(inspections)
    _set_current(subs, [records[id(i)] for i in current])
    by_department = {i.department: records[id(i)].id for i in current if i.department}
    cross = [(f, by_department[f.department]) for f in cross_findings(current, config, portal)]
    for insp in inspections:        # the rows become the records' items: each row's values are kept once
        record = records[id(insp)]
        if record.items is None:
            record.items = register_items(insp)
        insp.rows = []
    extra = dict(stored_demand_files=state.demand_files, stored_matches=state.demand_matches,
                 decisions=state.decisions, history=state.history, data_check_shares=state.data_check_shares,
                 screened=state.screened) if state else {}
    return Inputs(campaign_record(config, state.campaign if state else None), as_of, subs, cross, portal, demand,
                  **extra)


def _new_record(insp: Inspection, received_at: datetime, provisional_id: int) -> SubmissionRecord:
    report = insp.report
    errors = sum(f.is_error for f in report.findings)
    return SubmissionRecord(insp.department, report.file, report.sha256, received_at, report.valid,
                            is_current=False, rows=report.rows, sheet=report.sheet, errors=errors,
                            warnings=len(report.findings) - errors, id=provisional_id, stored=False,
                            items=None, findings=list(report.findings),
                            content=insp.source.data if insp.source else None)


def _complete(record: SubmissionRecord, insp: Inspection) -> None:
    """A stored file sent again: what the store did not load is taken from this reading of it
    (its items once the cross-department checks have read the rows: run_inputs)."""
    if record.findings is None:
        record.findings = list(insp.report.findings)
    if record.content is None and insp.source is not None:
        record.content = insp.source.data


def register_items(insp: Inspection) -> list[dict]:
    """The file's rows as the register keeps them: typed values, dates as ISO text. Each row's
    values become its item in place (no copy): call it when nothing reads the rows any more."""
    items = []
    for row in insp.rows:
        values = row.values
        for key, value in values.items():
            if isinstance(value, date):
                values[key] = sys.intern(value.isoformat())
        values["row"] = row.number
        items.append(values)
    return items


def _set_current(subs: list[SubmissionRecord], current: list[SubmissionRecord]) -> None:
    """The files now in the folder are current; a department's older files stay as history.
    A department that sent nothing this time keeps its last current file."""
    ids = {s.id for s in current}
    sent = {s.department for s in current if s.department is not None}
    for s in subs:
        if s.department is None or s.department in sent:
            s.is_current = s.id in ids


def store_result(engine, result: CampaignResult, received_at: datetime, exported_at: datetime) -> CampaignResult:
    """Everything of one run in one transaction: a failure leaves the database as it was.
    Sets ``result.export_id`` (the ranking kept as the export the working group gets)."""
    from ..portal.monitor import snapshot_record
    from ..store import proposals, repository, state

    inputs = result.inputs
    ranking = result.proposals        # every figure is computed before the write transaction opens
    snapshot = snapshot_record(result.assessment, received_at) if inputs.portal and not inputs.portal.stored else None
    with transaction(engine) as session:
        campaign = state.save_campaign(session, inputs.campaign)
        provisional = {s.id: s for s in inputs.submissions if not s.stored}
        state.save_submissions(session, campaign, inputs.submissions)
        inputs.cross = [(f, provisional[sid].id if sid in provisional else sid) for f, sid in inputs.cross]
        state.replace_cross(session, campaign, inputs.cross)
        repository.replace_coverage(session, campaign, result.links)
        if inputs.demand is not None:
            proposals.replace_demand(session, campaign, inputs.demand, result.matches)
        if snapshot is not None:
            state.keep_snapshot(session, **snapshot)
        result.export_id = proposals.save_export(session, campaign, ranking["compliance_gaps"] + ranking["proposals"],
                                                 ranking["weights"], exported_at, inputs.as_of).id
    return result


def run(engine, config: CampaignConfig, inspections: list[Inspection], received_at: datetime, as_of: date,
        exported_at: datetime | None = None) -> CampaignResult:
    """Read the register once, build the result once, store it once."""
    state = read_state(engine, config.slug, inspections)
    portal = portal_input(config, as_of, state)
    result = build(run_inputs(config, inspections, received_at, as_of, state, portal, demand_input(config, as_of)))
    return store_result(engine, result, received_at, exported_at or received_at)


def audit(engine, config: CampaignConfig, as_of: date, received_at: datetime) -> CampaignResult:
    """The whole run in this process, without Prefect: plan, inspect every file, build, store."""
    example = config.departments[0].code if config.departments else "ukt"
    inspections = [inspect(item, as_of, example) for item in plan(config)]
    return run(engine, config, inspections, received_at, as_of)
