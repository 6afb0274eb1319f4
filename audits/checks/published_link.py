"""A dataset marked as published must give its portal link."""
from __future__ import annotations

from .base import Context, Row


def check(rows: list[Row], ctx: Context):
    for row in rows:
        if row.values.get("published") is True and not row.text.get("portal_url"):
            yield ctx.finding("published-without-link", row.number, "portal_url")
