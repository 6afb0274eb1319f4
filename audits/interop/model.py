"""One catalogue model of a campaign, built from plain data (the register rows, the portal
packages, the scores) and written by every writer: DCAT-AP (dcat.py), DQV (dqv.py) and the
Project Open Data data.json (pod.py)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import quote

PORTAL = "https://data.gov.ua"


@dataclass(frozen=True)
class Distribution:
    iri: str
    access_url: str
    title: str | None = None
    download_url: str | None = None
    format: str | None = None            # our or the portal's format name (CSV, XLSX, …)
    media_type: str | None = None
    modified: date | None = None
    byte_size: int | None = None


@dataclass(frozen=True)
class Dataset:
    iri: str
    key: str                             # the quality score's key (audits.quality.facts.DatasetFacts.key)
    source: str                          # "inventory" or "portal"
    identifier: str
    title: str
    description: str | None
    publisher: str | None                # the body that holds it
    contact_name: str | None = None
    contact_email: str | None = None
    keywords: tuple[str, ...] = ()
    frequency: str | None = None         # data.gov.ua frequency code
    modified: date | None = None
    issued: date | None = None
    landing_page: str | None = None
    language: str | None = None
    access: str | None = None            # our «Рівень доступу»
    licence: str | None = None           # a data.gov.ua licence id
    distributions: tuple[Distribution, ...] = ()


@dataclass(frozen=True)
class Catalog:
    iri: str
    slug: str
    title: str
    description: str
    publisher: str
    as_of: date
    homepage: str | None = None
    datasets: tuple[Dataset, ...] = field(default_factory=tuple)


def catalog_of(campaign, register: list[dict], packages: list[dict], as_of: date, base: str | None = None) -> Catalog:
    """``campaign``: the CampaignRecord; ``base``: the IRI the catalogue's own resources hang
    under (default ``urn:odaudit:<slug>:``); portal packages keep their portal address."""
    base = base or f"urn:odaudit:{campaign.slug}:"
    publisher = organization_title(packages, campaign.portal_organization) or campaign.city or campaign.name
    datasets = tuple(inventory_dataset(row, base) for row in register) + tuple(portal_dataset(p) for p in packages)
    return Catalog(base + "catalog", campaign.slug, campaign.name,
                   f"Реєстр наборів даних і набори даних на порталі: {campaign.name}", publisher, as_of,
                   f"{PORTAL}/organization/{campaign.portal_organization}" if campaign.portal_organization else None,
                   datasets)


def organization_title(packages: list[dict], organization: str | None) -> str | None:
    """The council's name as the portal writes it (its organisation's title), if a package says it."""
    for package in packages:
        org = package.get("organization") or {}
        if isinstance(org, dict) and org.get("title") and organization in (org.get("name"), org.get("id")):
            return org["title"]
    return None


def inventory_dataset(row: dict, base: str) -> Dataset:
    key = f"{row['department_code']}:{row['row']}"
    iri = f"{base}dataset:{quote(row['department_code'])}:{quote(str(row.get('id') or row['row']))}"
    url = row.get("portal_url") or None
    distributions = (Distribution(iri + ":distribution", url, row.get("title"), None, row.get("format")),) \
        if url else ()
    return Dataset(iri, key, "inventory", str(row.get("id") or key), row.get("title") or "", row.get("description"),
                   row.get("department") or row.get("department_name"), row.get("responsible_person"),
                   row.get("responsible_email"), _keywords(row.get("keywords")),
                   _frequency(row.get("update_frequency")),
                   _date(row.get("last_updated")), None, url, row.get("language"), row.get("access"), None,
                   distributions)


def portal_dataset(package: dict) -> Dataset:
    pid = str(package.get("id") or package.get("name"))
    iri = f"{PORTAL}/dataset/{quote(pid)}"
    organization = package.get("organization") or {}
    resources = [r for r in package.get("resources") or [] if isinstance(r, dict) and _http(r.get("url"))]
    return Dataset(iri, pid, "portal", pid, package.get("title") or "", package.get("notes"),
                   organization.get("title") or organization.get("name"), package.get("maintainer"),
                   package.get("maintainer_email"),
                   tuple(t["name"] for t in package.get("tags") or [] if isinstance(t, dict) and t.get("name")),
                   _frequency(package.get("update_frequency")), _date(package.get("metadata_modified")),
                   _date(package.get("metadata_created")), f"{PORTAL}/dataset/{quote(str(package.get('name') or pid))}",
                   package.get("language"), None, package.get("license_id") or None,
                   tuple(_resource(iri, i, r) for i, r in enumerate(resources)))


def _resource(dataset_iri: str, index: int, resource: dict) -> Distribution:
    size = resource.get("size")
    return Distribution(f"{dataset_iri}/resource/{quote(str(resource.get('id') or index))}", resource["url"],
                        resource.get("name"), resource["url"], resource.get("format"),
                        resource.get("mimetype") or None, _date(resource.get("last_modified")),
                        int(size) if isinstance(size, int) or (isinstance(size, str) and size.isdigit()) else None)


def _http(url) -> bool:
    return isinstance(url, str) and url.lower().startswith(("http://", "https://"))


def _keywords(text) -> tuple[str, ...]:
    if not text:
        return ()
    return tuple(k.strip() for k in str(text).replace(";", ",").split(",") if k.strip())


def _frequency(value) -> str | None:
    from ..quality.timeliness import frequency_code

    return frequency_code(value)


def _date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not value:
        return None
    try:
        text = str(value)
        return datetime.fromisoformat(text[:19]).date() if "T" in text else date.fromisoformat(text[:10])
    except ValueError:
        return None
