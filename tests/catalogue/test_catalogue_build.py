"""The catalogue package is rebuilt byte for byte from the Annex spreadsheet."""
from __future__ import annotations

import frictionless
import pytest

from audits.catalogue import build
from audits.catalogue.catalogue import CATALOGUE_CSV, load_catalogue


def test_rebuild_gives_the_same_file(tmp_path, monkeypatch):
    shared = build.SOURCE.parents[1]
    if not shared.is_dir():  # a bare clone with no shared/ beside it; CI and sessions have one
        pytest.skip(f"no shared/ folder beside the clone ({shared})")
    assert build.SOURCE.is_file(), f"shared/ is there but the Annex spreadsheet is missing: {build.SOURCE}"
    monkeypatch.setattr(build, "TARGET", tmp_path / "rebuilt.csv")
    build.main([])
    assert (tmp_path / "rebuilt.csv").read_bytes() == CATALOGUE_CSV.read_bytes()


def test_package_is_valid_and_counts():
    report = frictionless.Package(str(CATALOGUE_CSV.parent / "datapackage.yaml")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type"])
    council = load_catalogue("council")
    assert (len(load_catalogue("all")), len(council)) == (992, 73)
    assert [i.id for i in council][:2] == ["all-01", "all-02"] and council[-1].id == "oms-57"
    assert sum(i.scope == "all-holders" for i in council) == 16
    assert council[16].title == "Перелік об’єктів комунальної власності"
