"""Every config is checked before any work (issue 14, item 2): a broken or wrong-shape portal
snapshot and a missing demand file named in campaign.yaml stop `odaudit campaign run` with one
line per problem and exit 2, before any department's file is read; nothing is written (no
database, no out/). YAML tags are refused and a YAML config's size is capped (a setting)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from audits.config_files import bounded_load
from cli_runner import odaudit

GOOD = {"campaign": "hromada-2021", "name": "Аудит даних", "city": "Громада", "year": 2021, "as_of": "2021-06-01",
        "departments": [{"code": "fin", "name": "Фінансовий відділ",
                         "contact": {"person": "Петренко", "email": "fin@hromada.gov.ua"}}]}


def campaign(tmp_path: Path, snapshot: bytes | None = None, **changes) -> Path:
    """A campaign folder with one department file that is not even a spreadsheet: a run that
    read it before refusing the config would not stop at the config."""
    directory = tmp_path / "c"
    directory.mkdir()
    doc = {**GOOD, **changes}
    if snapshot is not None:
        (directory / "snapshot.json").write_bytes(snapshot)
        doc["portal"] = {"organization": "hromada", "snapshot": "snapshot.json"}
    (directory / "campaign.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    (directory / "fin.xlsx").write_bytes(b"not a spreadsheet")
    return directory


def refused(tmp_path: Path, directory: Path) -> list[str]:
    result = odaudit("campaign", "run", directory, "--out", tmp_path / "out",
                     "--db", f"sqlite:///{tmp_path / 'r.sqlite'}")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "r.sqlite").exists() and not (tmp_path / "out").exists()
    return result.stderr.strip().splitlines()


@pytest.mark.parametrize(("name", "snapshot", "expected"), [
    ("malformed", b'{"result": {"results": [', "not a JSON file"),
    ("a list of numbers", b"[1, 2, 3]", "package 1 is int 1, not a package"),
    ("a bare number result", b'{"result": 5}', "expected a package_search response"),
    ("a failed answer", b'{"success": false, "result": {"results": []}}', "expected a package_search response"),
    ("deep nesting", b"[" * 100_000 + b"]" * 100_000, "nested 100000 levels deep"),
    ("not UTF-8", b'["\xff\xfe"]', "not UTF-8 text"),
])
def test_a_bad_snapshot_stops_the_run_before_any_file(tmp_path, name, snapshot, expected):
    directory = campaign(tmp_path, snapshot)
    [line] = refused(tmp_path, directory)
    assert line.startswith("odaudit: cannot run: ") and "portal.snapshot" in line and expected in line


def test_too_many_packages_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("ODAUDIT_SNAPSHOT_MAX_PACKAGES", "10")
    [line] = refused(tmp_path, campaign(tmp_path, json.dumps([{}] * 11).encode()))
    assert "11 packages" in line and "snapshot_max_packages" in line


def test_a_missing_demand_file_and_snapshot_are_each_one_line(tmp_path):
    directory = campaign(tmp_path, demand=[{"kind": "econsult", "file": "demand/e.csv"}],
                         portal={"snapshot": "gone.json"})
    lines = refused(tmp_path, directory)
    assert len(lines) == 2
    assert any("portal.snapshot" in line and "not found" in line for line in lines)
    assert any("demand[0].file" in line and "not found" in line for line in lines)


@pytest.mark.parametrize("tag", ["!!binary aGVsbG8=", "!custom x", "!!python/object:os.system x", "!!set {a}"])
def test_a_yaml_tag_is_one_line(tmp_path, tag):
    directory = campaign(tmp_path)
    text = (directory / "campaign.yaml").read_text(encoding="utf-8")
    (directory / "campaign.yaml").write_text(text.replace("city: Громада", f"city: {tag}"), encoding="utf-8")
    [line] = refused(tmp_path, directory)
    assert "is not accepted" in line


def test_a_campaign_yaml_over_the_size_setting_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("ODAUDIT_YAML_MAX_KB", "1")
    directory = campaign(tmp_path, name="А" * 2000)
    [line] = refused(tmp_path, directory)
    assert "too large" in line and "yaml_max_kb" in line


def test_an_alias_bomb_is_refused_without_expanding_it():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 8)]
    with pytest.raises(ValueError, match="aliases expand"):
        bounded_load("\n".join(lines) + "\nname: *a7\n")
