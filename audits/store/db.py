"""Engines, sessions and migrations. The URL comes from --db, ODAUDIT_DATABASE_URL or the
default SQLite file under var/."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import sessionmaker

from .. import settings

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def database_url(url: str | None = None) -> str:
    return url or settings.get("database_url")


def make_engine(url: str | None = None) -> Engine:
    url = make_url(database_url(url))
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema (idempotent)."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@contextmanager
def transaction(engine: Engine):
    """One unit of work: committed as a whole or, on any error, rolled back as a whole."""
    with sessionmaker(engine, expire_on_commit=False)() as session, session.begin():
        yield session


def database_exists(url: str | None = None) -> bool:
    """False only for a SQLite file that is not there yet (other servers are asked when opened)."""
    parsed = make_url(database_url(url))
    return not (parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:"
                and not Path(parsed.database).exists())


def open_database(url: str | None = None) -> Engine:
    engine = make_engine(url)
    migrate(engine)
    return engine
