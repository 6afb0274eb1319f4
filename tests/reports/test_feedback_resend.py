"""The second round of a department: the clerk fixes the cells of the feedback copy (openpyxl,
as Excel would leave it: the values changed, our fills and comments still there, a bold cell and
a wider column of their own) and sends it back. The next feedback is made from a clean copy,
the e-mail says what was fixed, and the history shows both versions."""
from __future__ import annotations

import json
import os
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from openpyxl.styles import Font

from audits.campaign import pipeline
from audits.campaign.config import load_campaign
from audits.campaign.outputs import write_outputs
from audits.reports import feedback_texts as t
from audits.reports.feedback_xlsx import FILLS
from audits.store.db import open_database
from audits.templates import texts
from audits.templates.build import write_templates
from audits.validate import inspect_file
from campaigns import make_campaign
from clerk import clerk_row, fill
from cli_runner import odaudit

AS_OF = date(2020, 6, 1)
OURS = {FILLS["error"].fgColor.rgb, FILLS["warning"].fgColor.rgb}
SHEET = texts.INVENTORY_SHEET
PLANTED = [clerk_row(1),
           clerk_row(2, responsible_email="a.melnyk.lutskrada.gov.ua"),
           clerk_row(3, update_frequency="раз на тиждень", last_updated="31.02.2020"),
           clerk_row(4, title=None, personal_data="так")]
FIXES = {"F5": clerk_row(2)["responsible_email"], "K6": clerk_row(3)["update_frequency"],
         "L6": clerk_row(3)["last_updated"], "B7": clerk_row(4)["title"]}


def run(directory: Path, db_url: str, out: Path, received_at: datetime) -> dict[str, Path]:
    engine = open_database(db_url)
    try:
        return write_outputs(pipeline.audit(engine, load_campaign(directory), AS_OF, received_at), out)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def first_round(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("resend")
    directory = make_campaign(root / "c", {"ukt": "Управління ІКТ", "fin": "Департамент фінансів"})
    config = yaml.safe_load((directory / "campaign.yaml").read_text(encoding="utf-8"))
    config["departments"][0]["mandatory"] = ["all-06"]
    (directory / "campaign.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    config = load_campaign(directory)
    written = {w.department: w for w in write_templates(config, root / "templates", list(config.departments))}
    planted = [*PLANTED, clerk_row(5, catalogue_ref="all-06", title="Звіти про виконання бюджету")]
    fill(written["ukt"].xlsx, planted, directory / "ukt.xlsx")
    fill(written["fin"].xlsx, [clerk_row(1, id="fin-001", title="Видатки бюджету громади")], directory / "fin.xlsx")
    return directory


@pytest.fixture
def campaign(first_round, tmp_path) -> Path:
    return Path(shutil.copytree(first_round, tmp_path / "c"))


def fix_as_a_clerk(feedback: Path, saved_as: Path) -> Path:
    """Type the right values into the marked cells; add a bold cell and a wider column."""
    book = load_workbook(feedback)
    ws = book[SHEET]
    for ref, value in FIXES.items():
        ws[ref].value = value
    ws["C5"].font = Font(bold=True)
    ws.column_dimensions["D"].width = 41
    book.save(saved_as)
    later = feedback.stat().st_mtime + 60
    os.utime(saved_as, (later, later))
    return saved_as


def ours(book) -> dict[tuple[str, str], str]:
    found = {}
    for ws in (w for w in book.worksheets if w.title != t.FINDINGS_SHEET):
        for row in ws.iter_rows():
            for cell in row:
                comment = cell.comment is not None and cell.comment.author == t.COMMENT_AUTHOR
                if comment or cell.fill.fgColor.rgb in OURS:
                    found[(ws.title, cell.coordinate)] = cell.fill.fgColor.rgb
    return found


def second_round(campaign: Path, db_url: str, tmp_path: Path) -> tuple[Path, Path]:
    first = run(campaign, db_url, tmp_path / "out1", datetime(2020, 5, 20, 10))["feedback"]
    (campaign / "ukt.xlsx").unlink()
    fix_as_a_clerk(first / "ukt.xlsx", campaign / "ukt.xlsx")
    second = run(campaign, db_url, tmp_path / "out2", datetime(2020, 6, 12, 9))["feedback"]
    return first, second


def test_resent_feedback_copy_gets_clean_feedback(campaign, tmp_path, db_url):
    first, second = second_round(campaign, db_url, tmp_path)
    assert {ref for _, ref in ours(load_workbook(first / "ukt.xlsx"))} >= set(FIXES)

    report = inspect_file(campaign / "ukt.xlsx", AS_OF).report
    assert report.sheet == SHEET                                  # the findings sheet is not the inventory
    assert [f.code for f in report.findings] == ["personal-data-open"]

    book = load_workbook(second / "ukt.xlsx")
    assert book.sheetnames == [t.FINDINGS_SHEET, *[s for s in book.sheetnames if s != t.FINDINGS_SHEET]]
    assert [s for s in book.sheetnames if s.startswith(t.FINDINGS_SHEET)] == [t.FINDINGS_SHEET]
    assert ours(book) == {(SHEET, "R7"): FILLS["warning"].fgColor.rgb}      # only what is still wrong
    ws = book[SHEET]
    assert ws["C5"].font.bold and ws.column_dimensions["D"].width == 41    # the clerk's own formatting
    assert [ws[ref].value for ref in ("F5", "K6", "B7")] == [FIXES[ref] for ref in ("F5", "K6", "B7")]


def test_marks_do_not_pile_up_when_our_sheet_was_deleted(campaign, tmp_path, db_url):
    first = run(campaign, db_url, tmp_path / "out1", datetime(2020, 5, 20, 10))["feedback"]
    book = load_workbook(first / "ukt.xlsx")
    book.remove(book[t.FINDINGS_SHEET])              # a clerk who deletes our sheet: the cells still go
    book.save(campaign / "ukt_v2.xlsx")
    os.utime(campaign / "ukt_v2.xlsx", (2e9, 2e9))
    second = run(campaign, db_url, tmp_path / "out2", datetime(2020, 6, 12, 9))["feedback"]
    again = load_workbook(second / "ukt.xlsx")
    assert [s for s in again.sheetnames if s.startswith(t.FINDINGS_SHEET)] == [t.FINDINGS_SHEET]
    comment = again[SHEET]["F5"].comment.text
    assert comment.count("Помилка:") == 1 and "—" not in comment


def test_resubmission_mail_says_what_is_fixed_and_what_is_left(campaign, tmp_path, db_url):
    first, second = second_round(campaign, db_url, tmp_path)
    text = (second / "ukt.txt").read_text(encoding="utf-8")
    assert "версія 2" in text and "від 20.05.2020" in text
    assert "виправлено 4 помилки" in text and "залишилося 0 помилок" in text


def test_mail_does_not_ask_for_a_dataset_the_file_declares(campaign, tmp_path, db_url):
    """ukt's first file has errors, so the register has nothing of it; yet it lists all-06."""
    feedback = run(campaign, db_url, tmp_path / "out", datetime(2020, 5, 20, 10))["feedback"]
    text = (feedback / "ukt.txt").read_text(encoding="utf-8")
    assert "постанови КМУ № 835" not in text
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    [ukt] = [d for d in summary["departments"] if d["code"] == "ukt"]
    assert ukt["status"] == "invalid" and ukt["mandatory"][0]["declared"] is True


def test_history_shows_both_versions(campaign, tmp_path, db_url):
    second_round(campaign, db_url, tmp_path)
    ran = odaudit("campaign", "status", "--history", "--department", "ukt", "--db", db_url, "--json")
    assert ran.returncode == 0, ran.stderr
    [ukt] = json.loads(ran.stdout)["departments"]
    assert [(v["version"], v["received_at"][:10], v["errors"], v["warnings"]) for v in ukt["versions"]] == \
        [(1, "2020-05-20", 4, 1), (2, "2020-06-12", 0, 1)]
    assert (ukt["versions"][1]["fixed"], ukt["versions"][1]["new"]) == (4, 0)
    shown = odaudit("campaign", "status", "--history", "--db", db_url)
    assert shown.returncode == 0, shown.stderr
    assert "версія 2 від 12.06.2020" in shown.stdout and "було 4 помилки, тепер 0" in shown.stdout
    status = (tmp_path / "out2" / "status.html").read_text(encoding="utf-8")
    assert "версія 2 від 12.06.2020: було 4 помилки, тепер 0" in status


def test_a_findings_sheet_alone_is_never_read_as_an_inventory(campaign, tmp_path, db_url):
    """A clerk who sends back only our findings sheet has sent no inventory (no header found)."""
    first = run(campaign, db_url, tmp_path / "out1", datetime(2020, 5, 20, 10))["feedback"]
    book = load_workbook(first / "ukt.xlsx")
    for name in book.sheetnames[1:]:
        book.remove(book[name])
    book.save(tmp_path / "ukt_only_findings.xlsx")
    report = inspect_file(tmp_path / "ukt_only_findings.xlsx", AS_OF).report
    assert [f.code for f in report.findings] == ["no-header"]


def test_a_copy_saved_by_libreoffice_is_cleaned_too(campaign, tmp_path, db_url):
    """LibreOffice keeps our defined name and fills but writes every comment's author as " "."""
    from openpyxl.comments import Comment

    first = run(campaign, db_url, tmp_path / "out1", datetime(2020, 5, 20, 10))["feedback"]
    book = load_workbook(first / "ukt.xlsx")
    ws = book[SHEET]
    for row in ws.iter_rows():
        for cell in row:
            if cell.comment is not None:
                cell.comment = Comment(cell.comment.text, " ")
    ws["F5"].value = FIXES["F5"]
    book.save(campaign / "ukt_v2.xlsx")
    os.utime(campaign / "ukt_v2.xlsx", (2e9, 2e9))
    second = run(campaign, db_url, tmp_path / "out2", datetime(2020, 6, 12, 9))["feedback"]
    again = load_workbook(second / "ukt.xlsx")[SHEET]
    assert again["F5"].comment is None and again["F5"].fill.fgColor.rgb not in OURS
    assert again["K6"].comment.text.count("Помилка:") == 1 and "—" not in again["K6"].comment.text
