"""The EU controlled vocabularies odaudit maps to (Publications Office authority tables, the
data-theme table and the HVD categories), with the labels written into the export so that the
concepts satisfy DCAT-AP's range shapes (a skos:Concept needs a skos:prefLabel)."""
from __future__ import annotations

from dataclasses import dataclass

AUTHORITY = "http://publications.europa.eu/resource/authority/"
FREQUENCY_TABLE = AUTHORITY + "frequency"
FILE_TYPE_TABLE = AUTHORITY + "file-type"
LICENCE_TABLE = AUTHORITY + "licence"
ACCESS_TABLE = AUTHORITY + "access-right"
THEME_TABLE = AUTHORITY + "data-theme"
LANGUAGE_TABLE = AUTHORITY + "language"
HVD_TABLE = "http://data.europa.eu/bna/asd487ae75"
HVD_LEGISLATION = "http://data.europa.eu/eli/reg_impl/2023/138/oj"


@dataclass(frozen=True)
class Concept:
    iri: str
    label: str
    scheme: str


def _table(scheme: str, entries: dict[str, tuple[str, str]]) -> dict[str, Concept]:
    return {key: Concept(f"{scheme}/{code}", label, scheme) for key, (code, label) in entries.items()}


# data.gov.ua frequency code (audits.quality.timeliness.frequency_code) → EU frequency table.
# "More than once a day" has no fixed period on the portal: continuously updated; "immediately
# after making changes" has none either: irregular; "no longer updated": never.
FREQUENCIES = _table(FREQUENCY_TABLE, {
    "more than once a day": ("UPDATE_CONT", "continuously updated"),
    "once a day": ("DAILY", "daily"),
    "once a week": ("WEEKLY", "weekly"),
    "once a month": ("MONTHLY", "monthly"),
    "once a quarter": ("QUARTERLY", "quarterly"),
    "once a half year": ("ANNUAL_2", "semiannual"),
    "once a year": ("ANNUAL", "annual"),
    "immediately after making changes": ("IRREG", "irregular"),
    "no longer updated": ("NEVER", "never"),
})

# Our format list (schemas/inventory.schema.yaml) and the portal's resource formats → EU file types.
FILE_TYPES = _table(FILE_TYPE_TABLE, {
    "CSV": ("CSV", "CSV"), "XLSX": ("XLSX", "XLSX"), "XLS": ("XLS", "XLS"), "ODS": ("ODS", "ODS"),
    "JSON": ("JSON", "JSON"), "XML": ("XML", "XML"), "GEOJSON": ("GEOJSON", "GeoJSON"), "SHP": ("SHP", "SHP"),
    "DOCX": ("DOCX", "DOCX"), "DOC": ("DOC", "DOC"), "PDF": ("PDF", "PDF"), "ZIP": ("ZIP", "ZIP"),
    "HTML": ("HTML", "HTML"), "RDF": ("RDF", "RDF"), "TXT": ("TXT", "TXT"), "KML": ("KML", "KML"),
})

# data.gov.ua licence ids → EU licence table.
LICENCES = _table(LICENCE_TABLE, {
    "cc-by": ("CC_BY_4_0", "Creative Commons Attribution 4.0 International"),
    "cc-by-sa": ("CC_BYSA_4_0", "Creative Commons Attribution-ShareAlike 4.0 International"),
    "cc-zero": ("CC0", "Creative Commons CC0 1.0 Universal"),
    "cc-nc": ("CC_BYNC_4_0", "Creative Commons Attribution-NonCommercial 4.0 International"),
    "odc-odbl": ("ODC_BL", "Open Data Commons Open Database License 1.0"),
    "odc-by": ("ODC_BY", "Open Data Commons Attribution License 1.0"),
    "odc-pddl": ("ODC_PDDL", "Open Data Commons Public Domain Dedication and Licence 1.0"),
})

# Our «Рівень доступу» → EU access-right table.
ACCESS = _table(ACCESS_TABLE, {
    "відкрита": ("PUBLIC", "public"), "службова": ("RESTRICTED", "restricted"),
    "конфіденційна": ("NON_PUBLIC", "non-public"), "таємна": ("NON_PUBLIC", "non-public"),
})

# config/proposals.yaml theme → EU data theme.
THEMES = _table(THEME_TABLE, {
    "budget": ("ECON", "Economy and finance"), "property": ("GOVE", "Government and public sector"),
    "land": ("REGI", "Regions and cities"), "transport": ("TRAN", "Transport"),
    "environment": ("ENVI", "Environment"), "education": ("EDUC", "Education, culture and sport"),
    "health": ("HEAL", "Health"), "safety": ("JUST", "Justice, legal system and public safety"),
})

# The Ukrainian HVD labels of config/proposals.yaml → the HVD category table.
HVD = {label: Concept(f"http://data.europa.eu/bna/{code}", en, HVD_TABLE) for label, (code, en) in {
    "геопросторові дані": ("c_ac64a52d", "Geospatial"),
    "спостереження Землі та довкілля": ("c_dd313021", "Earth observation and environment"),
    "метеорологічні дані": ("c_164e0bf5", "Meteorological"),
    "статистика": ("c_e1da4e07", "Statistics"),
    "компанії та власність компаній": ("c_a9135398", "Companies and company ownership"),
    "мобільність": ("c_b79e35eb", "Mobility"),
}.items()}

# Our «Мова» and the portal's language codes → EU language table.
LANGUAGES = _table(LANGUAGE_TABLE, {"uk": ("UKR", "Ukrainian"), "en": ("ENG", "English")})
LANGUAGE_OF_LABEL = {"українська": ("uk",), "англійська": ("en",), "українська, англійська": ("uk", "en"),
                     "uk": ("uk",), "en": ("en",), "ua": ("uk",)}

SCHEME_TITLES = {FREQUENCY_TABLE: "Frequency", FILE_TYPE_TABLE: "File type", LICENCE_TABLE: "Licence",
                 ACCESS_TABLE: "Access right", THEME_TABLE: "Data theme", LANGUAGE_TABLE: "Language",
                 HVD_TABLE: "High-value dataset categories"}


def frequency(code: str | None) -> Concept | None:
    return FREQUENCIES.get(code) if code else None


def file_type(name: str | None) -> Concept | None:
    return FILE_TYPES.get(str(name).strip().upper()) if name else None


def languages(value: str | None) -> tuple[Concept, ...]:
    codes = LANGUAGE_OF_LABEL.get(str(value).strip().lower(), ()) if value else ()
    return tuple(LANGUAGES[c] for c in codes)
