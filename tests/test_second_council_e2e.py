"""A second council from scratch on an installation that already holds the demo (Lutsk), round
after round: its findings, feedback and outputs carry nothing of Lutsk; the clerk sends the
feedback copy back fixed and gets clean feedback; the history shows both rounds. SQLite and
PostgreSQL (the ``db_url`` fixture runs each test on both)."""
from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from campaigns import good_row, write_inventory
from cli_runner import odaudit
from templates.test_second_council import DEPARTMENTS, DOMAIN, council_folder

LUTSK = ("луцьк", "lutsk")
BAD_EMAIL = "не пошта"


def _texts(out: Path):
    """(file, text) of every output, the parts of a workbook one by one."""
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        if path.suffix in (".xlsx", ".ods", ".docx"):
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    yield f"{path.name}:{name}", archive.read(name).decode("utf-8", "replace")
        else:
            yield path.name, path.read_text(encoding="utf-8", errors="replace")


def lutsk_in(out: Path) -> list[str]:
    return [name for name, text in _texts(out) if any(w in text.casefold() for w in LUTSK)]


def _inventories(directory: Path) -> None:
    for code, name in DEPARTMENTS.items():
        rows = [good_row(n, department=name, responsible_person="Іваненко Марія",
                         responsible_email=f"{code}@{DOMAIN}") for n in (1, 2)]
        if code == "fin":
            rows[1]["responsible_email"] = BAD_EMAIL
        write_inventory(directory / f"{code}.xlsx", rows)


def _fix_feedback_copy(marked: Path, target: Path) -> None:
    """What the clerk does: opens the feedback copy, types the right e-mail, sends it back."""
    book = load_workbook(marked)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value == BAD_EMAIL:
                    cell.value = f"fin2@{DOMAIN}"
    book.save(target)
    later = os.stat(marked).st_mtime + 3600           # sent after the first round's files
    os.utime(target, (later, later))


def _run(directory: Path, db: str, out: Path) -> dict:
    result = odaudit("campaign", "run", directory, "--db", db, "--out", out, "--json")
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_a_second_council_round_after_round(tmp_path, demo_db_url):
    directory = council_folder(tmp_path, "kivertsi-2021", 2021)
    _inventories(directory)

    first = _run(directory, demo_db_url, tmp_path / "out1")
    by_code = {d["code"]: d for d in first["departments"]}
    assert by_code["fin"]["status"] == "invalid" and by_code["fin"]["errors"] == 1
    assert all(by_code[c]["status"] == "accepted" for c in ("osv", "zhkg", "ist"))
    assert lutsk_in(tmp_path / "out1") == []
    marked = tmp_path / "out1" / "feedback" / "fin.xlsx"
    assert marked.is_file()

    _fix_feedback_copy(marked, directory / "fin-resent.xlsx")
    second = _run(directory, demo_db_url, tmp_path / "out2")
    fin = next(d for d in second["departments"] if d["code"] == "fin")
    assert fin["status"] == "accepted" and fin["errors"] == 0
    assert lutsk_in(tmp_path / "out2") == []
    resent = tmp_path / "out2" / "feedback" / "fin.xlsx"
    if resent.exists():                      # only warnings left: the new copy has no old marks
        book = load_workbook(resent)
        assert sum(1 for s in book.sheetnames if s.startswith("Зауваження")) <= 1
        assert not any(c.comment and BAD_EMAIL in c.comment.text for s in book.worksheets
                       for row in s.iter_rows() for c in row)

    history = odaudit("campaign", "status", "--history", "--db", demo_db_url, "--campaign", "kivertsi-2021",
                      "--department", "fin", "--json")
    assert history.returncode == 0, history.stderr
    versions = json.loads(history.stdout)["departments"][0]["versions"]
    assert [v["errors"] for v in versions] == [1, 0] and versions[-1]["current"]
    assert versions[-1]["previous_errors"] == 1
    shutil.rmtree(tmp_path / "out1")
