"""inventories/rows.py: the one row builder and inventory writer; the demo it builds is the committed one."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile

import pytest
from openpyxl import load_workbook

from audits.inventory.schema import load_schema
from conftest import DEMO, ROOT
from rows import BASE, CAMPAIGN, CLERK, row, values, write_inventory


def test_rows_follow_the_schema():
    names = load_schema().names
    assert list(BASE) == names
    assert list(row(7)) == names and row(7)["id"] == "ds-007"
    assert set(CAMPAIGN) <= set(names) and set(CLERK) <= set(names)
    assert "department" not in row(1, CLERK) and row(1, CLERK, department="Д")["department"] == "Д"
    with pytest.raises(KeyError, match="colour"):
        row(1, colour="червоний")


def test_write_inventory_is_deterministic(tmp_path):
    rows = [row(1), None, row(2, last_updated="31.02.2020")]
    first = write_inventory(tmp_path / "a.xlsx", rows, as_text_dates=True).read_bytes()
    assert write_inventory(tmp_path / "b.xlsx", rows, as_text_dates=True).read_bytes() == first
    sheet = load_workbook(tmp_path / "a.xlsx").active
    grid = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert grid[3] == [f["title"] for f in load_schema().fields]
    assert grid[4][11] == "01.03.2020" and not any(grid[5])
    assert grid[6] == values(rows[2] | {"current_as_of": "01.03.2020"})


def _cells(data: bytes) -> list:
    book = load_workbook(io.BytesIO(data))
    return [(ws.title, [(c.coordinate, c.value, c.data_type, c.number_format) for r in ws.iter_rows() for c in r])
            for ws in book]


def _members(data: bytes) -> list:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info.filename)) for info in archive.infolist()]


def test_demo_builder_writes_the_committed_campaign(tmp_path):
    # A fresh interpreter: odfpy remembers the XML namespaces of every document written before.
    path = os.pathsep.join([str(ROOT), str(ROOT / "inventories"), os.environ.get("PYTHONPATH", "")])
    build = "import pathlib, sys, build_demo; build_demo.build(pathlib.Path(sys.argv[1]))"
    env = {**os.environ, "PYTHONPATH": path}
    subprocess.run([sys.executable, "-B", "-c", build, str(tmp_path)], check=True, env=env)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(p.name for p in DEMO.iterdir() if p.is_file())
    for name in written:
        new, old = (tmp_path / name).read_bytes(), (DEMO / name).read_bytes()
        if name.endswith(".xlsx"):          # committed by an earlier writer: the same cells, other XML bytes
            assert _cells(new) == _cells(old), name
        elif name.endswith(".ods"):         # odfpy stamps the zip entries with the time of writing
            assert _members(new) == _members(old), name
        else:
            assert new == old, name
