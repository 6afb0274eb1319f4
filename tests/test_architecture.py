"""Architecture rules kept by tests: the library never imports Prefect; docs name every
command and setting (README is the user's manual)."""
from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import audits
from audits.settings import SETTINGS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_audits_never_imports_prefect():
    modules = [m.name for m in pkgutil.walk_packages(audits.__path__, "audits.")
               if ".migrations" not in m.name]
    code = ("import importlib, sys\n"
            f"for name in {modules!r}: importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'prefect'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def commands(group=None, prefix="odaudit"):
    """Every leaf command of the Typer app, as (``odaudit campaign run``, click command)."""
    import typer

    from audits.cli.main import app

    group = group or typer.main.get_command(app)
    for name, command in sorted(group.commands.items()):
        if hasattr(command, "commands"):
            yield from commands(command, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", command


def test_readme_documents_every_command():
    assert [name for name, _ in commands() if name not in README] == []


def test_every_command_help_has_an_example():
    assert [name for name, command in commands() if "Example: odaudit" not in (command.help or "")] == []


def test_readme_documents_every_setting():
    for setting in SETTINGS.values():
        assert setting.env in README, setting.env


def test_readme_starts_with_the_two_commands():
    first_code = README.split("```")[1]
    assert "make run" in first_code and "make test" in first_code
