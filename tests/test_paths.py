"""Repository files are found through audits/paths.py (also from an installed package), and the
YAML configs through one loader, each config a setting a council can point at its own file."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import audits
from audits import config_files, paths
from audits.data.gx_suites import load_content_config
from audits.proposals.config import load_proposal_config
from audits.quality.config import load_quality_config

ROOT = Path(__file__).resolve().parents[1]


def test_paths_resolve_to_the_checkouts_folders():
    assert paths.SCHEMAS == ROOT / "schemas" and paths.CONFIG == ROOT / "config"
    for path in (paths.INVENTORY_SCHEMA, paths.CATALOGUE_CSV, paths.config_file("quality"),
                 paths.config_file("proposals"), paths.config_file("data_checks")):
        assert path.is_file(), path
    assert (paths.DATASET_SCHEMAS / "transport-stops" / "schema.yaml").is_file()
    assert (paths.DEMAND_SCHEMAS / "econsult.schema.yaml").is_file()


def test_no_module_climbs_to_the_repository_by_itself():
    climbing = [str(p.relative_to(ROOT)) for p in Path(audits.__file__).parent.rglob("*.py")
                if re.search(r"parents\[\d\]", p.read_text(encoding="utf-8")) and p.name != "paths.py"]
    assert climbing == []


def test_the_wheel_ships_the_bundled_files():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"_bundled/schemas/**/*"' in text and '"_bundled/config/*.yaml"' in text
    assert (Path(audits.__file__).parent / "_bundled" / "schemas").resolve() == ROOT / "schemas"


def test_a_config_setting_points_at_the_councils_own_file(tmp_path, monkeypatch):
    own = tmp_path / "quality.yaml"
    own.write_text(paths.config_file("quality").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("ODAUDIT_QUALITY_CONFIG", str(own))
    assert load_quality_config().path == own
    monkeypatch.delenv("ODAUDIT_QUALITY_CONFIG")
    assert load_quality_config().path == paths.config_file("quality")
    assert load_proposal_config().path == paths.config_file("proposals")
    assert load_content_config().max_empty_share >= 0


@pytest.mark.parametrize("text, says", [("bands: [unclosed", "not valid YAML"), ("- a list", "mapping")])
def test_a_malformed_config_names_its_file(tmp_path, text, says):
    bad = tmp_path / "broken.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(config_files.ConfigFileError, match=says) as caught:
        load_quality_config(bad)
    assert str(bad) in str(caught.value)
    with pytest.raises(config_files.ConfigFileError, match="cannot be read"):
        config_files.load_yaml(tmp_path / "missing.yaml")
