"""Personal data declared with open access: a warning to depersonalise or restrict."""
from __future__ import annotations

from .base import Context, Row


def check(rows: list[Row], ctx: Context):
    for row in rows:
        if row.values.get("personal_data") is True and row.values.get("access") == "відкрита":
            yield ctx.finding("personal-data-open", row.number, "access", row.raw.get("access"))
