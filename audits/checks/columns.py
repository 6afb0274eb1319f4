"""Header problems: required columns missing, columns the schema does not know, repeats."""
from __future__ import annotations

from ..inventory.header import Header
from .base import Context


def missing_columns(header: Header, ctx: Context):
    present = header.by_field()
    for name in ctx.schema.names:
        if name not in present and ctx.schema.required(name):
            yield ctx.finding("missing-column", header.row, name)


def unknown_columns(header: Header, ctx: Context):
    for col in header.columns:
        if col.field is None:
            yield ctx.finding("unknown-column", header.row, None, col.header, at=col)


def duplicate_columns(header: Header, ctx: Context):
    first = header.by_field()
    for col in header.columns:
        if col.field and first[col.field] is not col:
            yield ctx.finding("duplicate-column", header.row, col.field, col.header, at=col)


CHECKS = (missing_columns, unknown_columns, duplicate_columns)
