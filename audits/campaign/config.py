"""campaign.yaml: the campaign, its as-of date and deadline, and the executive bodies in scope."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from ..catalogue.catalogue import load_catalogue
from ..data.community import Community, CommunityError, community_of
from ..store.records import DepartmentRecord

CONFIG_NAME = "campaign.yaml"
CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
IGNORED = {CONFIG_NAME, "README.md", "readme.md"}


class CampaignConfigError(Exception):
    """campaign.yaml is missing or wrong: the run cannot start (exit 2)."""


# A department as campaign.yaml declares it is exactly what the register stores of it.
DepartmentConfig = DepartmentRecord


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

    def department(self, code: str) -> DepartmentConfig | None:
        return next((d for d in self.departments if d.code == code), None)


def load_campaign(directory: Path) -> CampaignConfig:
    directory = Path(directory)
    path = directory / CONFIG_NAME
    if not path.is_file():
        raise CampaignConfigError(f"{path}: not found; a campaign folder needs {CONFIG_NAME}")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise CampaignConfigError(f"{path}: not valid YAML: {exc}") from exc
    return _parse(raw, directory, path)


def _parse(raw: dict, directory: Path, path: Path) -> CampaignConfig:
    for key in ("campaign", "name", "departments"):
        if not raw.get(key):
            raise CampaignConfigError(f"{path}: '{key}' is required")
    departments = tuple(_department(d, path) for d in raw["departments"])
    codes = [d.code for d in departments]
    if len(set(codes)) != len(codes):
        raise CampaignConfigError(f"{path}: department codes must be unique")
    return CampaignConfig(
        slug=str(raw["campaign"]), name=str(raw["name"]), directory=directory,
        city=raw.get("city"), year=raw.get("year"), deadline=_date(raw.get("deadline"), "deadline", path),
        as_of=_date(raw.get("as_of"), "as_of", path), contact=raw.get("contact") or {},
        departments=departments, demand=_demand(raw.get("demand"), directory, path),
        community=_community(raw.get("community"), path), **_portal(raw.get("portal"), directory, path))


def folder_community(folder: Path) -> Community | None:
    """The community of the campaign whose folder this is (its campaign.yaml), else None."""
    folder = Path(folder)
    return load_campaign(folder).community if (folder / CONFIG_NAME).is_file() else None


def _community(raw, path: Path) -> Community | None:
    """``community: {name: NAME, bbox: {lat_min, lat_max, lon_min, lon_max}}``, optional."""
    if raw is None:
        return None
    try:
        return community_of(raw, f"{path}: community")
    except CommunityError as exc:
        raise CampaignConfigError(str(exc)) from None


def _portal(raw, directory: Path, path: Path) -> dict:
    """``portal: {organization: NAME, snapshot: FILE}``, both optional; FILE is relative to the folder."""
    if raw is None:
        return {}
    if not isinstance(raw, dict) or set(raw) - {"organization", "snapshot"}:
        raise CampaignConfigError(f"{path}: 'portal' takes 'organization' and 'snapshot' (got {raw!r})")
    snapshot = directory / str(raw["snapshot"]) if raw.get("snapshot") else None
    if snapshot is not None and not snapshot.is_file():
        raise CampaignConfigError(f"{path}: portal snapshot {snapshot} not found")
    return {"portal_organization": raw.get("organization"), "portal_snapshot": snapshot}


def _demand(raw, directory: Path, path: Path) -> tuple[tuple[str, Path], ...]:
    """``demand: [{kind: econsult|info_request|portal_request, file: FILE}, ...]``; FILE relative to the folder."""
    from ..proposals.demand.kinds import KINDS

    if raw is None:
        return ()
    entries = raw if isinstance(raw, list) else [None]
    found = []
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("kind") not in KINDS or not entry.get("file"):
            raise CampaignConfigError(f"{path}: each 'demand' entry needs 'kind' (one of {', '.join(KINDS)}) "
                                      f"and 'file' (got {entry!r})")
        file = directory / str(entry["file"])
        if not file.is_file():
            raise CampaignConfigError(f"{path}: demand file {file} not found")
        found.append((entry["kind"], file))
    return tuple(found)


def _department(raw: dict, path: Path) -> DepartmentConfig:
    code = str(raw.get("code", ""))
    if not CODE.match(code) or not raw.get("name"):
        raise CampaignConfigError(f"{path}: each department needs a lowercase latin 'code' and a 'name' (got {raw!r})")
    contact = raw.get("contact") or {}
    mandatory = tuple(str(i) for i in raw.get("mandatory") or ())
    unknown = set(mandatory) - {item.id for item in load_catalogue("council")}
    if unknown:
        raise CampaignConfigError(f"{path}: department {code}: unknown Resolution 835 items {sorted(unknown)} "
                                  "(see 'odaudit catalogue list')")
    return DepartmentConfig(code, str(raw["name"]), contact.get("person"), contact.get("email"), mandatory)


def _date(value, key: str, path: Path) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise CampaignConfigError(f"{path}: '{key}' must be a date like 2020-06-01") from exc


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
