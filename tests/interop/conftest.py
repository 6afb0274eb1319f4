"""The demo campaign's catalogue, built once for the interop tests."""
from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="session")
def demo_result(demo_sqlite):
    from audits.campaign.verbs import engine_for, open_result

    engine = engine_for(f"sqlite:///{demo_sqlite}")
    try:
        return open_result(engine, "lutsk-2020", date(2020, 6, 1))
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def demo_catalog(demo_result):
    from audits.interop.model import catalog_of

    return catalog_of(demo_result.campaign, demo_result.register, demo_result.inputs.portal.packages,
                      demo_result.as_of)
