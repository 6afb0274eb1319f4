"""Shared fixtures: data files, databases (SQLite and the PostgreSQL of CI), the Prefect harness.

PostgreSQL: ODAUDIT_TEST_PG_URL (CI sets it; default the local server). When it is not
reachable the PostgreSQL tests are skipped locally but FAIL under CI=true.
"""
from __future__ import annotations

import os
import shutil
import sys
from contextlib import ExitStack
from datetime import date, datetime
from pathlib import Path

# Under pytest-xdist (make test runs one worker per core) each worker has its own Prefect home
# and its own PostgreSQL database; without it the names are as they always were.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
os.environ.setdefault("PREFECT_HOME",
                      str(Path(__file__).resolve().parents[1] / "var" / f"prefect-test{WORKER and '-' + WORKER}"))
# The one row builder and inventory writer (inventories/rows.py), as bench/campaign.py imports it.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "inventories"))

import pytest  # noqa: E402
import sqlalchemy as sa  # noqa: E402

from flows import prefect_env  # noqa: E402,F401  (analytics off, timeouts, before Prefect)

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "inventories" / "lutsk-2020"
BASE_PG_URL = os.environ.get("ODAUDIT_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
# worker gw0 uses the database named (CI's `test`); gw1, gw2… get `test_gw1`… beside it, made on first use
PG_URL = BASE_PG_URL if WORKER in ("", "gw0") else f"{BASE_PG_URL}_{WORKER}"


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


def _create_worker_database() -> None:
    """CREATE DATABASE <base>_<worker> through the base database, if it is not there yet."""
    name = sa.engine.make_url(PG_URL).database
    engine = sa.create_engine(BASE_PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            if conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first() is None:
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()


def postgres_url() -> str:
    try:
        if PG_URL != BASE_PG_URL:
            _create_worker_database()
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


def private_copy(database: Path, folder: Path) -> str:
    """The URL of a copy of a session-built SQLite database in the test's own folder: the test may write to it."""
    copy = folder / database.name
    shutil.copy(database, copy)
    return f"sqlite:///{copy}"


@pytest.fixture
def demo_db(demo_sqlite, tmp_path) -> str:
    """A private SQLite copy of the demo campaign's database: the test may write to it."""
    return private_copy(demo_sqlite, tmp_path)


@pytest.fixture
def demo_db_url(db_url, demo_sqlite) -> str:
    """db_url holding the demo campaign: SQLite gets a copy of the session's build, the
    PostgreSQL test database (never shared between tests) is built afresh."""
    if db_url.startswith("sqlite:///"):
        shutil.copy(demo_sqlite, _sqlite_path(db_url))
    else:
        build_demo(db_url)
    return db_url


PREFECT_DB_CACHE = ROOT / "var" / "prefect-test-db"


def migrated_prefect_db() -> Path:
    """A Prefect server database (SQLite) at its newest migration, made once per Prefect release
    (about 12 s of migrations) and copied for every server the tests start."""
    import fcntl
    import subprocess

    import prefect

    cache = PREFECT_DB_CACHE / f"prefect-{prefect.__version__}.db"
    cache.parent.mkdir(parents=True, exist_ok=True)
    with open(cache.parent / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)              # one pytest worker makes it, the others wait
        if not cache.exists():
            part = cache.with_suffix(".part")
            part.unlink(missing_ok=True)
            env = {**os.environ, "PREFECT_SERVER_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{part}"}
            subprocess.run([str(Path(sys.executable).parent / "prefect"), "server", "database", "upgrade", "-y"],
                           env=env, check=True, capture_output=True, timeout=300)
            part.rename(cache)
    return cache


@pytest.fixture(scope="session")
def prefect_harness():
    """One Prefect test server for the whole session, on a copy of the migrated database (about
    4 s to start instead of 16)."""
    import tempfile

    import prefect.testing.utilities as harness
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    folder = tempfile.mkdtemp(prefix="odaudit-prefect-")
    shutil.copy(migrated_prefect_db(), Path(folder) / "prefect-test.db")     # the name the harness uses
    with ExitStack() as stack:
        made_by_prefect, harness.mkdtemp = harness.mkdtemp, lambda: folder
        try:
            stack.enter_context(harness.prefect_test_harness(server_startup_timeout=180))
        finally:
            harness.mkdtemp = made_by_prefect
        stack.enter_context(temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}))
        yield


FIRST = ("tests/ops/test_prefect_server.py",)       # the longest file (real server, worker and flow runs)


def pytest_collection_modifyitems(items):
    """The longest file first, so that under pytest-xdist it does not start last and run alone."""
    items.sort(key=lambda item: not item.nodeid.startswith(FIRST))
