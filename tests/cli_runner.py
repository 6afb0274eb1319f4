"""Run the odaudit CLI in this test process (Typer's CliRunner): the same app the entry point
runs, without a new interpreter per call. tests/cli/test_entry_point.py keeps the few real
subprocess runs of the installed `odaudit` script.

Commands that run a Prefect flow (`campaign run` past its config check) need the session's
`prefect_harness` fixture, or Prefect would start an ephemeral server inside the test.
"""
from __future__ import annotations

import traceback
from dataclasses import dataclass

from typer.testing import CliRunner

from audits.cli.main import app

# As the subprocess helper did: a developer's own database URL never leaks into a test.
ENV = {"ODAUDIT_DATABASE_URL": ""}


@dataclass(frozen=True)
class Ran:
    """What a run of `odaudit ARGS` gave: the exit code, stdout and stderr, kept apart."""
    returncode: int
    stdout: str
    stderr: str


def odaudit(*args) -> Ran:
    """`odaudit ARGS` in-process, in the current directory (a test that needs another one uses
    monkeypatch.chdir). The app's own guard (audits.cli.crash.GuardedGroup) runs here as in the real
    process: an unexpected exception is exit 2 and one «odaudit: internal error» line. Should one
    still escape it, it ends as exit code 1 and a Traceback on stderr, so "no Traceback" still means it."""
    result = CliRunner().invoke(app, [str(a) for a in args], env=ENV)
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(result.exception))
        return Ran(1, result.stdout, stderr)
    return Ran(result.exit_code, result.stdout, stderr)
