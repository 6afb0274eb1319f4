"""The catalogue model as a DCAT-US / Project Open Data 1.1 data.json, for councils that want it."""
from __future__ import annotations

from . import vocabularies as v
from .model import Catalog, Dataset
from .themes import themes_of

SCHEMA = "https://project-open-data.cio.gov/v1.1/schema"
PERIODICITY = {"more than once a day": "R/PT1H", "once a day": "R/P1D", "once a week": "R/P1W",
               "once a month": "R/P1M", "once a quarter": "R/P3M", "once a half year": "R/P6M",
               "once a year": "R/P1Y", "immediately after making changes": "irregular",
               "no longer updated": "irregular"}
ACCESS_LEVEL = {"відкрита": "public", "службова": "restricted public", "конфіденційна": "non-public",
                "таємна": "non-public"}


def data_json(catalog: Catalog) -> dict:
    return {"@context": f"{SCHEMA}/catalog.jsonld", "@id": catalog.iri, "@type": "dcat:Catalog",
            "conformsTo": SCHEMA, "describedBy": f"{SCHEMA}/catalog.json",
            "dataset": [pod_dataset(d, catalog) for d in catalog.datasets]}


def pod_dataset(d: Dataset, catalog: Catalog) -> dict:
    found = {"@type": "dcat:Dataset", "identifier": d.iri, "title": d.title, "description": d.description or d.title,
             "keyword": list(d.keywords) or [d.title], "modified": (d.modified or catalog.as_of).isoformat(),
             "publisher": {"@type": "org:Organization", "name": d.publisher or catalog.publisher},
             "contactPoint": _contact(d), "accessLevel": ACCESS_LEVEL.get(d.access or "", "public")}
    licence = v.LICENCES.get((d.licence or "").lower())
    optional = {"license": licence.iri if licence else None, "accrualPeriodicity": PERIODICITY.get(d.frequency or ""),
                "landingPage": d.landing_page, "issued": d.issued.isoformat() if d.issued else None,
                "language": [c.iri.rsplit("/", 1)[-1].lower()[:2] for c in v.languages(d.language)] or None,
                "theme": [v.THEMES[t.name].label for t in themes_of(d.title, d.description, " ".join(d.keywords))
                          if t.name in v.THEMES] or None,
                "distribution": [_distribution(x) for x in d.distributions] or None}
    return {**found, **{k: value for k, value in optional.items() if value}}


def _contact(d: Dataset) -> dict:
    contact = {"@type": "vcard:Contact", "fn": d.contact_name or d.publisher or ""}
    if d.contact_email and "@" in d.contact_email:
        contact["hasEmail"] = "mailto:" + d.contact_email.strip()
    return contact


def _distribution(x) -> dict:
    found = {"@type": "dcat:Distribution", "title": x.title, "format": x.format, "mediaType": x.media_type}
    found["downloadURL" if x.download_url else "accessURL"] = x.download_url or x.access_url
    return {k: value for k, value in found.items() if value}
