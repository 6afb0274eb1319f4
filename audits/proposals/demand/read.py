"""Read one demand file (CSV, XLSX or ODS, any encoding) against its kind's Table Schema, the
same way inventories are read: broken input becomes findings, never a crash."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ...findings import Finding
from ...inventory.schema import load_schema
from ...validate import inspect_file
from .kinds import KINDS, Kind


@dataclass(frozen=True)
class Signal:
    kind: str
    signal_id: str
    row: int                  # row in the demand file
    text: str                 # what is asked for
    weight: int = 1           # votes; or the request itself plus its supporters
    date: date | None = None
    department: str | None = None   # the department the file names, if any
    requester: str | None = None
    file: str = ""


@dataclass
class DemandFile:
    kind: str
    file: str
    sha256: str | None
    signals: list[Signal] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(f.is_error for f in self.findings)


def read_demand(path: Path, kind: str, as_of: date) -> DemandFile:
    spec = KINDS[kind]
    inspection = inspect_file(Path(path), as_of, None, load_schema(spec.schema), row_checks=())
    report = inspection.report
    bad_rows = {f.row for f in report.findings if f.is_error and f.row}
    signals = [_signal(spec, row, report.file) for row in inspection.rows if row.number not in bad_rows]
    return DemandFile(kind, report.file, report.sha256, [s for s in signals if s.text], list(report.findings))


def _signal(spec: Kind, row, file: str) -> Signal:
    v = row.values
    text = " ".join(str(v.get(f) or "") for f in spec.text).strip()
    weight = spec.base + (int(v.get(spec.weight) or 0) if spec.weight else 0)
    return Signal(spec.name, str(v.get("id") or row.number), row.number, text, weight, v.get("date"),
                  v.get("department") or None, v.get(spec.requester) if spec.requester else None, file)
