"""Check one data file against a dataset Table Schema: the fast path where it covers the
file, frictionless where it does not. Broken input becomes a ``source-error`` finding."""
from __future__ import annotations

import csv
import time
from pathlib import Path

from .report import DataReport, RawError, sort_errors, to_finding
from .schemas import DatasetSchema

FAST_SUFFIXES = {".csv", ".tsv", ".txt"}


def validate_file(path: Path, schema: DatasetSchema, engine: str = "auto") -> DataReport:
    """``engine``: "auto" (fast, else frictionless), "fast" (fail if not covered) or "frictionless"."""
    from frictionless import FrictionlessException

    from .fast import FastValidator, NotCovered
    from .reference import frictionless_errors

    path = Path(path)
    started = time.perf_counter()
    fallback = None
    rows, errors, used = 0, [], "frictionless"
    try:
        if engine != "frictionless" and path.suffix.lower() in FAST_SUFFIXES:
            try:
                validator = FastValidator(schema)
                errors, rows, used = validator.validate(path), validator.rows, "fast"
            except NotCovered as exc:
                if engine == "fast":
                    raise
                fallback = str(exc)
        elif engine != "frictionless":
            fallback = f"{path.suffix or 'this'} files are read by frictionless"
        if used != "fast":
            rows, errors = frictionless_errors(path, schema)
    except (OSError, UnicodeError, ValueError, csv.Error, FrictionlessException) as exc:
        errors = [RawError(None, None, "source-error", f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}")]
    findings = [to_finding(e, schema, path.name) for e in sort_errors(errors)]
    return DataReport(str(path), rows, findings, time.perf_counter() - started, used, fallback)
