"""The result of checking one data file: the CLI contract's JSON and the project's Findings.

Every path (fast, frictionless, privacy screen) produces :class:`RawError` tuples; they are
turned into :class:`audits.findings.Finding` with a Ukrainian message here, in one place."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from .. import messages
from ..findings import Finding, has_errors
from .schemas import DatasetSchema


class RawError(NamedTuple):
    row: int | None
    field: str | None          # the schema field name ("" for an extra cell)
    code: str                  # frictionless's code for the rules frictionless has
    note: str = ""             # frictionless's note, e.g. 'constraint "minimum" is "0"'
    cell: str | None = None
    field_number: int | None = None
    constraint: str | None = None
    other_row: int | None = None

    def key(self) -> tuple:
        return (self.row, self.field or None, self.code)


@dataclass
class DataReport:
    file: str
    rows: int
    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0
    engine: str = "fast"                 # "fast" or "frictionless"
    fallback: str | None = None          # why the fast path handed the file to frictionless

    @property
    def valid(self) -> bool:
        return not has_errors(self.findings)

    def keys(self) -> list[tuple]:
        return [(f.row, f.field, f.code) for f in self.findings]

    def to_dict(self) -> dict:
        return {"file": self.file, "valid": self.valid, "rows": self.rows,
                "findings": [{"row": f.row, "field": f.field, "code": f.code, "severity": f.severity,
                              "message": f.message} for f in self.findings],
                "seconds": round(self.seconds, 3), "engine": self.engine, "fallback": self.fallback}


HEADER_CODES = {"unknown-field-column", "missing-field-column", "duplicate-field-column", "ambiguous-column",
                "blank-column", "more-unknown-columns", "no-field-columns"}


def to_finding(error: RawError, schema: DatasetSchema | None, file: str) -> Finding:
    if error.code in HEADER_CODES:
        return _header_finding(error, schema, file)
    column = schema.title_of(error.field) if (schema and error.field) else (error.field or "")
    ftype = _field_type(schema, error.field)
    params = dict(row=error.row, column=column, value=_short(error.cell), file=file,
                  field_number=error.field_number, other_row=error.other_row, detail=error.note,
                  type_uk=messages.TYPE_UK.get(ftype, ftype), example=messages.EXAMPLE.get(ftype, ""))
    if error.code == "constraint-error":
        name = error.constraint or _constraint_from_note(error.note)
        limit = _constraint_value(schema, error.field, name)
        params["constraint_uk"] = (messages.CONSTRAINT_UK.get(name, error.note).format(value=_short(error.cell), limit=limit)
                                   + _pattern_wanted(schema, error.field, name, limit))
    if error.code == "primary-key":
        params["column"] = ", ".join(schema.title_of(k) for k in schema.primary_key) if schema else ""
        params["detail"] = ("порожній" if "None" in error.note else
                            f"повторює рядок {error.other_row}" if error.other_row else "повторюється")
    template = error.code if error.code in messages.CODES else ("label-error" if "label" in error.code or "header" in error.code
                                                                else "source-error")
    if template == "label-error":
        params["expected"] = ", ".join(schema.field_names) if schema else ""
        params["detail"] = _label_detail(error, schema)
    return Finding.of(error.code, params, template=template, file=file, row=error.row, column=column or None,
                      field=error.field or None, value=_short(error.cell))


def _header_finding(error: RawError, schema: DatasetSchema | None, file: str) -> Finding:
    """A header finding of the matcher: ``cell`` the label, ``field_number`` the file column,
    ``note`` the suggested field (unknown), the candidate fields (ambiguous) or a count."""
    from ..inventory.grid import column_letter
    from ..inventory.header_match import column_name

    index = (error.field_number or 0) - 1
    letter = column_letter(index) if index >= 0 else None
    label = _short(error.cell) if error.cell else (column_name(index) if index >= 0 else "")
    def title(name: str) -> str:
        return schema.title_of(name) if schema else name

    column = title(error.field) if error.field else None
    suggestion = ""
    if error.code == "unknown-field-column" and error.note:
        suggestion = f" Схоже, це «{title(error.note)}» ({error.note})."
    params = dict(file=file, label=label, cell=f"{letter}1" if letter else "", column=column or "",
                  field=error.field or "", suggestion=suggestion, count=error.note,
                  fields=", ".join(f"«{title(n)}» ({n})" for n in error.note.split(", ") if n)
                  if error.code == "ambiguous-column" else "",
                  headers=", ".join(f"«{title(n)}»" for n in (schema.field_names[:3] if schema else [])))
    return Finding.of(error.code, params, file=file, column=column or (label or None), column_letter=letter,
                      field=error.field or None, value=_short(error.cell) if error.cell else None)


def _label_detail(error: RawError, schema: DatasetSchema | None) -> str:
    """What is wrong with a header cell, in words (frictionless leaves the note empty)."""
    from ..inventory.grid import column_letter

    names = schema.field_names if schema else []
    n = error.field_number or 0
    wanted = names[n - 1] if 0 < n <= len(names) else None
    if error.code not in messages.LABEL_UK:
        return error.note or error.code
    return messages.label_detail(error.code, _short(error.cell), wanted, column_letter(n - 1) if n else None, n or None)


def sort_errors(errors: list[RawError]) -> list[RawError]:
    order = {"row-shifted": 1, "blank-row": 0, "type-error": 1, "constraint-error": 1, "extra-cell": 2, "missing-cell": 3,
             "unique-error": 4, "primary-key": 5}
    return sorted(errors, key=lambda e: (e.row or 0, order.get(e.code, 9), e.field_number or 0))


def _field_type(schema, name) -> str:
    if not schema or not name:
        return ""
    return next((f.get("type", "string") for f in schema.fields if f["name"] == name), "")


def _constraint_from_note(note: str) -> str:
    return note.split('"')[1] if note.count('"') >= 2 else ""


def _constraint_value(schema, name, constraint):
    if not schema or not name:
        return ""
    f = next((f for f in schema.fields if f["name"] == name), {})
    value = f.get("constraints", {}).get(constraint, "")
    return ", ".join(f"«{v}»" for v in value) if isinstance(value, list) else value


def _pattern_wanted(schema, name, constraint, pattern) -> str:
    """«: потрібно …» for a pattern the catalogue (or the field's x-pattern-uk) words for a clerk."""
    if constraint != "pattern":
        return ""
    field = next((f for f in schema.fields if f["name"] == name), {}) if schema else {}
    wanted = field.get("x-pattern-uk") or messages.PATTERN_UK.get(str(pattern))
    return f": потрібно {wanted}" if wanted else ""


def _short(value, limit: int = 80):
    if value is None:
        return None
    value = str(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"
