"""Frictionless validation of the rows against the inventory Table Schema → findings.

Frictionless speaks in data positions and English notes; this module maps each of its errors
to our code, the spreadsheet row the clerk sees and a Ukrainian message with an example.
"""
from __future__ import annotations

import re

import frictionless

from .base import Context, Row

PATTERN_CODES = {"id": "bad-id", "responsible_email": "bad-email", "portal_url": "bad-url"}
TYPE_CODES = {"date": "bad-date", "integer": "bad-number", "number": "bad-number", "boolean": "bad-boolean"}
_POSITION = re.compile(r"position (\d+)")


def check(rows: list[Row], ctx: Context, relaxed: set[str] = frozenset()):
    schema = frictionless.Schema.from_descriptor(ctx.schema.frictionless_descriptor(relaxed))
    names = ctx.schema.names
    data = [names] + [[row.text.get(n, "") for n in names] for row in rows]
    report = frictionless.Resource(data=data, schema=schema).validate(limit_errors=10_000_000)
    for error in report.tasks[0].errors:
        finding = _finding(error, rows, ctx)
        if finding is not None:
            yield finding


def _finding(error, rows: list[Row], ctx: Context):
    row_number = getattr(error, "row_number", None)
    if not row_number or getattr(error, "field_name", None) is None:
        return None  # header-level errors cannot happen: we build the header ourselves
    row = rows[row_number - 2]
    name = error.field_name
    value = row.raw.get(name)
    field = ctx.schema.field(name)
    if error.type == "type-error":
        return ctx.finding(TYPE_CODES.get(field["type"], "bad-number"), row.number, name, _shown(value))
    if error.type in ("unique-error", "primary-key"):
        other = rows[int(_POSITION.search(error.note).group(1)) - 2].number
        return ctx.finding("duplicate-id", row.number, name, _shown(value), other_row=other)
    if error.type == "constraint-error":
        return _constraint(error.note, row, name, field, ctx)
    return None


def _constraint(note: str, row: Row, name: str, field: dict, ctx: Context):
    value = _shown(row.raw.get(name))
    limits = field.get("constraints", {})
    if '"required"' in note:
        return ctx.finding("missing-value", row.number, name)
    if '"enum"' in note:
        return ctx.finding("not-in-list", row.number, name, value,
                           allowed=", ".join(f"«{v}»" for v in limits["enum"]))
    if '"maxLength"' in note:
        return ctx.finding("too-long", row.number, name, value,
                           length=len(row.text[name]), limit=limits["maxLength"])
    if '"minimum"' in note:
        return ctx.finding("too-small", row.number, name, value, limit=limits["minimum"])
    if '"pattern"' in note:
        return ctx.finding(PATTERN_CODES.get(name, "bad-id"), row.number, name, value)
    return None


def _shown(value) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if len(text) <= 300 else text[:300] + "…"
