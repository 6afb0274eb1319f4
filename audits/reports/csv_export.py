"""findings.csv and register.csv: UTF-8 with BOM so that Excel shows Ukrainian correctly."""
from __future__ import annotations

import csv
from pathlib import Path

from ..findings import CSV_FIELDS
from ..safe import safe_cell

FINDING_COLUMNS = CSV_FIELDS[:1] + ("department_name",) + CSV_FIELDS[1:]   # the department's name beside its code


def write_csv(path: Path, columns, rows) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([safe_cell(_text(row.get(c))) for c in columns])
    return path


def _text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "так" if value else "ні"
    return value
