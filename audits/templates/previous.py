"""The items each department had accepted in the previous campaign, as template cell values,
so that a clerk updates last year's rows instead of retyping them."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url

from ..campaign.status import register_rows
from ..store.db import database_url, open_database, transaction
from ..store.models import Campaign
from ..store.repository import get_campaign
from . import texts
from .spec import Column


def previous_campaign(session, slug: str, year: int | None, wanted: str | None = None) -> Campaign | None:
    """``wanted`` by slug, else the stored campaign of the latest earlier year (never ``slug`` itself)."""
    if wanted:
        return get_campaign(session, wanted)
    query = select(Campaign).where(Campaign.slug != slug)
    if year is not None:
        query = query.where(Campaign.year < year)
    return session.scalars(query.order_by(Campaign.year.desc(), Campaign.id.desc())).first()


def previous_items(db_url: str | None, slug: str, year: int | None,
                   wanted: str | None = None) -> tuple[str | None, dict[str, list[dict]]]:
    """(previous campaign slug, department code → its accepted register rows). A default SQLite
    database that does not exist yet means there is nothing to carry over (it is not created)."""
    url = make_url(database_url(db_url))
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists() and not wanted:
        return None, {}
    engine = open_database(db_url)
    try:
        with transaction(engine) as session:
            found = previous_campaign(session, slug, year, wanted)
            if found is None:
                return None, {}
            by_department: dict[str, list[dict]] = {}
            for row in register_rows(session, found):
                by_department.setdefault(row["department_code"], []).append(row)
            return found.slug, by_department
    finally:
        engine.dispose()


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
