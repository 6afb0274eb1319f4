"""Our published schemas are valid Frictionless descriptors that other tools can use as they are:
frictionless's own descriptor validation accepts each one, and the frictionless CLI, given a
dataset schema, finds its valid sample valid and its invalid sample invalid."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from frictionless import Package, Schema

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
DATASETS = sorted(p.parent.name for p in (SCHEMAS / "datasets").glob("*/schema.yaml"))
TABLE_SCHEMAS = sorted(str(p.relative_to(SCHEMAS)) for p in SCHEMAS.rglob("*.schema.yaml"))
FRICTIONLESS = Path(sys.executable).parent / "frictionless"


def _descriptor(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", DATASETS)
def test_dataset_schema_is_a_valid_descriptor(name):
    descriptor = _descriptor(SCHEMAS / "datasets" / name / "schema.yaml")
    report = Schema.validate_descriptor(descriptor)
    assert report.valid, [e.message for e in report.errors]


@pytest.mark.parametrize("relative", TABLE_SCHEMAS)
def test_inventory_and_demand_schemas_are_valid_descriptors(relative):
    report = Schema.validate_descriptor(_descriptor(SCHEMAS / relative))
    assert report.valid, [e.message for e in report.errors]


def test_catalogue_package_is_a_valid_descriptor():
    report = Package.validate_descriptor(_descriptor(SCHEMAS / "catalogue" / "datapackage.yaml"))
    assert report.valid, [e.message for e in report.errors]


@pytest.fixture(scope="module")
def cli_tasks(tmp_path_factory) -> dict[str, dict]:
    """One run of the real frictionless CLI over a package of every sample, each resource pointing at
    its schema file as published (``--trusted``: the paths are absolute)."""
    resources = []
    for name in DATASETS:
        folder = SCHEMAS / "datasets" / name
        for sample in ("valid", "invalid"):
            resources.append({"name": f"{name}-{sample}", "path": str(folder / f"{sample}.csv"),
                              "schema": str(folder / "schema.yaml")})
    package = tmp_path_factory.mktemp("cli") / "datapackage.json"
    package.write_text(json.dumps({"name": "samples", "resources": resources}), encoding="utf-8")
    result = subprocess.run([str(FRICTIONLESS), "validate", str(package), "--trusted", "--json"],
                            capture_output=True, text=True, encoding="utf-8", check=False)
    report = json.loads(result.stdout)
    assert not report.get("errors"), report["errors"]            # the package and every schema load
    return {task["name"]: task for task in report["tasks"]}


@pytest.mark.parametrize("name", DATASETS)
def test_frictionless_cli_finds_the_valid_sample_valid(name, cli_tasks):
    task = cli_tasks[f"{name}-valid"]
    assert task["valid"] is True, [e["message"] for e in task["errors"]]


@pytest.mark.parametrize("name", DATASETS)
def test_frictionless_cli_finds_the_invalid_sample_invalid(name, cli_tasks):
    task = cli_tasks[f"{name}-invalid"]
    assert task["valid"] is False
    assert {e["type"] for e in task["errors"]} <= {"type-error", "constraint-error", "unique-error", "primary-key"}


def test_frictionless_cli_with_the_schema_option_as_a_user_types_it():
    folder = SCHEMAS / "datasets" / "transport-stops"
    result = subprocess.run([str(FRICTIONLESS), "validate", "--schema", "schema.yaml", "valid.csv", "--json"],
                            cwd=folder, capture_output=True, text=True, encoding="utf-8", check=False)
    assert result.returncode == 0 and json.loads(result.stdout)["valid"] is True
