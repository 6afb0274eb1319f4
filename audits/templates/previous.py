"""The items each department had accepted in the previous campaign (read by
audits.campaign.verbs.previous_items), as template cell values, so that a clerk updates last
year's rows instead of retyping them."""
from __future__ import annotations

from datetime import date

from . import texts
from .spec import Column


def cell_value(column: Column, value):
    """A register value (JSON: dates as ISO text, booleans, numbers) as the clerk would type it."""
    if value is None or value == "":
        return None
    if column.kind == "date":
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            return str(value)
    if column.kind == "boolean" and isinstance(value, bool):
        return texts.YES if value else texts.NO
    if column.kind == "integer" and isinstance(value, (int, float)) and float(value).is_integer():
        return int(value)
    return value if isinstance(value, (int, float)) else str(value)


def prefill_rows(columns: tuple[Column, ...], items: list[dict], department_name: str) -> tuple[dict, ...]:
    return tuple({c.name: department_name if c.name == "department" else cell_value(c, item.get(c.name))
                  for c in columns} for item in items)
