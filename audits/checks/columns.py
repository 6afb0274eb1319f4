"""Header problems: required columns missing, columns the schema does not know (with the field
each one probably is), repeats, headers that fit two fields, values under no header."""
from __future__ import annotations

from ..inventory.grid import column_letter
from ..inventory.header import Column, Header
from ..inventory.header_match import SUGGEST_AT_MOST, column_name
from .base import Context

UNKNOWN_FINDINGS = SUGGEST_AT_MOST     # unknown columns reported one by one; the rest in one finding


def missing_columns(header: Header, ctx: Context):
    present = header.by_field()
    for name in ctx.schema.names:
        if name not in present and ctx.schema.required(name):
            yield ctx.finding("missing-column", header.row, name)


def unknown_columns(header: Header, ctx: Context):
    unknown = [col for col in header.columns if col.field is None and not col.candidates]
    for col in unknown[:UNKNOWN_FINDINGS]:
        suggestion = (f" Схоже, це «{ctx.schema.title(col.suggestion)}» ({col.suggestion})."
                      if col.suggestion else "")
        yield ctx.finding("unknown-column", header.row, None, col.header, at=col, suggestion=suggestion)
    if len(unknown) > UNKNOWN_FINDINGS:
        first = unknown[UNKNOWN_FINDINGS]
        yield ctx.finding("more-unknown-columns", header.row, None, at=first, count=len(unknown) - UNKNOWN_FINDINGS)


def duplicate_columns(header: Header, ctx: Context):
    first = header.by_field()
    for col in header.columns:
        if col.field and first[col.field] is not col:
            yield ctx.finding("duplicate-column", header.row, col.field, col.header, at=col)


def ambiguous_columns(header: Header, ctx: Context):
    for col in header.columns:
        if col.candidates:
            fields = ", ".join(f"«{ctx.schema.title(n)}» ({n})" for n in col.candidates)
            yield ctx.finding("ambiguous-column", header.row, None, col.header, at=col, label=col.header, fields=fields)


def blank_columns(header: Header, ctx: Context):
    for index in header.blank:
        at = Column(index, column_letter(index), column_name(index), None)
        yield ctx.finding("blank-column", header.row, None, None, at=at, label=at.header)


CHECKS = (missing_columns, unknown_columns, duplicate_columns, ambiguous_columns, blank_columns)
