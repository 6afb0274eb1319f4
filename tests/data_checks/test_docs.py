"""The README documents the data-file commands and every dataset schema, and each command's
--help has an example."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from audits.cli.main import app
from audits.data.schemas import all_schemas

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
SECTION = " ".join(README.split("## Checking the data files", 1)[1].split("\n## ", 1)[0].split())


def test_readme_section_names_the_commands_and_every_schema():
    for command in ("odaudit data validate", "odaudit data expect", "odaudit data screen"):
        assert command in README, command
    for schema in all_schemas():
        assert f"`{schema.name}` ({schema.catalogue})" in SECTION, schema.name


@pytest.mark.parametrize("command", ["validate", "expect", "screen"])
def test_help_has_an_example(command):
    result = CliRunner().invoke(app, ["data", command, "--help"])
    assert result.exit_code == 0 and "Example: odaudit data " + command in result.stdout
