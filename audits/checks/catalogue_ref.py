"""Rows and the Resolution 835 catalogue: suggest the item a row looks like when it gives no
reference, and flag a reference that names no item a city council owes (both warnings)."""
from __future__ import annotations

from ..catalogue.matcher import match_many
from .base import Context, Row


def check(rows: list[Row], ctx: Context):
    titles = [row.values.get("title") or "" for row in rows]
    references = [row.values.get("catalogue_ref") for row in rows]
    for row, found in zip(rows, match_many(titles, "council", references)):
        reference = row.values.get("catalogue_ref")
        if reference and found.method != "reference":
            yield ctx.finding("unknown-catalogue-ref", row.number, "catalogue_ref", reference)
        elif not reference and found.confident:
            yield ctx.finding("catalogue-suggestion", row.number, "catalogue_ref", None,
                              title=found.input, item_id=found.item.id, item=found.item.title)
