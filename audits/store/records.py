"""Plain records the store takes and returns: no SQLAlchemy object leaves audits/store/.

The campaign layer builds these from campaign.yaml and a run, and reads them back to rebuild a
campaign's result (audits.campaign.result)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class DepartmentRecord:
    code: str
    name: str
    person: str | None = None
    email: str | None = None
    mandatory: tuple[str, ...] = ()   # Resolution 835 item ids (e.g. oms-10) this body is expected to hold


@dataclass(frozen=True)
class CampaignRecord:
    slug: str
    name: str
    city: str | None = None
    year: int | None = None
    deadline: date | None = None
    as_of: date | None = None
    portal_organization: str | None = None
    departments: tuple[DepartmentRecord, ...] = ()


@dataclass
class SubmissionRecord:
    """One received file as the register knows it; a new one (``stored`` False) has a
    provisional negative ``id`` until the store inserts it.
    ``items``, ``findings`` and ``content`` are filled only where the caller needs them."""
    department: str | None
    filename: str
    sha256: str | None
    received_at: datetime
    valid: bool
    is_current: bool
    rows: int = 0
    sheet: str | None = None
    errors: int = 0
    warnings: int = 0
    id: int = 0
    stored: bool = True
    items: list[dict] | None = None          # {"row": n, **values as JSON}
    findings: list | None = None             # Finding, file scope
    content: bytes | None = None


@dataclass
class StoredState:
    """What the register holds of one campaign, read in one transaction."""
    campaign: CampaignRecord
    submissions: list[SubmissionRecord] = field(default_factory=list)   # (received_at, id) order
    cross: list = field(default_factory=list)                 # (Finding, submission id) of the last run
    decisions: dict = field(default_factory=dict)             # "department/item id" → decision in force
    history: list[dict] = field(default_factory=list)         # every decision, superseded ones included
    data_check_shares: dict[str, float] = field(default_factory=dict)
    screened: dict = field(default_factory=dict)              # (department, item id) → reason
    demand_files: list[dict] = field(default_factory=list)
    demand_matches: list = field(default_factory=list)        # SignalMatch of the last run
    snapshot: dict | None = None      # {"packages", "source", "organization", "as_of"} of the latest snapshot


@dataclass(frozen=True)
class ExportRow:
    """One row of a proposals export, as the working group's sheet showed it."""
    data: dict
    title: str
    department: str
    item_id: str
    fingerprint: str
