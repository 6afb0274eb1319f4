"""A department's file received through the web app, stored exactly as the same file in the
campaign folder would be: the received bytes are written to a private folder under a safe
name and inspected by the same reader and checks (audits.validate, with the size, row and
time limits of audits/files.py); then the campaign is built and stored as a folder run builds
it (audits.campaign.pipeline): the other departments' current files are read again from their
stored bytes, so the cross-department findings are those a run over the folder would give."""
from __future__ import annotations

import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..findings import Finding
from ..store.db import transaction
from . import pipeline
from .config import CampaignConfig, Council
from .result import CampaignResult, PortalInput, build

MAX_NAME = 200
UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")


@dataclass
class Upload:
    """What the department is told at once: the stored file, its state and findings."""
    campaign: str
    department: str
    filename: str
    sha256: str | None
    submission_id: int | None
    status: str                       # accepted · invalid (as summary.json says)
    errors: int
    warnings: int
    findings: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"campaign": self.campaign, "department": self.department, "file": self.filename,
                "sha256": self.sha256, "submission": self.submission_id, "status": self.status,
                "errors": self.errors, "warnings": self.warnings, "findings": [f.to_dict() for f in self.findings]}


def written(path: Path) -> bytes:
    """The bytes of a file this process has just written in its own temporary folder (a
    workbook to download), read through the one way in."""
    from ..files import UNLIMITED, read_bytes_bounded

    return read_bytes_bounded(path, UNLIMITED)


def safe_name(filename: str | None, department: str) -> str:
    """The file's own name without any folder part (``../x.xlsx`` → ``x.xlsx``), control and
    reserved characters replaced, at most MAX_NAME characters; a name left empty is the
    department's code."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", filename or ""))[-1]
    base = UNSAFE.sub("_", base).strip(" .")
    if len(base) > MAX_NAME:
        stem, dot, ext = base.rpartition(".")
        base = (stem[: MAX_NAME - len(ext) - 1] + dot + ext) if dot and len(ext) <= 10 else base[:MAX_NAME]
    return base or department


def stored_config(record) -> CampaignConfig:
    """The campaign as the register holds it, in the shape a folder run takes (no folder: the
    portal is the latest stored snapshot, the demand the stored one)."""
    return CampaignConfig(record.slug, record.name, Path("."), record.city, record.year, record.deadline,
                          record.as_of, {}, record.departments, record.portal_organization,
                          council=Council(record.city, None, record.portal_organization))


def submit(engine, slug: str, department: str, filename: str | None, data: bytes, received_at: datetime,
           as_of: date | None = None) -> Upload:
    """Inspect the file and store it as the department's new current file (one transaction)."""
    from ..store.state import read_state

    with transaction(engine) as session:
        state = read_state(session, slug, contents_except=set())
    if state is None:
        raise LookupError(f"no campaign '{slug[:100]}' in the database")
    if department not in {d.code for d in state.campaign.departments}:
        raise LookupError(f"no department '{department[:64]}' in campaign '{slug}'")
    config = stored_config(state.campaign)
    as_of = as_of or config.as_of or received_at.date()
    with tempfile.TemporaryDirectory(prefix="odaudit-upload-") as folder:
        others = _stored_current(Path(folder), state, department, as_of)
        own = Path(folder) / "new"
        own.mkdir()
        path = own / safe_name(filename, department)
        path.write_bytes(data)
        inspection = pipeline.inspect(pipeline.Submitted(path, department), as_of, department)
        result = _store(engine, config, others + [inspection], received_at, as_of, state)
    return _upload(result, department, inspection)


def _stored_current(folder: Path, state, department: str, as_of: date) -> list:
    """The other current files, inspected again from their stored bytes (as a folder run reads them)."""
    found = []
    for n, s in enumerate(x for x in state.submissions if x.is_current and x.department != department):
        if s.content is None:
            continue
        place = folder / f"stored-{n}"
        place.mkdir()
        path = place / safe_name(s.filename, s.department or "file")
        path.write_bytes(s.content)
        found.append(pipeline.inspect(pipeline.Submitted(path, s.department), as_of, department))
    return found


def _store(engine, config: CampaignConfig, inspections: list, received_at: datetime, as_of: date,  # noqa: PLR0913
           state) -> CampaignResult:
    portal = PortalInput.of_snapshot(state.snapshot)
    inputs = pipeline.run_inputs(config, inspections, received_at, as_of, state, portal, None)
    return pipeline.store_result(engine, build(inputs), received_at, received_at)


def _upload(result: CampaignResult, department: str, inspection) -> Upload:
    current = result.current_file(department)
    own = next(d for d in result.summary["departments"] if d["code"] == department)
    findings = result.findings_of(department)
    return Upload(result.campaign.slug, department, inspection.report.file, inspection.report.sha256,
                  current.id if current else None, own["status"], own["errors"], own["warnings"], findings)


# --- what the department page offers ------------------------------------------------------------

def feedback_xlsx(engine, slug: str, department: str, today: date) -> tuple[str, bytes] | None:
    """(file name, bytes) of the marked feedback workbook of the department's current file, as
    feedback/<code>.xlsx of a run; None when it sent nothing."""
    from ..reports.feedback_texts import REASON_UNREADABLE
    from ..reports.feedback_xlsx import write_feedback_xlsx, write_marked_copy

    result = _with_contents(engine, slug, today)
    current = result.current_file(department)
    if current is None:
        return None
    findings = result.findings_of(department)
    with tempfile.TemporaryDirectory(prefix="odaudit-feedback-") as folder:
        path = Path(folder) / f"{department}.xlsx"
        try:
            write_marked_copy(path, current.filename, current.content, findings)
        except Exception:  # noqa: BLE001 - as feedback/ does: a file that cannot be copied gets the list
            write_feedback_xlsx(path, current.filename, None, findings, reason=REASON_UNREADABLE)
        return f"{department}_feedback.xlsx", written(path)


def _with_contents(engine, slug: str, today: date) -> CampaignResult:
    from ..store.state import read_state
    from .result import from_state
    from .verbs import NoCampaign

    with transaction(engine) as session:
        state = read_state(session, slug, contents_except=set())
    if state is None:
        raise NoCampaign(f"no campaign '{slug[:100]}' in the database")
    return from_state(state, today)


def template_xlsx(engine, slug: str, department: str, today: date) -> tuple[str, bytes]:
    """(file name, bytes) of the department's inventory template, as `odaudit template` writes it
    for the campaign as stored (contact and council e-mail domain are in campaign.yaml only)."""
    from ..templates.build import file_stem, template_spec
    from ..templates.xlsx import write_xlsx_template
    from .verbs import open_result

    record = open_result(engine, slug, today).campaign
    config = stored_config(record)
    dept = next(d for d in record.departments if d.code == department)
    with tempfile.TemporaryDirectory(prefix="odaudit-template-") as folder:
        path = Path(folder) / f"{file_stem(config, dept)}.xlsx"
        write_xlsx_template(template_spec(config, dept), path)
        return path.name, written(path)


def submission_file(engine, slug: str, submission_id: int) -> dict | None:
    """A stored submission's department, file name and original bytes."""
    from ..store.accounts import submission_file as stored

    with transaction(engine) as session:
        return stored(session, slug, submission_id)
