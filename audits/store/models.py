"""SQLAlchemy 2 models of the register. Migrations in ``migrations/`` must match these."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Campaign(Base):
    __tablename__ = "campaign"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(500))
    city: Mapped[str | None] = mapped_column(String(200))
    year: Mapped[int | None] = mapped_column(Integer)
    deadline: Mapped[date | None] = mapped_column(Date)
    as_of: Mapped[date | None] = mapped_column(Date)
    portal_organization: Mapped[str | None] = mapped_column(String(300))
    departments: Mapped[list["Department"]] = relationship(back_populates="campaign", order_by="Department.code")


class Department(Base):
    __tablename__ = "department"
    __table_args__ = (UniqueConstraint("campaign_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"))
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(500))
    contact_person: Mapped[str | None] = mapped_column(String(300))
    contact_email: Mapped[str | None] = mapped_column(String(300))
    mandatory: Mapped[list | None] = mapped_column(JSON)   # Resolution 835 item ids it is expected to hold
    campaign: Mapped[Campaign] = relationship(back_populates="departments")


class Submission(Base):
    """One received file, stored once per sha256 for a department; the original bytes kept."""
    __tablename__ = "submission"
    __table_args__ = (UniqueConstraint("campaign_id", "department_id", "sha256"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    filename: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes | None] = mapped_column(LargeBinary)   # None only when over the size limit
    received_at: Mapped[datetime] = mapped_column(DateTime)
    sheet: Mapped[str | None] = mapped_column(String(300))
    rows: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    valid: Mapped[bool] = mapped_column(Boolean)
    is_current: Mapped[bool] = mapped_column(Boolean, default=False)
    department: Mapped[Department | None] = relationship()
    items: Mapped[list["InventoryItem"]] = relationship(back_populates="submission", order_by="InventoryItem.row")
    findings: Mapped[list["FindingRow"]] = relationship(back_populates="submission")


class InventoryItem(Base):
    """One row of a submitted inventory, typed; the full row is kept in ``data``."""
    __tablename__ = "inventory_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"))
    row: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str | None] = mapped_column(String(100))
    title: Mapped[str | None] = mapped_column(Text)
    update_frequency: Mapped[str | None] = mapped_column(String(100))
    last_updated: Mapped[date | None] = mapped_column(Date)
    current_as_of: Mapped[date | None] = mapped_column(Date)
    records: Mapped[int | None] = mapped_column(Integer)
    personal_data: Mapped[bool | None] = mapped_column(Boolean)
    access: Mapped[str | None] = mapped_column(String(50))
    published: Mapped[bool | None] = mapped_column(Boolean)
    portal_url: Mapped[str | None] = mapped_column(Text)
    catalogue_ref: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict] = mapped_column(JSON)
    submission: Mapped[Submission] = relationship(back_populates="items")


class FindingRow(Base):
    """A stored Finding. ``scope`` is 'file' (from one file) or 'campaign' (across departments)."""
    __tablename__ = "finding"
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"))
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submission.id"))
    scope: Mapped[str] = mapped_column(String(20), default="file")
    code: Mapped[str] = mapped_column(String(64))
    severity: Mapped[str] = mapped_column(String(10))
    department: Mapped[str | None] = mapped_column(String(64))
    file: Mapped[str | None] = mapped_column(String(500))
    sheet: Mapped[str | None] = mapped_column(String(300))
    row: Mapped[int | None] = mapped_column(Integer)
    column: Mapped[str | None] = mapped_column(String(500))
    column_letter: Mapped[str | None] = mapped_column(String(10))
    field: Mapped[str | None] = mapped_column(String(64))
    value: Mapped[str | None] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    submission: Mapped[Submission | None] = relationship(back_populates="findings")


class CoverageLink(Base):
    """A register row linked to a Resolution 835 item (by reference or confident title match).
    Recomputed from the register at each run; rows change only when the links change."""
    __tablename__ = "coverage_link"
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"))
    catalogue_id: Mapped[str] = mapped_column(String(20))
    department: Mapped[str] = mapped_column(String(64))
    row: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    method: Mapped[str] = mapped_column(String(20))
    score: Mapped[float] = mapped_column(Float)
    published: Mapped[bool] = mapped_column(Boolean)
    portal_url: Mapped[str | None] = mapped_column(Text)


class PortalSnapshot(Base):
    """One monitor run: what the portal (or a saved response) listed, scored as of ``as_of``."""
    __tablename__ = "portal_snapshot"
    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(Text)                    # the API base URL or the file read
    organization: Mapped[str | None] = mapped_column(String(300))
    taken_at: Mapped[datetime] = mapped_column(DateTime)
    as_of: Mapped[date] = mapped_column(Date)
    package_count: Mapped[int] = mapped_column(Integer)
    summary: Mapped[dict] = mapped_column(JSON)
    fingerprint: Mapped[str] = mapped_column(String(64))        # sha256 of the packages as read
    packages: Mapped[list["PortalPackage"]] = relationship(back_populates="snapshot", order_by="PortalPackage.id")


class PortalPackage(Base):
    """A package of a snapshot with its quality score; ``raw`` is the package as the portal gave it."""
    __tablename__ = "portal_package"
    id: Mapped[int] = mapped_column(primary_key=True)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("portal_snapshot.id"), index=True)
    package_id: Mapped[str] = mapped_column(String(200))
    name: Mapped[str | None] = mapped_column(String(300))
    title: Mapped[str] = mapped_column(Text)
    organization: Mapped[str | None] = mapped_column(String(500))
    update_frequency: Mapped[str | None] = mapped_column(String(100))
    last_update: Mapped[date | None] = mapped_column(Date)
    timeliness: Mapped[str] = mapped_column(String(30))
    days_since_update: Mapped[int | None] = mapped_column(Integer)
    days_overdue: Mapped[int | None] = mapped_column(Integer)
    score: Mapped[float | None] = mapped_column(Float)
    band: Mapped[str | None] = mapped_column(String(20))
    department: Mapped[str | None] = mapped_column(String(64))     # owner, through the register join
    catalogue_id: Mapped[str | None] = mapped_column(String(20))
    indicators: Mapped[list] = mapped_column(JSON)
    raw: Mapped[dict] = mapped_column(JSON)
    snapshot: Mapped[PortalSnapshot] = relationship(back_populates="packages")


class DemandFile(Base):
    """A demand file a campaign names (e-consultations, requests for information, portal requests)."""
    __tablename__ = "demand_file"
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    file: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str | None] = mapped_column(String(64))
    signals: Mapped[int] = mapped_column(Integer)
    errors: Mapped[int] = mapped_column(Integer)
    findings: Mapped[list] = mapped_column(JSON)        # Finding.to_dict() of its problems


class DemandSignal(Base):
    """One citizen signal and the register item it was matched to (none: nobody holds it)."""
    __tablename__ = "demand_signal"
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    signal_id: Mapped[str] = mapped_column(String(200))
    file: Mapped[str] = mapped_column(String(500))
    row: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    weight: Mapped[int] = mapped_column(Integer)
    date: Mapped[date | None] = mapped_column(Date)
    requester: Mapped[str | None] = mapped_column(String(200))
    named_department: Mapped[str | None] = mapped_column(String(500))
    department: Mapped[str | None] = mapped_column(String(64))     # of the matched item
    item_row: Mapped[int | None] = mapped_column(Integer)
    item_id: Mapped[str | None] = mapped_column(String(100))
    score: Mapped[float] = mapped_column(Float)


class ProposalExport(Base):
    """One ranking as handed to the working group (proposals.xlsx carries its id)."""
    __tablename__ = "proposal_export"
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    as_of: Mapped[date | None] = mapped_column(Date)
    fingerprint: Mapped[str] = mapped_column(String(64))    # of all its rows: the same ranking is kept once
    weights: Mapped[dict] = mapped_column(JSON)
    rows: Mapped[list["ProposalRow"]] = relationship(back_populates="export", order_by="ProposalRow.position")


class ProposalRow(Base):
    """A compliance gap or a proposal as exported, with what the group saw."""
    __tablename__ = "proposal_row"
    id: Mapped[int] = mapped_column(primary_key=True)
    export_id: Mapped[int] = mapped_column(ForeignKey("proposal_export.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)            # № in the sheet
    kind: Mapped[str] = mapped_column(String(20))
    rank: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(String(100))
    department: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)
    score: Mapped[float] = mapped_column(Float)
    fingerprint: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict] = mapped_column(JSON)                  # Proposal.to_dict()
    export: Mapped[ProposalExport] = relationship(back_populates="rows")


class Decision(Base):
    """The working group's decision on one item; a later one supersedes it, both stay."""
    __tablename__ = "decision"
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"), index=True)
    export_id: Mapped[int] = mapped_column(ForeignKey("proposal_export.id"))
    department: Mapped[str] = mapped_column(String(64))
    item_id: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(Text)
    decision: Mapped[str] = mapped_column(String(20))         # схвалити / відхилити / відкласти
    comment: Mapped[str | None] = mapped_column(Text)
    responsible: Mapped[str | None] = mapped_column(String(300))
    deadline: Mapped[date | None] = mapped_column(Date)
    decided_by: Mapped[str | None] = mapped_column(String(300))   # who recorded it (the group's secretary)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    source_file: Mapped[str] = mapped_column(String(500))
    source_sha256: Mapped[str] = mapped_column(String(64))
    superseded_by: Mapped[int | None] = mapped_column(ForeignKey("decision.id"))
    data: Mapped[dict] = mapped_column(JSON)                  # the proposal row as exported


class DataCheck(Base):
    """One check of a data file behind a register item (issue 7): its validation against the
    dataset schema, its expectations and the privacy screen. A file with personal-data hits
    blocks its item from proposals until reviewed (``review``: pending → cleared / confirmed)."""
    __tablename__ = "data_check"
    __table_args__ = (UniqueConstraint("campaign_id", "item_key", "sha256"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"), index=True)
    item_key: Mapped[str] = mapped_column(String(200))          # "<department code>:<inventory id>"
    source: Mapped[str] = mapped_column(Text)                    # the file path or URL checked
    sha256: Mapped[str] = mapped_column(String(64))
    checked_at: Mapped[datetime] = mapped_column(DateTime)
    schema_name: Mapped[str | None] = mapped_column(String(100))
    rows: Mapped[int] = mapped_column(Integer, default=0)
    valid: Mapped[bool | None] = mapped_column(Boolean)         # None: not validated (no schema)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    expectations_share: Mapped[float | None] = mapped_column(Float)
    privacy_hits: Mapped[int] = mapped_column(Integer, default=0)
    privacy_kinds: Mapped[dict] = mapped_column(JSON, default=dict)
    findings: Mapped[list] = mapped_column(JSON, default=list)
    review: Mapped[str] = mapped_column(String(20), default="not-needed")   # not-needed | pending | cleared | confirmed
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime)
    review_note: Mapped[str | None] = mapped_column(Text)


class WebUser(Base):
    """An account of the web app (issue 15). ``role``: ict · department · working-group · secretary;
    ``department``: its department code (department role); ``council``: the portal organisation
    whose campaigns it sees (none: every campaign). The password is kept only as an argon2 hash."""
    __tablename__ = "web_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    department: Mapped[str | None] = mapped_column(String(64))
    council: Mapped[str | None] = mapped_column(String(300))
    password_hash: Mapped[str] = mapped_column(String(300))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    sessions_after: Mapped[int] = mapped_column(BigInteger, default=0)   # epoch ms of the last sign-out


class AuditEvent(Base):
    """Who did what in the web app, when and from where: every upload, decision and sign-in."""
    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    username: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    campaign: Mapped[str | None] = mapped_column(String(100))
    department: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
class LinkCheck(Base):
    """One try of a link (issue 17): its answer, kept per URL and day, so a second check on the same
    day reuses it (audits.interop.links). ``url_sha256`` keys it: a URL may be longer than an index allows."""
    __tablename__ = "link_check"
    __table_args__ = (UniqueConstraint("url_sha256", "checked_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    url_sha256: Mapped[str] = mapped_column(String(64))
    checked_on: Mapped[date] = mapped_column(Date, index=True)
    checked_at: Mapped[datetime] = mapped_column(DateTime)
    status: Mapped[int | None] = mapped_column(Integer)
    final_url: Mapped[str | None] = mapped_column(Text)
    redirects: Mapped[list] = mapped_column(JSON, default=list)
    content_type: Mapped[str | None] = mapped_column(String(200))
    size: Mapped[int | None] = mapped_column(BigInteger)
    size_capped: Mapped[bool] = mapped_column(Boolean, default=False)
    method: Mapped[str | None] = mapped_column(String(10))
    error: Mapped[str | None] = mapped_column(String(40))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    seconds: Mapped[float] = mapped_column(Float, default=0.0)
class SentMail(Base):
    """One e-mail accepted by the SMTP server (odaudit notify --send): the same ``key`` (the
    department's file version and the attachment) is never sent again."""
    __tablename__ = "sent_mail"
    __table_args__ = (UniqueConstraint("campaign_id", "department_code", "kind", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"), index=True)
    department_code: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))                # feedback | reminders
    key: Mapped[str] = mapped_column(String(200))
    recipient: Mapped[str] = mapped_column(String(300))
    subject: Mapped[str] = mapped_column(String(500))
    sent_at: Mapped[datetime] = mapped_column(DateTime)


class NationalResult(Base):
    """One organisation's row of a national run (the league table), per audit date: a rerun
    skips the organisations that already have theirs."""
    __tablename__ = "national_result"
    __table_args__ = (UniqueConstraint("as_of", "organization"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    as_of: Mapped[date] = mapped_column(Date, index=True)
    organization: Mapped[str] = mapped_column(String(300))
    title: Mapped[str | None] = mapped_column(String(500))
    snapshot_id: Mapped[int | None] = mapped_column(ForeignKey("portal_snapshot.id"))
    packages: Mapped[int] = mapped_column(Integer)
    catalogue_items: Mapped[int] = mapped_column(Integer)       # distinct Resolution 835 items matched
    coverage: Mapped[float] = mapped_column(Float)              # share of the 73 council items
    on_time: Mapped[int] = mapped_column(Integer)
    late: Mapped[int] = mapped_column(Integer)
    unknown: Mapped[int] = mapped_column(Integer)
    timeliness: Mapped[float | None] = mapped_column(Float)     # share of packages on time
    mean_score: Mapped[float | None] = mapped_column(Float)
    band: Mapped[str | None] = mapped_column(String(40))
    trend: Mapped[str | None] = mapped_column(String(20))       # better | worse | same | new
    finished_at: Mapped[datetime] = mapped_column(DateTime)
