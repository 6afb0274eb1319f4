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


BACKENDS = ("sqlite", "postgresql")     # what the migrations and the tests cover


class DatabaseUrlError(ValueError):
    """A database URL odaudit cannot use: not a URL, another database, a folder that is not there."""


def checked_url(url: str | None = None, create: bool = True):
    """The parsed URL, or DatabaseUrlError with one line saying why it cannot be used. Only the
    default SQLite file's folder (var/) is created (``create``); any other SQLite file's folder
    must exist."""
    from sqlalchemy.exc import ArgumentError

    text = database_url(url)
    try:
        parsed = make_url(text)
    except ArgumentError:
        raise DatabaseUrlError(f"'{text[:200]}' is not a database URL (like sqlite:///var/odaudit.sqlite or "
                               "postgresql+psycopg://user@host/db)") from None
    if parsed.get_backend_name() not in BACKENDS:
        raise DatabaseUrlError(f"{parsed.render_as_string(hide_password=True)[:200]}: unsupported database "
                               f"'{parsed.get_backend_name()}' (odaudit stores in SQLite or PostgreSQL)")
    if _sqlite_file(parsed):
        folder = Path(parsed.database).parent
        if text == settings.SETTINGS["database_url"].default:
            if create:
                folder.mkdir(parents=True, exist_ok=True)
        elif not folder.is_dir():
            raise DatabaseUrlError(f"{text[:200]}: folder {folder} does not exist (create it, or choose another --db)")
    return parsed


def _sqlite_file(parsed) -> bool:
    return parsed.get_backend_name() == "sqlite" and bool(parsed.database) and parsed.database != ":memory:"


def make_engine(url: str | None = None) -> Engine:
    url = checked_url(url)
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
    parsed = checked_url(url, create=False)
    return not (_sqlite_file(parsed) and not Path(parsed.database).exists())


def open_database(url: str | None = None) -> Engine:
    engine = make_engine(url)
    migrate(engine)
    return engine


def ping(engine: Engine) -> bool:
    """True when the database answers a trivial query."""
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except SQLAlchemyError:
        return False
