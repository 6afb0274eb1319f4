"""The frictionless path: the reference the fast path is compared with, and the fallback for
what the fast path does not cover. No error limit (frictionless stops reading at 1000 by
default), an explicit encoding and delimiter, a base path instead of an absolute one."""
from __future__ import annotations

from pathlib import Path

from .report import RawError
from .schemas import DatasetSchema
from .sniff import sniff

NO_LIMIT = 10**12
TABLE_SCHEMA_KEYS = ("fields", "primaryKey", "foreignKeys", "missingValues", "name", "title", "description")


def frictionless_errors(path: Path, schema: DatasetSchema) -> tuple[int, list[RawError]]:
    """(rows read, errors) as frictionless reports them for ``path``."""
    from frictionless import Dialect, Resource, Schema
    from frictionless.formats import CsvControl

    path = Path(path).resolve()
    options = {}
    if path.suffix.lower() in (".csv", ".txt", ".tsv"):
        fmt = sniff(path)
        options = dict(format="csv", encoding="utf-8-sig" if fmt.bom else fmt.encoding,
                       dialect=Dialect(controls=[CsvControl(delimiter=fmt.delimiter)]))
    table_schema = Schema.from_descriptor({k: v for k, v in schema.descriptor.items() if k in TABLE_SCHEMA_KEYS})
    resource = Resource(path.name, basepath=str(path.parent), schema=table_schema, **options)
    report = resource.validate(limit_errors=NO_LIMIT)
    task = report.tasks[0] if report.tasks else None
    errors = [_raw(e) for e in (task.errors if task else report.errors)]
    return (task.stats.get("rows") or 0) if task else 0, errors


def _raw(error) -> RawError:
    row = getattr(error, "row_number", None)
    field = getattr(error, "field_name", None)
    note = getattr(error, "note", "") or ""
    other = None
    if "the same as in the row at position" in note:
        other = int(note.rsplit(" ", 1)[1])
    cell = getattr(error, "cell", None)
    if error.type in ("blank-row", "primary-key"):
        field, cell = None, None
    if error.type.endswith("label") or error.type.endswith("header"):
        cell = getattr(error, "label", None)
        row = None
    return RawError(row, field or None, error.type, note, cell, getattr(error, "field_number", None),
                    _constraint(note) if error.type == "constraint-error" else None, other)


def _constraint(note: str) -> str:
    return note.split('"')[1] if note.count('"') >= 2 else ""
