"""Validate one submitted inventory file: read → normalise → checks → a FileReport.

Any file, however broken or hostile, yields a report; reading problems become findings.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import settings
from .checks import catalogue_ref, columns, date_after_as_of, personal_open, published_link, table_schema
from .checks.base import Context, Row
from .findings import FileReport, Finding
from .inventory.grid import Grid, ReadError
from .inventory.normalize import to_text
from .inventory.read import Table, default_limits, pick_table, read_grids
from .inventory.schema import InventorySchema, load_schema
from .inventory.source import Source, load_source, sha256_of
from .inventory.typed import cast

log = logging.getLogger(__name__)
ROW_CHECKS = (published_link.check, personal_open.check, date_after_as_of.check, catalogue_ref.check)


@dataclass
class Inspection:
    report: FileReport
    source: Source | None = None
    rows: list[Row] = field(default_factory=list)
    department: str | None = None
    context: Context | None = None   # where the table was found: sheet and columns

    def lighten(self) -> Inspection:
        """Keep only what a campaign needs after the checks (row numbers and typed values): the
        cells as read and their text are dropped, so 40 departments' files fit in memory."""
        self.rows = [Row(r.number, {}, {}, r.values) for r in self.rows]
        return self


def inspect_file(path: Path, as_of: date, department: str | None = None,
                 schema: InventorySchema | None = None, row_checks=ROW_CHECKS) -> Inspection:
    """``schema``/``row_checks``: another Table Schema (say, a demand signal file) reads and
    validates the same way, with its own cross-field checks (or none)."""
    schema = schema or load_schema()
    path = Path(path)
    try:
        source = open_source(path)
        table = pick_table(safe_grids(source), schema)
    except OSError as exc:  # vanished, unreadable or a folder
        finding = file_finding(ReadError("source-error", detail=type(exc).__name__), path.name, department)
        return Inspection(FileReport(path.name, None, 0, [finding]), department=department)
    except ReadError as exc:
        sha = sha256_of(path) if path.is_file() else None
        return Inspection(FileReport(path.name, sha, 0, [file_finding(exc, path.name, department)]),
                          department=department)
    if table is None:
        finding = file_finding(ReadError("no-header"), path.name, department, schema)
        return Inspection(FileReport(path.name, source.sha256, 0, [finding]), source, department=department)
    ctx = Context(schema, path.name, table.sheet, as_of, department, table.header.by_field())
    rows, findings = check_table(table, ctx, row_checks)
    return Inspection(FileReport(path.name, source.sha256, len(rows), findings, table.sheet),
                      source, rows, department, ctx)


def open_source(path: Path) -> Source:
    """The file's bytes and sha256, refused over the size limit (ReadError) or unreadable (OSError)."""
    return load_source(Path(path), int(settings.get("max_file_mb") * 1_000_000))


def safe_grids(source: Source) -> list[Grid]:
    """Every sheet of the file; anything a hostile file throws becomes a ReadError."""
    try:
        return read_grids(source, default_limits())
    except ReadError:
        raise
    except Exception as exc:  # hostile input must become a finding, never a crash
        log.debug("unreadable %s", source.name, exc_info=True)
        raise ReadError("source-error", detail=type(exc).__name__) from exc


def check_table(table: Table, ctx: Context, row_checks=ROW_CHECKS) -> tuple[list[Row], list[Finding]]:
    header = table.header
    findings = [f for check in columns.CHECKS for f in check(header, ctx)]
    if table.truncated:
        findings.append(ctx.finding("too-many-rows", limit=settings.get("max_rows")))
    rows = [to_row(r.number, r.cells, ctx.schema) for r in table.records]
    if not rows:
        findings.append(ctx.finding("no-rows", header.row))
    missing = set(ctx.schema.names) - set(header.by_field())
    findings += table_schema.check(rows, ctx, relaxed=missing)
    findings += [f for check in row_checks for f in check(rows, ctx)]
    return rows, sorted(findings, key=Finding.sort_key)


def _headers(schema: InventorySchema) -> str:
    """The first three required headers of the schema, as the user should type them."""
    titles = [schema.title(name) for name in schema.names if schema.required(name)][:3]
    return ", ".join(f"«{t}»" for t in titles)


def to_row(number: int, cells: dict, schema: InventorySchema) -> Row:
    text = {f["name"]: to_text(cells.get(f["name"]), f) for f in schema.fields}
    values = {f["name"]: cast(text[f["name"]], f) for f in schema.fields}
    return Row(number, cells, text, values)


def file_finding(exc: ReadError, file: str, department: str | None,
                 schema: InventorySchema | None = None) -> Finding:
    """``schema``: the Table Schema the file should follow (its headers are quoted to the user)."""
    params = dict(file=file, detail=exc.detail, limit=exc.limit, sheet="", example=department or "ukt",
                  headers=_headers(schema or load_schema()))
    return Finding.of(exc.code, params, department=department, file=file)
