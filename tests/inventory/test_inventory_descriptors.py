"""Our published Table Schemas are valid Frictionless descriptors that other tools use as they are:
the real `frictionless validate --schema` CLI (the venv's) accepts each schema and a valid file.

A valid file for frictionless has the field names as its header (frictionless does not read our
Ukrainian titles or aliases) and the values frictionless parses (ISO dates): one row of each field's
clerk example, normalised the way odaudit reads it.
"""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import frictionless
import pytest
import yaml

from audits.inventory.normalize import to_text
from audits.inventory.schema import field_example, load_schema
from audits.paths import INVENTORY_SCHEMA

FRICTIONLESS = str(Path(sys.executable).parent / "frictionless")
SCHEMAS = Path(INVENTORY_SCHEMA).parent
TABLE_SCHEMAS = [INVENTORY_SCHEMA, *sorted((SCHEMAS / "demand").glob("*.schema.yaml"))]


def frictionless_cli(*args: str, cwd: Path) -> dict:
    """The CLI's JSON report; paths are relative to ``cwd`` (frictionless refuses absolute ones)."""
    result = subprocess.run([FRICTIONLESS, "validate", "--json", *args], capture_output=True, text=True, cwd=cwd)
    assert result.stdout, result.stderr
    return json.loads(result.stdout)


def example_file(schema_path: Path, folder: Path) -> str:
    schema = load_schema(schema_path)
    path = folder / "example.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(schema.names)
        writer.writerow([to_text(field_example(f), f) for f in schema.fields])
    return path.name


def errors(report: dict) -> list[str]:
    return [e.get("message", "") for task in report.get("tasks", []) for e in task.get("errors", [])]


@pytest.mark.parametrize("schema_path", TABLE_SCHEMAS, ids=lambda p: p.name)
def test_frictionless_cli_accepts_the_schema_and_a_valid_file(schema_path, tmp_path):
    shutil.copy(schema_path, tmp_path / "schema.yaml")
    report = frictionless_cli("--schema", "schema.yaml", example_file(schema_path, tmp_path), cwd=tmp_path)
    assert report["valid"], errors(report)


@pytest.mark.parametrize("schema_path", TABLE_SCHEMAS, ids=lambda p: p.name)
def test_the_descriptor_builds_a_frictionless_schema(schema_path):
    descriptor = yaml.safe_load(Path(schema_path).read_text(encoding="utf-8"))
    assert frictionless.Schema.validate_descriptor(descriptor).valid
    frictionless.Schema.from_descriptor(descriptor)   # raises on an example its type cannot parse


def test_clerk_examples_are_kept_under_x_example():
    """«15.01.2020» is what the clerk types; frictionless's `example` would have to parse it."""
    schema = load_schema()
    assert schema.example("last_updated") == "15.01.2020"
    assert all("example" not in f for f in schema.fields)


def test_the_catalogue_data_package_is_valid():
    report = frictionless_cli("datapackage.yaml", cwd=SCHEMAS / "catalogue")
    assert report["valid"], errors(report)
