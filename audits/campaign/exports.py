"""The interoperability verbs: what `odaudit export dcat|dqv`, `odaudit links` and `odaudit
assessment` call. Each builds the campaign's result once and hands plain data to audits.interop."""
from __future__ import annotations

from datetime import date

from .verbs import open_result


def catalog_export(engine, slug: str | None, today: date, fmt: str, out, *, quality: bool = False,  # noqa: PLR0913
                   hvd: bool = False, validate: bool = False, base: str | None = None):
    """The register and the latest snapshot's packages as DCAT-AP / POD, written to the text
    stream ``out``: an audits.interop.export.Export (counts and SHACL violations)."""
    from ..interop.export import write_catalog

    result = open_result(engine, slug, today)
    return write_catalog(_catalog(result, base), fmt, out, result.scores if quality else (), quality=quality,
                         hvd=hvd, validate=validate)


def quality_export(engine, slug: str | None, today: date, fmt: str, base: str | None = None,  # noqa: PLR0913
                   links: bool = False):
    """The quality scores as DQV measurements (audits.interop.export.Export); ``links``: with the
    accessibility of each dataset from the newest stored answer of each of its links."""
    from ..interop.export import export_quality

    result = open_result(engine, slug, today)
    link_scores, links_as_of = (), None
    if links:
        link_scores, links_as_of = _stored_link_scores(engine, result)
    return export_quality(_catalog(result, base), fmt, result.scores, link_scores, links_as_of)


def _stored_link_scores(engine, result):
    """(LinkScore of every dataset whose links all have a stored answer, the newest answer's day)."""
    from ..interop.links.check import limits_from_settings
    from ..interop.links.fetch import LinkResult
    from ..interop.links.score import score_links
    from ..interop.links.targets import targets_of
    from ..store.db import transaction
    from ..store.links import latest_checks

    targets = targets_of(result.register, result.inputs.portal.packages if result.inputs.portal else [])
    with transaction(engine) as session:
        stored = latest_checks(session, {t.url for t in targets})
    days = [s.pop("checked_on") for s in stored.values()]
    checked = {k for k in {t.key for t in targets} if all(t.url in stored for t in targets if t.key == k)}
    kept = [t for t in targets if t.key in checked]
    results = {u: LinkResult(u, **fields) for u, fields in stored.items()}
    return score_links(kept, results, limits_from_settings()), max(days) if days else None


def _catalog(result, base: str | None):
    from ..interop.model import catalog_of

    portal = result.inputs.portal
    return catalog_of(result.campaign, result.register, portal.packages if portal else [], result.as_of, base)


def check_links(engine, slug: str | None, today: date, now, limits=None, transport=None):
    """Try every link of the register and the latest snapshot (today's stored answers reused),
    store the answers and score each dataset's accessibility: an audits.interop.links.check.LinkReport.
    ``limits``: audits.interop.links.fetch.Limits (default: from the settings); ``transport``: tests only."""
    from ..interop.links.check import limits_from_settings, run_check
    from ..interop.links.targets import targets_of
    from ..store.db import transaction
    from ..store.links import checks_of_day, save_checks

    result = open_result(engine, slug, today)
    packages = result.inputs.portal.packages if result.inputs.portal else []
    urls = {t.url for t in targets_of(result.register, packages)}
    with transaction(engine) as session:
        cached = checks_of_day(session, urls, now.date())
    report = run_check(result.register, packages, cached, limits or limits_from_settings(), transport)
    with transaction(engine) as session:
        save_checks(session, [r.fields() for u, r in report.results.items() if u not in cached], now.date(), now)
    return report


def assessment_card(engine, slug: str | None, today: date):
    """The annual assessment card (audits.interop.assessment.card.Card) of the campaign's council,
    from its register, coverage and latest snapshot."""
    from ..catalogue.coverage import totals
    from ..interop.assessment.card import Sources, build_card

    result = open_result(engine, slug, today)
    portal, assessed = result.inputs.portal, result.assessment
    snapshot = None
    if portal is not None:
        snapshot = (f"знімок порталу № {portal.snapshot_id} від {portal.as_of:%d.%m.%Y} "
                    f"({portal.organization or 'організація не вказана'}; {portal.source})")
    holder = _holder(result)
    return build_card(Sources(result.campaign.slug, result.campaign.name, holder, result.campaign.year, result.as_of,
                              result.register, totals(result.coverage), result.inventory_scores,
                              assessed.scores if assessed else [], snapshot,
                              len(assessed.not_on_portal) if assessed else 0))


def _holder(result) -> str:
    from ..interop.model import organization_title

    portal = result.inputs.portal
    title = organization_title(portal.packages, result.campaign.portal_organization) if portal else None
    return title or result.campaign.city or result.campaign.name
