"""The interoperability verbs: what `odaudit export dcat|dqv`, `odaudit links` and `odaudit
assessment` call. Each builds the campaign's result once and hands plain data to audits.interop."""
from __future__ import annotations

from datetime import date

from .verbs import open_result


def catalog_export(engine, slug: str | None, today: date, fmt: str, *, quality: bool = False,  # noqa: PLR0913
                   hvd: bool = False, validate: bool = False, base: str | None = None):
    """The register and the latest snapshot's packages as DCAT-AP / POD: an audits.interop.export.Export."""
    from ..interop.export import export_catalog

    result = open_result(engine, slug, today)
    return export_catalog(_catalog(result, base), fmt, result.scores, quality=quality, hvd=hvd, validate=validate)


def quality_export(engine, slug: str | None, today: date, fmt: str, base: str | None = None):
    """The quality scores as DQV measurements (audits.interop.export.Export)."""
    from ..interop.export import export_quality

    result = open_result(engine, slug, today)
    return export_quality(_catalog(result, base), fmt, result.scores)


def _catalog(result, base: str | None):
    from ..interop.model import catalog_of

    portal = result.inputs.portal
    return catalog_of(result.campaign, result.register, portal.packages if portal else [], result.as_of, base)
