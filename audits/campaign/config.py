"""campaign.yaml: the campaign, its as-of date and deadline, and the executive bodies in scope."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..data.community import Community, CommunityError, community_of
from ..files import confined
from ..store.records import DepartmentRecord
from .validation import as_json, problems, read_yaml

CONFIG_NAME = "campaign.yaml"
IGNORED = {CONFIG_NAME, "README.md", "readme.md"}


class CampaignConfigError(Exception):
    """campaign.yaml is missing or wrong: the run cannot start (exit 2). ``lines``: every problem,
    one line each (the CLI prints them all)."""

    def __init__(self, message: str, lines: tuple[str, ...] = ()):
        super().__init__(message)
        self.lines = tuple(lines) or (message,)


# A department as campaign.yaml declares it is exactly what the register stores of it.
DepartmentConfig = DepartmentRecord


@dataclass(frozen=True)
class Council:
    """The council a campaign belongs to: carry-over and the clerks' examples come from it only.
    ``council: {name, domain, organization}`` in campaign.yaml; the older keys still count:
    ``city`` for the name, the contact's e-mail domain, ``portal.organization``."""
    name: str | None = None
    domain: str | None = None             # its e-mail domain, e.g. lutskrada.gov.ua
    organization: str | None = None       # its organisation on data.gov.ua

    def email_example(self, local: str = "o.kovalenko") -> str | None:
        return f"{local}@{self.domain}" if self.domain else None


@dataclass(frozen=True)
class CampaignConfig:
    slug: str
    name: str
    directory: Path
    city: str | None = None
    year: int | None = None
    deadline: date | None = None
    as_of: date | None = None
    contact: dict = field(default_factory=dict)
    departments: tuple[DepartmentConfig, ...] = ()
    portal_organization: str | None = None   # the council's organisation on data.gov.ua
    portal_snapshot: Path | None = None      # a saved package_search response, read offline at each run
    demand: tuple[tuple[str, Path], ...] = ()   # (kind, file) of each demand signal file
    community: Community | None = None       # name and bounding box: where the data's coordinates must be
    council: Council = field(default_factory=Council)
    snapshot: object = field(default=None, repr=False, compare=False)   # portal_snapshot parsed (Snapshot)

    def department(self, code: str) -> DepartmentConfig | None:
        return next((d for d in self.departments if d.code == code), None)


def load_campaign(directory: Path, snapshot: bool = True) -> CampaignConfig:
    """The campaign of a folder; campaign.yaml is checked as a whole first (every problem at once),
    then (``snapshot``) its portal snapshot is read and shape-checked; a caller that only wants
    the departments or the community passes ``snapshot=False``."""
    directory = Path(directory)
    path = directory / CONFIG_NAME
    if not path.is_file():
        raise CampaignConfigError(f"{path}: not found; a campaign folder needs {CONFIG_NAME}")
    raw, found = read_yaml(path)
    if not found:
        found = problems(raw, directory)
    if found:
        lines = tuple(f"{path}: {line}" for line in found)
        raise CampaignConfigError("\n".join(lines), lines)
    config = _parse(as_json(raw), directory, path)
    return _with_snapshot(config, path) if snapshot and config.portal_snapshot is not None else config


def _with_snapshot(config: CampaignConfig, path: Path) -> CampaignConfig:
    """The portal snapshot read and shape-checked with the config, before any department's file:
    a broken or wrong-shape one stops the run here (one line), not after every file was read."""
    from dataclasses import replace

    from ..portal.offline import SnapshotFileError, load_snapshot

    try:
        snapshot = load_snapshot(config.portal_snapshot)
    except SnapshotFileError as exc:
        line = f"{path}: portal.snapshot: {exc}"
        raise CampaignConfigError(line) from None
    return replace(config, snapshot=snapshot)


def _parse(raw: dict, directory: Path, path: Path) -> CampaignConfig:
    """A campaign.yaml that passed validation.problems: its values, typed."""
    departments = tuple(_department(d) for d in raw["departments"])
    portal = _portal(raw.get("portal"), raw.get("council"), directory)
    return CampaignConfig(
        slug=raw["campaign"], name=raw["name"], directory=directory,
        city=raw.get("city") or (raw.get("council") or {}).get("name"), year=raw.get("year"),
        deadline=_date(raw.get("deadline")), as_of=_date(raw.get("as_of")), contact=raw.get("contact") or {},
        departments=departments, demand=_demand(raw.get("demand"), directory),
        community=_community(raw.get("community"), path), council=_council(raw, portal["portal_organization"]),
        **portal)


def _council(raw: dict, organization: str | None) -> Council:
    given = raw.get("council") or {}
    email = str((raw.get("contact") or {}).get("email") or "")
    domain = given.get("domain") or (email.rpartition("@")[2].casefold() if "@" in email else None)
    return Council(given.get("name") or raw.get("city"), domain, given.get("organization") or organization)


def folder_community(folder: Path) -> Community | None:
    """The community of the campaign whose folder this is (its campaign.yaml), else None."""
    folder = Path(folder)
    return load_campaign(folder, snapshot=False).community if (folder / CONFIG_NAME).is_file() else None


def _community(raw, path: Path) -> Community | None:
    """``community: {name: NAME, bbox: {lat_min, lat_max, lon_min, lon_max}}``, optional."""
    if raw is None:
        return None
    try:
        return community_of(raw, f"{path}: community")
    except CommunityError as exc:
        raise CampaignConfigError(str(exc)) from None


def _portal(raw, council, directory: Path) -> dict:
    """``portal: {organization: NAME, snapshot: FILE}``, both optional; FILE is relative to the folder.
    The organisation defaults to the council's."""
    raw, council = raw or {}, council or {}
    snapshot = directory / raw["snapshot"] if raw.get("snapshot") else None
    return {"portal_organization": raw.get("organization") or council.get("organization"),
            "portal_snapshot": snapshot}


def _demand(raw, directory: Path) -> tuple[tuple[str, Path], ...]:
    """``demand: [{kind: econsult|info_request|portal_request, file: FILE}, ...]``; FILE relative to the folder."""
    return tuple((entry["kind"], confined(directory, entry["file"])) for entry in raw or ())


def _department(raw: dict) -> DepartmentConfig:
    contact = raw.get("contact") or {}
    return DepartmentConfig(raw["code"], raw["name"], contact.get("person"), contact.get("email"),
                            tuple(raw.get("mandatory") or ()))


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def department_of(path: Path, config: CampaignConfig) -> str | None:
    """The department a file belongs to: its name is the code, or starts with code + '_'/'-'."""
    stem = path.stem.casefold()
    for dept in sorted(config.departments, key=lambda d: -len(d.code)):
        if stem == dept.code or re.match(re.escape(dept.code) + r"[_\- .]", stem):
            return dept.code
    return None


def submitted_files(config: CampaignConfig) -> list[Path]:
    """Every file in the campaign folder except the config, docs and hidden files."""
    return sorted(p for p in config.directory.iterdir()
                  if p.is_file() and not p.name.startswith((".", "~$")) and p.name not in IGNORED)
