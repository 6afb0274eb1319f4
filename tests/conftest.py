"""Shared fixtures: data files, databases (SQLite and the PostgreSQL of CI), the Prefect harness.

PostgreSQL: ODAUDIT_TEST_PG_URL (CI sets it; default the local server). When it is not
reachable the PostgreSQL tests are skipped locally but FAIL under CI=true.
"""
from __future__ import annotations

import os
import shutil
import sys
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("PREFECT_HOME", str(Path(__file__).resolve().parents[1] / "var" / "prefect-test"))
# The one row builder and inventory writer (inventories/rows.py), as bench/campaign.py imports it.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "inventories"))

import pytest  # noqa: E402
import sqlalchemy as sa  # noqa: E402

from flows import prefect_env  # noqa: E402,F401  (analytics off, timeouts, before Prefect)

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "inventories" / "lutsk-2020"
PG_URL = os.environ.get("ODAUDIT_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture
def data() -> Path:
    return DATA


def _reset_postgres(url: str) -> None:
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(sa.text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


def postgres_url() -> str:
    try:
        _reset_postgres(PG_URL)
    except sa.exc.OperationalError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI but not reachable at {PG_URL}: {exc}")
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}")
    return PG_URL


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """A fresh, empty database: a SQLite file, or the PostgreSQL test database wiped clean."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'register.sqlite'}"
    return postgres_url()


def build_demo(db: str, directory: Path = DEMO):
    """The demo campaign run as the flow does it (portal and demand included), without Prefect
    (the flow is tested in tests/flows); returns its CampaignResult."""
    from audits.campaign import pipeline
    from audits.campaign.config import load_campaign
    from audits.store.db import open_database

    engine = open_database(db)
    try:
        return pipeline.audit(engine, load_campaign(directory), date(2020, 6, 1), datetime(2020, 6, 1, 9))
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def demo_inspections():
    """The demo campaign's config and every file of it inspected (as of 2020-06-01), once per
    session for the tests that only read them."""
    from audits.campaign import pipeline
    from audits.campaign.config import load_campaign

    config = load_campaign(DEMO)
    return config, [pipeline.inspect(item, date(2020, 6, 1)) for item in pipeline.plan(config)]


@pytest.fixture(scope="session")
def demo_sqlite(tmp_path_factory) -> Path:
    """The demo campaign's SQLite database, built once per session. Tests use a copy (demo_db)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(f"sqlite:///{path}")
    return path


def _sqlite_path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


@pytest.fixture
def demo_db(demo_sqlite, tmp_path) -> str:
    """A private SQLite copy of the demo campaign's database: the test may write to it."""
    copy = tmp_path / "demo.sqlite"
    shutil.copy(demo_sqlite, copy)
    return f"sqlite:///{copy}"


@pytest.fixture
def demo_db_url(db_url, demo_sqlite) -> str:
    """db_url holding the demo campaign: SQLite gets a copy of the session's build, the
    PostgreSQL test database (never shared between tests) is built afresh."""
    if db_url.startswith("sqlite:///"):
        shutil.copy(demo_sqlite, _sqlite_path(db_url))
    else:
        build_demo(db_url)
    return db_url


@pytest.fixture(scope="session")
def prefect_harness():
    """One Prefect test server for the whole session (about 10 s to start)."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180), \
            temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield
