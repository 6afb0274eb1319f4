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


def campaign_slugs(session) -> list[str]:
    """Every stored campaign's slug, newest first (for "no such campaign" messages)."""
    return list(session.scalars(select(Campaign.slug).order_by(Campaign.id.desc())))


def previous_campaign(session, slug: str, year: int | None, wanted: str | None = None, *,
                      organization: str | None = None, city: str | None = None) -> Campaign | None:
    """``wanted`` by slug, else the stored campaign of the latest earlier year (never ``slug``
    itself) of the same council: the same portal organisation when both have one, else the same
    city (council name); a campaign whose council is not known is never taken."""
    if wanted:
        return get_campaign(session, wanted)
    query = select(Campaign).where(Campaign.slug != slug)
    if year is not None:
        query = query.where(Campaign.year < year)
    candidates = session.scalars(query.order_by(Campaign.year.desc(), Campaign.id.desc()))
    return next((c for c in candidates if same_council(c, organization, city)), None)


def same_council(campaign: Campaign, organization: str | None, city: str | None) -> bool:
    if organization and campaign.portal_organization:
        return campaign.portal_organization == organization
    return bool(city and campaign.city and campaign.city.strip().casefold() == city.strip().casefold())


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
