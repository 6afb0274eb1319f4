"""Finding a campaign, and the register's links to the catalogue. Every function takes the
session of the caller's transaction (audits.store.db.transaction)."""
from __future__ import annotations

from sqlalchemy import select

from .models import Campaign, CoverageLink

ITEM_COLUMNS = ("title", "update_frequency", "last_updated", "current_as_of", "records",
                "personal_data", "access", "published", "portal_url", "catalogue_ref")
LINK_KEYS = ("catalogue_id", "department", "row", "title", "method", "score", "published", "portal_url")


def get_campaign(session, slug: str | None = None) -> Campaign | None:
    """The named campaign, or the one most recently created."""
    query = select(Campaign)
    query = query.where(Campaign.slug == slug) if slug else query.order_by(Campaign.id.desc())
    return session.scalars(query).first()


def previous_campaign(session, slug: str, year: int | None, wanted: str | None = None) -> Campaign | None:
    """``wanted`` by slug, else the stored campaign of the latest earlier year (never ``slug`` itself)."""
    if wanted:
        return get_campaign(session, wanted)
    query = select(Campaign).where(Campaign.slug != slug)
    if year is not None:
        query = query.where(Campaign.year < year)
    return session.scalars(query.order_by(Campaign.year.desc(), Campaign.id.desc())).first()


def replace_coverage(session, campaign: Campaign, links) -> None:
    """Store the register's links to the catalogue (objects with LINK_KEYS attributes); rows
    change only if the links changed."""
    stored = list(session.scalars(select(CoverageLink).where(CoverageLink.campaign_id == campaign.id)))
    as_key = lambda link: tuple(getattr(link, k) for k in LINK_KEYS)  # noqa: E731
    if sorted(map(as_key, stored), key=repr) == sorted(map(as_key, links), key=repr):
        return
    for row in stored:
        session.delete(row)
    session.add_all(CoverageLink(campaign_id=campaign.id, **{k: getattr(link, k) for k in LINK_KEYS})
                    for link in links)
