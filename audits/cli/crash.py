"""The last guard of every command: an exception no command expected becomes one line on
stderr and exit 2, with the traceback written to a log file the line names. ``--debug``
anywhere on the command line lets the traceback through instead."""
from __future__ import annotations

import os
import tempfile
import traceback
from datetime import datetime
from pathlib import Path

import typer
from typer.core import TyperGroup

from .. import settings
from .common import EXIT_CANNOT_RUN

MESSAGE_CHARS = 200


class GuardedGroup(TyperGroup):
    """The top-level group of the app: click's ``main`` (what both the installed script and
    Typer's CliRunner call) wrapped, so the guard is in one place for every command."""

    def main(self, args=None, *rest, **kwargs):
        try:
            return super().main(args, *rest, **kwargs)
        except Exception as exc:    # noqa: BLE001 - the one place that catches everything
            if "--debug" in _argv(args):
                raise
            typer.echo(internal_error(exc), err=True)
            raise SystemExit(EXIT_CANNOT_RUN) from None


def internal_error(exc: BaseException) -> str:
    """«odaudit: internal error: <ExcType>: <short message> (details: <log path>)», the
    traceback written to the log."""
    return f"odaudit: internal error: {type(exc).__name__}: {short(exc)} (details: {write_log(exc)})"


def short(exc: BaseException) -> str:
    """The first line of the message, printable, at most MESSAGE_CHARS characters."""
    text = (str(exc).strip().splitlines() or [""])[0]
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= MESSAGE_CHARS else text[:MESSAGE_CHARS] + "…"


def write_log(exc: BaseException) -> str:
    folder = Path(settings.get("error_log_dir") or Path(tempfile.gettempdir()) / "odaudit-errors")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        handle, name = tempfile.mkstemp(prefix=f"odaudit-{stamp}-", suffix=".log", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace") as log:
            log.write("".join(traceback.format_exception(exc)))
        return name
    except OSError as problem:
        return f"log not written: {type(problem).__name__}"


def _argv(args) -> list[str]:
    import sys

    return [str(a) for a in (sys.argv[1:] if args is None else args)]
