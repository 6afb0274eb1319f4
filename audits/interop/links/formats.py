"""Whether a resource's content type agrees with its declared format."""
from __future__ import annotations

CONTENT_TYPES = {
    "CSV": {"text/csv", "application/csv", "text/plain", "text/comma-separated-values"},
    "JSON": {"application/json", "text/json", "application/geo+json", "application/ld+json"},
    "GEOJSON": {"application/geo+json", "application/json"},
    "XML": {"application/xml", "text/xml"},
    "XLSX": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    "XLS": {"application/vnd.ms-excel"},
    "ODS": {"application/vnd.oasis.opendocument.spreadsheet"},
    "PDF": {"application/pdf"},
    "DOCX": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    "DOC": {"application/msword"},
    "ZIP": {"application/zip", "application/x-zip-compressed"},
    "SHP": {"application/zip", "application/x-zip-compressed", "application/x-esri-shape"},
    "RDF": {"application/rdf+xml", "text/turtle", "application/ld+json"},
    "HTML": {"text/html", "application/xhtml+xml"},
}
NEUTRAL = {"application/octet-stream", "binary/octet-stream", "application/force-download"}


def mismatch(declared: str | None, content_type: str | None) -> bool:
    """True when the server names a type that is not the declared format's (a generic binary
    type, an unknown format or no type at all say nothing)."""
    wanted = CONTENT_TYPES.get((declared or "").strip().upper())
    if not wanted or not content_type or content_type in NEUTRAL:
        return False
    return content_type not in wanted
