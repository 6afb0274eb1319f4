"""Shared CLI pieces: dates, JSON output, and turning 'could not run' into exit 2."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from datetime import date

import typer

EXIT_OK, EXIT_FINDINGS, EXIT_CANNOT_RUN = 0, 1, 2
DB_HELP = "Database URL (default: $ODAUDIT_DATABASE_URL or sqlite:///var/odaudit.sqlite)."


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date like 2020-06-01") from None


def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


# Expected failures, named without importing their modules (SQLAlchemy, httpx, pyarrow cost
# a second of start-up that `odaudit validate` on a small file should not pay).
EXPECTED = {("sqlalchemy.exc", "SQLAlchemyError"), ("audits.campaign.config", "CampaignConfigError"),
            ("audits.data.schemas", "SchemaError"), ("audits.data.schemas", "NotCovered"),
            ("audits.portal.client", "PortalError"), ("audits.portal.offline", "SnapshotFileError"),
            ("audits.config_files", "ConfigFileError"), ("audits.store.db", "DatabaseUrlError")}


def expected(exc: BaseException) -> bool:
    """Bad config, an unreachable database, a missing file or campaign: not a bug, exit 2."""
    return isinstance(exc, (OSError, LookupError)) or any(
        (cls.__module__, cls.__name__) in EXPECTED for cls in type(exc).__mro__)


@contextmanager
def cannot_run(debug: bool):
    """Expected failures (bad config, unreachable database) → one line on stderr and exit 2."""
    try:
        yield
    except Exception as exc:
        if debug or not expected(exc):
            raise
        for line in getattr(exc, "lines", None) or [_first_line(exc)]:   # a config lists all its problems
            typer.echo(f"odaudit: cannot run: {line}", err=True)
        raise typer.Exit(EXIT_CANNOT_RUN) from None


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def console():
    """A rich console; piped output (make run, CI logs) gets a 120-column width, not 80."""
    from rich.console import Console

    probe = Console()
    return probe if probe.is_terminal else Console(width=120)
