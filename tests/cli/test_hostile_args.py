"""Every command of the app with hostile arguments: an exit code as documented (0, 1 or 2), no
traceback and a short stderr. Then the guard itself: an exception nobody expected is one line
naming a log file that holds the traceback, and --debug lets the traceback through."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import typer

from cli_runner import odaudit
from test_architecture import commands

MISSING = "/nonexistent/odaudit/x.xlsx"
MAX_LINES = 8      # click's usage error: Usage, Try, and a boxed message of one long path
OPTIONS = {"--db": "foo://", "--as-of": "2020-13-45", "--campaign": "../../etc"}


def _hostile_values(tmp_path: Path) -> list[str]:
    return [MISSING, str(tmp_path), "", "../../etc"]


def _argv(name: str, command, value: str, extra: tuple = ()) -> list[str]:
    """``name``'s words, every argument and required option given ``value``, then ``extra``."""
    argv = name.split()[1:]
    for param in command.params:
        if param.name == "help":
            continue
        if param.param_type_name == "argument":
            argv.append(value)
        elif getattr(param, "is_flag", False):
            if param.required:
                argv.append(param.opts[0])
        elif param.required or (name == "odaudit monitor" and param.opts[0] == "--from-file"):
            argv += [param.opts[0], value]   # monitor reads a file, never the network, here
    return argv + list(extra)


LISTENS = {"odaudit serve"}   # runs until stopped once its arguments pass: only bad ones here (tests/web runs it)


def _cases(tmp_path: Path):
    for name, command in commands():
        for value in _hostile_values(tmp_path):
            if name not in LISTENS:
                yield _argv(name, command, value)
        if name in LISTENS:
            yield _argv(name, command, value, ("--port", "99999"))
            yield _argv(name, command, value, ("--host", "../../etc", "--db", MISSING))
        options = {p.opts[0] for p in command.params if getattr(p, "opts", None)}
        for option, value in OPTIONS.items():
            if option in options:
                yield _argv(name, command, MISSING, (option, value))


def test_every_command_answers_hostile_arguments(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ODAUDIT_ERROR_LOG_DIR", str(tmp_path / "logs"))
    bad = []
    for argv in _cases(tmp_path):
        ran = odaudit(*argv)
        lines = ran.stderr.strip().splitlines()
        if ran.returncode not in (0, 1, 2) or "Traceback" in ran.stderr or len(lines) > MAX_LINES:
            bad.append((argv, ran.returncode, ran.stderr[-600:]))
    assert bad == []


def test_an_unexpected_exception_is_one_line_and_a_log(tmp_path, monkeypatch):
    """A command that fails the way a bug does, through the installed entry point."""
    monkeypatch.setenv("ODAUDIT_ERROR_LOG_DIR", str(tmp_path / "logs"))
    ran = _guarded(tmp_path, debug=False)
    assert ran.returncode == 2
    lines = ran.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("odaudit: internal error: ZeroDivisionError: ")
    log = Path(lines[0].rsplit("(details: ", 1)[1].rstrip(")"))
    assert log.parent == tmp_path / "logs" and "Traceback" in log.read_text(encoding="utf-8")


def test_debug_shows_the_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("ODAUDIT_ERROR_LOG_DIR", str(tmp_path / "logs"))
    ran = _guarded(tmp_path, debug=True)
    assert ran.returncode != 0 and "Traceback" in ran.stderr and "ZeroDivisionError" in ran.stderr
    assert not (tmp_path / "logs").exists()


def _guarded(tmp_path: Path, debug: bool):
    """The installed entry point (audits.cli.main:main) in a new interpreter, with one extra
    command that fails the way a bug does: the handler under test is the real one."""
    script = ("import sys\nfrom audits.cli.main import app, main\n"
              "@app.command('boom')\ndef boom(debug: bool = False):\n    1 / 0\n"
              "sys.argv = ['odaudit', 'boom'" + (", '--debug'" if debug else "") + "]\nmain()\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path,
                          env=env, timeout=120)


def test_the_in_process_runner_sees_the_same_guard():
    """CliRunner calls the same group's main, so the in-process runs above test the real handler."""
    from audits.cli.crash import GuardedGroup
    from audits.cli.main import app

    assert isinstance(typer.main.get_command(app), GuardedGroup)
