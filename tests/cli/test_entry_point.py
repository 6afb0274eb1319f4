"""The installed `odaudit` script, run as a real process: its three exit codes (0 ran clean,
1 ran and found errors, 2 could not run). Every other CLI test runs in-process (tests/cli_runner.py)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from campaigns import good_row, write_inventory

ODAUDIT = [str(Path(sys.executable).parent / "odaudit")]


def odaudit(*args, cwd=None):
    return subprocess.run(ODAUDIT + [str(a) for a in args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "ODAUDIT_DATABASE_URL": ""})


def test_entry_point_clean_file_exits_0(tmp_path):
    path = write_inventory(tmp_path / "ukt.xlsx", [good_row(1), good_row(2)])
    result = odaudit("validate", path, "--json", "--as-of", "2020-06-01")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"file": "ukt.xlsx", "valid": True, "rows": 2, "findings": []}]


def test_entry_point_findings_exit_1(tmp_path):
    path = write_inventory(tmp_path / "fin.xlsx", [good_row(1, records="близько 500")])
    result = odaudit("validate", path, "--as-of", "2020-06-01")
    assert result.returncode == 1, result.stderr
    assert "N5" in result.stdout and "bad-number" in result.stdout


def test_entry_point_cannot_run_exits_2(tmp_path):
    result = odaudit("campaign", "status", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("odaudit: cannot run:") and "Traceback" not in result.stderr
