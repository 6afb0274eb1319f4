"""Check one data file against a dataset Table Schema: the fast path where it covers the
file, frictionless where it does not. The header is matched to the schema by name first
(:mod:`audits.data.header`): both engines check each cell against the field its column's header
names, and the header's own problems are reported once. Broken input becomes a
``source-error`` finding."""
from __future__ import annotations

import csv
import sys
import time
import zipfile
from pathlib import Path

from .header import file_layout, header_errors
from .report import DataReport, RawError, sort_errors, to_finding
from .schemas import DatasetSchema
from .shifted import replace_shifted, shifted_rows

FAST_SUFFIXES = {".csv", ".tsv", ".txt"}


def validate_file(path: Path, schema: DatasetSchema, engine: str = "auto") -> DataReport:
    """``engine``: "auto" (fast, else frictionless), "fast" (fail if not covered) or "frictionless"."""
    from .fast import FastValidator, NotCovered

    path = Path(path)
    started = time.perf_counter()
    fallback = None
    rows, errors, used = 0, [], "frictionless"
    try:
        layout = file_layout(path, schema)
        errors = header_errors(layout, schema)
        if layout.match.matched == 0:        # nothing to check the cells against
            used = "fast" if engine != "frictionless" and path.suffix.lower() in FAST_SUFFIXES else used
            return _report(path, schema, 0, errors, started, used, None)
        short: dict = {}
        if engine != "frictionless" and path.suffix.lower() in FAST_SUFFIXES:
            try:
                validator = FastValidator(schema, layout=layout)
                cell_errors, rows, used = validator.validate(path), validator.rows, "fast"
                short = validator.short_rows
            except NotCovered as exc:
                if engine == "fast":
                    raise
                fallback = str(exc)
        elif engine != "frictionless":
            fallback = f"{path.suffix or 'this'} files are read by frictionless"
        if used != "fast":
            from .reference import frictionless_errors

            rows, cell_errors = frictionless_errors(path, schema, layout, short)
        errors += replace_shifted(cell_errors, shifted_rows(short, layout, schema))
    except Exception as exc:
        if not _source_error(exc):
            raise
        errors = [RawError(None, None, "source-error", f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}")]
    return _report(path, schema, rows, errors, started, used, fallback)


def _source_error(exc: Exception) -> bool:
    """Broken input, not a bug: the file's, or frictionless's word on it (imported only if it ran)."""
    frictionless = sys.modules.get("frictionless")
    return isinstance(exc, (OSError, UnicodeError, ValueError, csv.Error, zipfile.BadZipFile)) or (
        frictionless is not None and isinstance(exc, frictionless.FrictionlessException))


def _report(path: Path, schema: DatasetSchema, rows: int, errors: list[RawError], started: float, used: str,
            fallback: str | None) -> DataReport:
    findings = [to_finding(e, schema, path.name) for e in sort_errors(errors)]
    return DataReport(str(path), rows, findings, time.perf_counter() - started, used, fallback)
