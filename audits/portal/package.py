"""A CKAN package (as data.gov.ua returns it) → dataset facts for the quality indicators."""
from __future__ import annotations

from datetime import date, datetime

from ..quality.facts import PORTAL, DatasetFacts, Passport
from ..quality.timeliness import frequency_code

SCHEMA_HINTS = ("schema", "describedby", "described_by", "conforms_to")


def parse_date(value) -> date | None:
    """CKAN timestamps ("2020-05-01T10:00:00.123456", with or without a zone) → date."""
    if not value:
        return None
    text = str(value).strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None


def last_update(package: dict) -> date | None:
    """The latest of the package's and its resources' modification dates."""
    dates = [parse_date(package.get("metadata_modified"))]
    dates += [parse_date(r.get("last_modified")) for r in _resources(package)]
    dates = [d for d in dates if d]
    return max(dates) if dates else None


def _resources(package: dict) -> list[dict]:
    return [r for r in package.get("resources") or [] if isinstance(r, dict)]


def formats(package: dict) -> tuple[str, ...]:
    seen = []
    for r in _resources(package):
        fmt = str(r.get("format") or "").strip().lstrip(".").upper()
        if fmt and fmt not in seen:
            seen.append(fmt)
    return tuple(seen)


def _name(value) -> str | None:
    if isinstance(value, dict):
        return value.get("display_name") or value.get("name")
    return str(value) if value else None


def tags(package: dict) -> tuple[str, ...]:
    return tuple(t for t in (_name(t) for t in package.get("tags") or []) if t)


def organization(package: dict) -> str | None:
    org = package.get("organization")
    if isinstance(org, dict):
        return org.get("title") or org.get("name")
    return _name(org)


def has_schema(package: dict) -> bool:
    return any(r.get(k) for r in _resources(package) for k in SCHEMA_HINTS)


def package_facts(package: dict, department: str | None = None) -> DatasetFacts:
    resources = _resources(package)
    fmts, keywords, updated = formats(package), tags(package), last_update(package)
    passport = {
        "identifier": package.get("id"), "title": package.get("title"), "description": package.get("notes"),
        "language": package.get("language"), "formats": fmts,
        "first_published": package.get("metadata_created"), "last_update": updated,
        "update_frequency": package.get("update_frequency"), "keywords": keywords,
        "link": [r.get("url") for r in resources if r.get("url")],
        "responsible_person": package.get("maintainer"), "responsible_email": package.get("maintainer_email"),
        "purpose": package.get("purpose_of_collecting_information"),
    }
    return DatasetFacts(
        key=str(package.get("id") or package.get("name")), source=PORTAL,
        title=str(package.get("title") or package.get("name") or ""), department=department,
        organization=organization(package), description=package.get("notes"), formats=fmts,
        update_frequency=frequency_code(package.get("update_frequency")), last_update=updated,
        published=True, licence=package.get("license_id"), contact_person=package.get("maintainer"),
        contact_email=package.get("maintainer_email"), keywords=keywords, has_schema=has_schema(package),
        url=package.get("url") or None, passport=Passport(passport))
