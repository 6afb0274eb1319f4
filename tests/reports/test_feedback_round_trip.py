"""The department's round trip: template → filled by a clerk (openpyxl) → campaign run →
feedback/<code>.xlsx marks exactly the cells with findings, and feedback/<code>.txt says what to do."""
from __future__ import annotations

import hashlib
import json
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from audits.campaign import pipeline
from audits.campaign.config import load_campaign
from audits.campaign.outputs import write_outputs
from audits.reports import feedback_texts as t
from audits.reports.feedback_xlsx import FILLS
from audits.store.db import open_database
from audits.templates import texts
from audits.templates.build import write_templates
from audits.validate import inspect_file
from builders import flat
from campaigns import make_campaign
from clerk import clerk_row, fill
from cli_runner import odaudit

AS_OF = date(2020, 6, 1)
RED, AMBER = FILLS["error"].fgColor.rgb, FILLS["warning"].fgColor.rgb
KEYS = {"Аркуш": "sheet", "Рядок": "row", "Колонка": "column", "Літера колонки": "column_letter", "Поле": "field",
        "Код": "code", "Значення": "value", "Що виправити": "message"}
PLANTED = [clerk_row(1),
           clerk_row(2, responsible_email="a.melnyk.lutskrada.gov.ua"),
           clerk_row(3, update_frequency="раз на тиждень", last_updated="31.02.2020"),
           clerk_row(4, title=None, personal_data="так")]
EXPECTED = [(5, "F", "responsible_email", "bad-email"), (6, "K", "update_frequency", "not-in-list"),
            (6, "L", "last_updated", "bad-date"), (7, "B", "title", "missing-value"),
            (7, "R", "access", "personal-data-open")]


def run(directory: Path, db_url: str, out: Path) -> dict[str, Path]:
    """A campaign run through the same plain functions the Prefect flow wires."""
    config = load_campaign(directory)
    engine = open_database(db_url)
    try:
        return write_outputs(pipeline.audit(engine, config, AS_OF, datetime(2020, 5, 20, 10, 0)), out)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def filled_campaign(tmp_path_factory) -> Path:
    """Templates written and filled by the clerks once per session; tests get a copy (campaign)."""
    root = tmp_path_factory.mktemp("feedback")
    directory = make_campaign(root / "c", {"ukt": "Управління ІКТ", "fin": "Департамент фінансів",
                                           "osv": "Управління освіти"})
    config = load_campaign(directory)
    written = {w.department: w for w in write_templates(config, root / "templates", list(config.departments))}
    fill(written["ukt"].xlsx, PLANTED, directory / "Інвентаризація ІКТ.xlsx")          # renamed by the clerk
    fill(written["fin"].xlsx, [clerk_row(1, id="fin-001", title="Видатки бюджету громади")], directory / "fin.xlsx")
    return directory


@pytest.fixture
def campaign(filled_campaign, tmp_path) -> Path:
    return Path(shutil.copytree(filled_campaign, tmp_path / "c"))


def marks(book) -> dict[tuple[str, str], str]:
    """(sheet, cell) → fill colour of every cell the feedback marked (red/amber fill or its comment)."""
    found = {}
    for ws in book.worksheets[1:]:
        for row in ws.iter_rows():
            for cell in row:
                ours = cell.comment is not None and cell.comment.author == t.COMMENT_AUTHOR
                if ours or cell.fill.fgColor.rgb in (RED, AMBER):
                    found[(ws.title, cell.coordinate)] = cell.fill.fgColor.rgb
    return found


def findings_sheet(book) -> list[dict]:
    """The listed findings, each with its link cell's text and target."""
    rows = list(book[t.FINDINGS_SHEET].iter_rows())
    start = next(i for i, r in enumerate(rows) if r[0].value == "№")
    header = [c.value for c in rows[start]]
    return [{KEYS[h]: c.value for h, c in zip(header, r) if h in KEYS}
            | {"link": (r[1].value, r[1].hyperlink.location if r[1].hyperlink else None)} for r in rows[start + 1:]]


def test_clean_template_round_trip_has_zero_findings(campaign):
    report = inspect_file(campaign / "fin.xlsx", AS_OF).report
    assert (report.rows, report.findings) == (1, [])


def test_feedback_marks_exactly_the_planted_mistakes(campaign, tmp_path, db_url):
    submitted = campaign / "Інвентаризація ІКТ.xlsx"
    before = hashlib.sha256(submitted.read_bytes()).hexdigest()
    report = inspect_file(submitted, AS_OF).report
    assert flat(report) == EXPECTED

    paths = run(campaign, db_url, tmp_path / "out")
    feedback = paths["feedback"]
    # fin's file was accepted without findings: its confirmation e-mail only, no workbook to open
    assert sorted(p.name for p in feedback.iterdir()) == ["fin.txt", "osv.txt", "ukt.txt", "ukt.xlsx"]
    assert hashlib.sha256(submitted.read_bytes()).hexdigest() == before         # the original is untouched

    book = load_workbook(feedback / "ukt.xlsx")
    assert book.sheetnames[0] == t.FINDINGS_SHEET and texts.INVENTORY_SHEET in book.sheetnames
    sheet = texts.INVENTORY_SHEET
    assert marks(book) == {(sheet, "F5"): RED, (sheet, "K6"): RED, (sheet, "L6"): RED, (sheet, "B7"): RED,
                           (sheet, "R7"): AMBER}
    by_cell = {f"{f.column_letter}{f.row}": f for f in report.findings}
    for ref, finding in by_cell.items():
        comment = book[sheet][ref].comment.text
        assert finding.message in comment
        assert comment.startswith("Попередження" if finding.severity == "warning" else "Помилка")

    listed = findings_sheet(book)
    validated = odaudit("validate", submitted, "--json", "--as-of", AS_OF.isoformat())
    [as_json] = json.loads(validated.stdout)
    as_json = as_json["findings"]
    assert [{k: r[k] for k in KEYS.values()} for r in listed] == [{k: f[k] for k in KEYS.values()} for f in as_json]
    assert [r["link"] for r in listed] == [(ref, f"'{sheet}'!{ref}") for ref in ("F5", "K6", "L6", "B7", "R7")]


def test_feedback_copy_keeps_every_value(campaign, tmp_path, db_url):
    paths = run(campaign, db_url, tmp_path / "out")
    original = load_workbook(campaign / "Інвентаризація ІКТ.xlsx")
    copy = load_workbook(paths["feedback"] / "ukt.xlsx")
    for ws in original.worksheets:
        assert [[c.value for c in r] for r in ws.iter_rows()] == \
            [[c.value for c in r] for r in copy[ws.title].iter_rows()]


def test_feedback_texts_for_errors_acceptance_and_missing(campaign, tmp_path, db_url):
    feedback = run(campaign, db_url, tmp_path / "out")["feedback"]
    ukt = (feedback / "ukt.txt").read_text(encoding="utf-8")
    assert "знайдено 4 помилки та 1 попередження" in ukt
    assert "заповнених обов'язкових клітинок: 1 (B7)" in ukt
    assert "Неправильна дата: 1 (L6)" in ukt
    assert "Термін подання (29.05.2020) минув" in ukt and "«ukt.xlsx»" in ukt
    fin = (feedback / "fin.txt").read_text(encoding="utf-8")
    assert "прийнято без зауважень" in fin and "1 набір)" in fin and ".xlsx" not in fin.replace("«fin.xlsx»", "")
    assert not (feedback / "fin.xlsx").exists()
    osv = (feedback / "osv.txt").read_text(encoding="utf-8")
    assert "ще не отримали" in osv and "до 29.05.2020" in osv
    for text in (ukt, fin, osv):
        assert text.startswith("Тема: ") and "Шановні колеги!" in text and text.rstrip().endswith("аудиту даних")


def test_corrupt_file_gets_feedback_without_a_copy(tmp_path, data, db_url):
    directory = make_campaign(tmp_path / "c", {"kadry": "Відділ кадрів"})
    (directory / "kadry.xlsx").write_bytes((data / "corrupt.xlsx").read_bytes())
    feedback = run(directory, db_url, tmp_path / "out")["feedback"]
    book = load_workbook(feedback / "kadry.xlsx")
    assert book.sheetnames == [t.FINDINGS_SHEET]
    values = [v for r in book.worksheets[0].iter_rows(values_only=True) for v in r if v]
    assert t.NOTE_NO_COPY.format(reason=t.REASON_FILE_FINDING) in values and "source-error" in values
    assert "Файл не вдалося прочитати" in (feedback / "kadry.txt").read_text(encoding="utf-8")
