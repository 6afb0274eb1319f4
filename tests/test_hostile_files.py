"""Not every file is a file (issue 14): a FIFO, a link to /dev/zero or a folder named x.csv, a
config path out of its folder, a file that grows past the limit, a PDF renamed .csv. The guard
(audits/files.py) refuses each before reading; every command answers promptly: one finding
(validate, exit 1) or one line (exit 2). The CLI runs as a real process with a timeout, so a
regression that hangs fails here instead of hanging the test run."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from audits.files import FileRefused, confined, open_bounded, read_bytes_bounded, regular
from campaigns import make_campaign

ODAUDIT = [str(Path(sys.executable).parent / "odaudit")]
NO_HANG = 120      # seconds: only a hang gets near it; a normal answer takes a few seconds


def odaudit(tmp_path: Path, *args) -> subprocess.CompletedProcess:
    env = {**os.environ, "ODAUDIT_DATABASE_URL": f"sqlite:///{tmp_path / 'r.sqlite'}"}
    return subprocess.run(ODAUDIT + [str(a) for a in args], capture_output=True, text=True, cwd=tmp_path,
                          env=env, timeout=NO_HANG)


@pytest.fixture(params=["x.csv", "x.xlsx", "x.json"])
def fifo(tmp_path, request) -> Path:
    path = tmp_path / request.param
    os.mkfifo(path)
    return path


@pytest.fixture
def zero(tmp_path) -> Path:
    path = tmp_path / "z.csv"
    path.symlink_to("/dev/zero")
    return path


# --- the guard itself -------------------------------------------------------------------------

def test_a_fifo_is_refused_before_it_is_opened(fifo):
    with pytest.raises(FileRefused) as refused:
        read_bytes_bounded(fifo, 1000)
    assert (refused.value.reason, refused.value.detail) == ("not-a-file", "a FIFO (named pipe)")
    assert "іменований канал" in refused.value.detail_uk


def test_a_link_to_dev_zero_is_a_device_not_3_gb(zero):
    with pytest.raises(FileRefused) as refused:
        open_bounded(zero, 1000)
    assert refused.value.detail == "a character device"


def test_a_folder_and_a_missing_file_are_refused(tmp_path):
    (tmp_path / "d.csv").mkdir()
    with pytest.raises(FileRefused, match="a folder"):
        regular(tmp_path / "d.csv")
    with pytest.raises(FileRefused) as refused:
        read_bytes_bounded(tmp_path / "none.csv")
    assert refused.value.reason == "missing"


def test_the_limit_counts_the_bytes_read(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"x" * 100)
    assert read_bytes_bounded(path, 100) == b"x" * 100
    with pytest.raises(FileRefused) as refused:
        read_bytes_bounded(path, 99)
    assert refused.value.reason == "too-large"


def test_a_stream_stops_at_the_limit_even_when_the_file_grows_after_the_check(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"x" * 10)
    with open_bounded(path, 50) as stream:
        path.write_bytes(b"y" * 200)                 # the file grows once it has been checked
        with pytest.raises(FileRefused, match="larger than the limit"):
            stream.read()
    with open_bounded(path, 500) as stream:
        assert stream.read(3) == b"yyy"


@pytest.mark.parametrize("name", ["../../../../etc/passwd", "/etc/passwd", "sub/../../x.csv", "link/passwd"])
def test_a_config_path_is_confined_to_its_folder(tmp_path, name):
    base = tmp_path / "campaign"
    base.mkdir()
    (base / "link").symlink_to("/etc")
    with pytest.raises(FileRefused) as refused:
        confined(base, name)
    assert refused.value.reason == "outside-folder"


def test_a_path_inside_the_folder_is_kept(tmp_path):
    (tmp_path / "demand").mkdir()
    assert confined(tmp_path, "demand/../demand/a.xlsx") == tmp_path.resolve() / "demand" / "a.xlsx"


# --- every command answers ----------------------------------------------------------------------

def _one_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("odaudit: cannot run: "), lines
    return lines[0]


NOT_FILES = [("fifo", "x.csv"), ("fifo", "x.xlsx"), ("zero", "z.csv")]


def not_a_file(tmp_path: Path, kind: str, name: str) -> Path:
    path = tmp_path / name
    os.mkfifo(path) if kind == "fifo" else path.symlink_to("/dev/zero")
    return path


@pytest.mark.parametrize(("kind", "name"), NOT_FILES)
def test_validate_gives_one_finding_for_a_non_file(tmp_path, kind, name):
    path = not_a_file(tmp_path, kind, name)
    result = odaudit(tmp_path, "validate", path, "--json", "--as-of", "2020-06-01")
    assert result.returncode == 1, result.stdout + result.stderr     # README: an unreadable file is a finding
    assert "source-error" in result.stdout and "Traceback" not in result.stderr


@pytest.mark.parametrize(("kind", "name"), NOT_FILES)
@pytest.mark.parametrize("command", [["data", "screen"], ["data", "validate", "--schema", "transport-stops"],
                                     ["monitor", "--from-file"]])
def test_data_and_monitor_commands_give_one_line_and_exit_2(tmp_path, kind, name, command):
    path = not_a_file(tmp_path, kind, name)
    args = [*command[:2], path, *command[2:]] if command[0] == "data" else [*command, path]
    line = _one_line(odaudit(tmp_path, *args))
    assert "not a regular file" in line


@pytest.mark.parametrize(("kind", "name"), NOT_FILES)
def test_a_review_sheet_that_is_not_a_file_records_nothing(tmp_path, kind, name):
    result = odaudit(tmp_path, "review", "import", not_a_file(tmp_path, kind, name))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stdout + result.stderr
    assert "Жодного рішення не внесено" in result.stdout + result.stderr


def test_a_folder_named_csv_is_one_line(tmp_path):
    (tmp_path / "x.csv").mkdir()
    assert "not a regular file: a folder" in _one_line(odaudit(tmp_path, "monitor", "--from-file", tmp_path / "x.csv"))
    result = odaudit(tmp_path, "data", "screen", tmp_path / "x.csv")
    assert result.returncode == 2 and "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["/etc/passwd", "../../../../etc/passwd"])
def test_a_demand_file_out_of_the_campaign_folder_is_refused(tmp_path, name):
    directory = make_campaign(tmp_path / "c", {"fin": "Фінансовий відділ"})
    config = yaml.safe_load((directory / "campaign.yaml").read_text(encoding="utf-8"))
    config["demand"] = [{"kind": "econsult", "file": name}]
    (directory / "campaign.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    line = _one_line(odaudit(tmp_path, "campaign", "run", directory, "--out", tmp_path / "out"))
    assert f"demand[0].file: '{name}' is outside the campaign folder" in line
    assert not (tmp_path / "out").exists()


# --- item 5: a screen that could not read says so ------------------------------------------------

@pytest.mark.parametrize(("name", "content"), [
    ("report.csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n"),
    ("book.csv", b"PK\x03\x04" + b"\x00" * 200),
    ("old.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200),
    ("not-a-book.xlsx", "ПІБ;телефон\nІваненко Іван Іванович;+380671234567\n".encode()),
])
def test_the_screen_of_a_file_it_cannot_read_could_not_run(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    line = _one_line(odaudit(tmp_path, "data", "screen", path))
    assert "could not read" in line


def test_the_screen_of_a_real_csv_still_runs(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text("назва,кількість\nзупинка,3\n", encoding="utf-8")
    result = odaudit(tmp_path, "data", "screen", path)
    assert result.returncode == 0, result.stdout + result.stderr
