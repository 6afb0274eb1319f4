"""The one typed object for every problem anyone is told about.

CLI tables, JSON, HTML, CSV and the feedback XLSX all render from :class:`Finding`.
Codes, titles and message templates live in :mod:`audits.messages`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    department: str | None = None
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None          # the header the user sees
    column_letter: str | None = None   # "B": the column letter, also for CSV (as a spreadsheet shows it)
    field: str | None = None           # the schema field name
    value: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def to_dict(self) -> dict:
        return asdict(self)

    def sort_key(self) -> tuple:
        return (self.department or "", self.file or "", self.sheet or "",
                self.row or 0, self.column_letter or "", self.code)


FINDING_FIELDS = ("code", "severity", "department", "file", "sheet", "row", "column", "column_letter", "field",
                  "value", "message")


def has_errors(findings) -> bool:
    return any(f.is_error for f in findings)


@dataclass
class FileReport:
    """Validation result of one submitted file."""
    file: str
    sha256: str | None
    rows: int
    findings: list[Finding] = field(default_factory=list)
    sheet: str | None = None

    @property
    def valid(self) -> bool:
        return not has_errors(self.findings)

    def to_dict(self) -> dict:
        keys = ("code", "severity", "sheet", "row", "column", "column_letter", "field", "value", "message")
        return {
            "file": self.file,
            "valid": self.valid,
            "rows": self.rows,
            "findings": [{k: getattr(f, k) for k in keys} for f in self.findings],
        }
