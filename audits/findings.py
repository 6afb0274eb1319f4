"""The one typed object for every problem anyone is told about.

CLI tables, JSON, HTML, CSV and the feedback XLSX all render from :class:`Finding`.
Codes, titles and message templates live in :mod:`audits.messages`; a finding built with
:meth:`Finding.of` keeps the parameters its message was rendered from, so another language is
another catalogue, not another run. The field lists of every output derive from the dataclass
(:data:`FINDING_FIELDS` and the arrangements below it), and :func:`finding_order` is the one
sort order of findings.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import (
    dataclass,
    field,
    field as _field,  # the class below has a field named ``field``
    fields,
)
from typing import Any, Literal

from . import messages

Severity = Literal["error", "warning"]
Params = tuple[tuple[str, str], ...]


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
    # what the message was rendered from, as (name, text) pairs; not part of any output, and
    # not of equality: a finding read back from the register without them is the same finding
    params: Params = _field(default=(), compare=False, repr=False)

    @classmethod
    def of(cls, code: str, params: Mapping[str, Any] | None = None, *,  # noqa: PLR0913 (one keyword per field)
           template: str | None = None,
           severity: Severity | None = None, department: str | None = None, file: str | None = None,
           sheet: str | None = None, row: int | None = None, column: str | None = None,
           column_letter: str | None = None, field: str | None = None, value: str | None = None) -> Finding:
        """A finding of ``code`` whose message is rendered from the catalogue with ``params``
        (kept on the finding). ``template``: the catalogue entry to render when ``code`` has none
        of its own (frictionless's header codes); ``severity``: the catalogue's unless given."""
        params = dict(params or {})
        return cls(code, severity or messages.severity(code), messages.render(template or code, **params),
                   department, file, sheet, row, column, column_letter, field, value, keep_params(params))

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in FINDING_FIELDS}

    def sort_key(self) -> tuple:
        return finding_order(self.to_dict())


def keep_params(params: Mapping[str, Any]) -> Params:
    """The parameters of a message as (name, text) pairs; an absent (None) one renders empty anyway."""
    return tuple((name, str(value)) for name, value in params.items() if value is not None)


def column_order(letter: str | None) -> tuple[int, str]:
    """Sheet order of a column letter: B before AA."""
    return (len(letter or ""), letter or "")


def finding_order(finding: Mapping[str, Any]) -> tuple:
    """The one sort key of findings, given as a mapping (``Finding.to_dict()``, a stored or CSV row):
    department (findings of no department last), file, sheet, row, column in sheet order, code."""
    department = finding.get("department")
    return (department is None, department or "", finding.get("file") or "", finding.get("sheet") or "",
            finding.get("row") or 0, column_order(finding.get("column_letter")), finding.get("code") or "")


def has_errors(findings) -> bool:
    return any(f.is_error for f in findings)


def _without(names: tuple[str, ...], *dropped: str) -> tuple[str, ...]:
    unknown = set(dropped) - set(names)
    if unknown:
        raise ValueError(f"not fields of a finding: {sorted(unknown)}")
    return tuple(n for n in names if n not in dropped)


def _letter_first(names: tuple[str, ...]) -> tuple[str, ...]:
    """``names`` with the column letter just before the header, as a spreadsheet shows a cell."""
    rest = _without(names, "column_letter")
    at = rest.index("column")
    return rest[:at] + ("column_letter",) + rest[at:]


# --- the field lists of the outputs, all from the dataclass -------------------------------------
FINDING_FIELDS = tuple(f.name for f in fields(Finding) if f.name != "params")   # dataclass order
_WHAT = ("code", "severity")
_SAYS = ("value", "message")
WHERE_FIELDS = _without(FINDING_FIELDS, *_WHAT, *_SAYS)   # department, file, sheet, row, column, column_letter, field
STORED_FIELDS = _WHAT + WHERE_FIELDS + _SAYS               # the register (audits.store) and its dict rows
_IN_FILE = _without(WHERE_FIELDS, "department", "file")
REPORT_FIELDS = _WHAT + _IN_FILE + _SAYS                   # a file's report names its file once
FEEDBACK_FIELDS = ("severity",) + _IN_FILE + ("code",) + _SAYS   # the list sheet of feedback/<department>.xlsx
CSV_FIELDS = _letter_first(WHERE_FIELDS) + _WHAT + _SAYS   # findings.csv (audits.reports.csv_export)


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
        return {
            "file": self.file,
            "valid": self.valid,
            "rows": self.rows,
            "findings": [{k: getattr(f, k) for k in REPORT_FIELDS} for f in self.findings],
        }
