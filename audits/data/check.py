"""Everything about one data file in one call, as plain data: validation against its dataset
schema (when it has one), the privacy screen, and optionally the expectation suite with its
Data Docs. The flow in flows/data_checks.py calls this once per file."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from ..inventory.source import sha256_of
from .privacy.contact import schema_contact_columns
from .privacy.screen import kind_counts, screen_file
from .schemas import DatasetSchema, all_schemas, load_schema
from .sniff import sniff


def guess_schema(path: Path) -> DatasetSchema | None:
    """The dataset schema a file belongs to: by its name (``transport-stops_2020.csv``), else
    the schema whose fields are exactly the file's columns (matched by name, title or alias,
    in any order)."""
    stem = Path(path).stem.lower()
    schemas = all_schemas()
    for schema in sorted(schemas, key=lambda s: -len(s.name)):
        if stem == schema.name or stem.startswith(schema.name + "_") or stem.startswith(schema.name + "-"):
            return schema
    if Path(path).suffix.lower() in (".csv", ".tsv", ".txt"):
        from .header import matcher

        fmt = sniff(Path(path))
        for candidate in schemas:
            match = matcher(candidate).match(fmt.header, fmt.second)
            if match.matched and not match.issues:
                return candidate
    return None


def check_file(path: Path, schema: str | DatasetSchema | None = None, *, as_of: date,
               expectations: bool = True, docs_dir: Path | None = None, previous_rows: int | None = None,
               source: str | None = None, community=None) -> dict:
    """``community``: audits.data.community.Community (the campaign's) for the coordinates' box."""
    path = Path(path)
    chosen = load_schema(schema) if isinstance(schema, str) else schema or guess_schema(path)
    result = {"source": source or str(path), "file": path.name, "sha256": sha256_of(path),
              "schema": chosen.name if chosen else None, "catalogue": chosen.catalogue if chosen else None}
    findings = []
    if chosen:
        from .validate import validate_file

        report = validate_file(path, chosen)
        result.update(rows=report.rows, valid=report.valid, engine=report.engine, fallback=report.fallback)
        findings += report.findings
    screen = screen_file(path, schema_contact_columns(chosen.descriptor if chosen else None))
    result.setdefault("rows", screen.rows)
    result.setdefault("valid", None)
    result.update(privacy_hits=len(screen.findings), privacy_kinds=kind_counts(screen.findings), blocked=screen.blocked)
    findings += screen.findings + screen.notes
    result["expectations_share"] = None
    if chosen and expectations:
        from .gx_run import run_suite

        gx = run_suite(path, chosen, as_of, previous_rows, docs_dir, community)
        result.update(expectations_share=round(gx.share, 4), expectations=gx.total,
                      docs=str(gx.docs) if gx.docs else None)
        findings += gx.findings
    result["errors"] = sum(1 for f in findings if f.is_error)
    result["warnings"] = sum(1 for f in findings if not f.is_error)
    result["findings"] = [{"row": f.row, "field": f.field, "code": f.code, "severity": f.severity,
                           "message": f.message, "value": f.value} for f in findings]
    return result
