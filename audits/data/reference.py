"""The frictionless path: the reference the fast path is compared with, and the fallback for
what the fast path does not cover. No error limit (frictionless stops reading at 1000 by
default), an explicit encoding and delimiter, a base path instead of an absolute one.

Frictionless matches a header by position; it gets a schema that fits the file instead
(:func:`audits.data.header.file_descriptor`: the fields in the file's column order), so a cell
is checked against the field its header names. Its own label errors are dropped: the header is
reported by the matcher."""
from __future__ import annotations

from pathlib import Path

from .header import Layout, file_descriptor, file_layout, is_placeholder
from .report import RawError
from .schemas import DatasetSchema
from .sniff import sniff

NO_LIMIT = 10**12
TABLE_SCHEMA_KEYS = ("fields", "primaryKey", "foreignKeys", "missingValues", "name", "title", "description")
SHORT_ROWS_KEPT = 10_000      # rows one cell short, kept for the shifted-row check


def frictionless_errors(path: Path, schema: DatasetSchema, layout: Layout | None = None,
                        short_rows: dict | None = None) -> tuple[int, list[RawError]]:
    """(rows read, errors) as frictionless reports them for ``path``; ``short_rows`` (if given)
    receives the cells of rows one cell shorter than the header, by row number."""
    from frictionless import Dialect, Resource, Schema
    from frictionless.formats import CsvControl

    path = Path(path).resolve()
    layout = layout or file_layout(path, schema)
    controls = []
    options = {}
    if path.suffix.lower() in (".csv", ".txt", ".tsv"):
        fmt = sniff(path)
        options = dict(format="csv", encoding="utf-8-sig" if fmt.bom else fmt.encoding)
        controls = [CsvControl(delimiter=fmt.delimiter)]
    options["dialect"] = Dialect(header_rows=list(range(1, layout.header_rows + 1)), controls=controls)
    table_schema = Schema.from_descriptor(file_descriptor(layout, schema, TABLE_SCHEMA_KEYS))
    resource = Resource(path.name, basepath=str(path.parent), schema=table_schema, **options)
    report = resource.validate(limit_errors=NO_LIMIT)
    task = report.tasks[0] if report.tasks else None
    errors = []
    for error in (task.errors if task else report.errors):
        if error.type.endswith("label") or error.type.endswith("header"):
            continue                       # the header is the matcher's to report
        raw = _raw(error)
        if is_placeholder(raw):
            continue
        if short_rows is not None and raw.code == "missing-cell" and len(short_rows) < SHORT_ROWS_KEPT:
            cells = list(getattr(error, "cells", []) or [])
            if len(cells) == layout.width - 1:
                short_rows[raw.row] = cells
        errors.append(raw)
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
    return RawError(row, field or None, error.type, note, cell, getattr(error, "field_number", None),
                    _constraint(note) if error.type == "constraint-error" else None, other)


def _constraint(note: str) -> str:
    return note.split('"')[1] if note.count('"') >= 2 else ""
