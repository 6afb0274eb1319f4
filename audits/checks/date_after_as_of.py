"""Dates cannot be later than the campaign's as-of date."""
from __future__ import annotations

from .base import Context, Row

DATE_FIELDS = ("last_updated", "current_as_of")


def check(rows: list[Row], ctx: Context):
    as_of = ctx.as_of.strftime("%d.%m.%Y")
    for row in rows:
        for name in DATE_FIELDS:
            value = row.values.get(name)
            if value is not None and value > ctx.as_of:
                yield ctx.finding("date-after-as-of", row.number, name,
                                  value.strftime("%d.%m.%Y"), as_of=as_of)
