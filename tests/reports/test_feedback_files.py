"""feedback_xlsx and feedback_mail on their own: .ods and .csv submissions, formulas, merged
cells, hostile and huge files (never a crash), and Ukrainian plural forms."""
from __future__ import annotations

import zipfile
from datetime import date

import pytest
from openpyxl import load_workbook

from audits.findings import Finding
from audits.reports import feedback_texts as t
from audits.reports.feedback_mail import mail_text, plural
from audits.reports.feedback_xlsx import FILLS, write_feedback_xlsx
from audits.validate import inspect_file
from builders import (
    LETTER,
    TITLES,
    Formula,
    Text,
    csv_text,
    inventory_rows,
    item,
    ods_row,
    row_xml,
    values,
    write_raw_ods,
    write_raw_xlsx,
    xlsx_bytes,
)

AS_OF = date(2020, 6, 1)
RED, AMBER = FILLS["error"].fgColor.rgb, FILLS["warning"].fgColor.rgb


def feedback_of(path, tmp_path):
    findings = inspect_file(path, AS_OF).report.findings
    out = write_feedback_xlsx(tmp_path / "feedback.xlsx", path.name, path.read_bytes(), findings)
    return findings, load_workbook(out)


def coloured(ws) -> dict[str, str]:
    return {c.coordinate: c.fill.fgColor.rgb for r in ws.iter_rows() for c in r if c.fill.fgColor.rgb in (RED, AMBER)}


def test_csv_submission_is_rebuilt_at_the_same_positions(tmp_path):
    rows = [TITLES, values(item(1)), values(item(2, records="близько 500", notes="=HYPERLINK(\"http://x\")"))]
    path = tmp_path / "ozd.csv"
    path.write_text(csv_text(rows, ";"), encoding="utf-8")
    findings, book = feedback_of(path, tmp_path)
    assert [(f.row, f.column_letter, f.code) for f in findings] == [(3, LETTER["records"], "bad-number")]
    ws = book["ozd"]
    assert coloured(ws) == {f"{LETTER['records']}3": RED}
    assert [c.value for c in ws[1]] == TITLES
    notes = ws[f"{LETTER['notes']}3"]
    assert (notes.value, notes.data_type) == ('=HYPERLINK("http://x")', "s")      # text, never a live formula
    assert ws[f"{LETTER['records']}3"].value == "близько 500"


def test_ods_submission_is_rebuilt_with_its_sheet_name(tmp_path):
    header = ods_row(TITLES)
    bad = values(item(1, access="всім"))
    path = write_raw_ods(tmp_path / "osv.ods", header + ods_row([None if v is None else str(v) for v in bad]))
    findings, book = feedback_of(path, tmp_path)
    assert [(f.sheet, f.row, f.column_letter, f.code) for f in findings] == [
        ("Інвентаризація", 2, LETTER["access"], "not-in-list")]
    assert book.sheetnames == [t.FINDINGS_SHEET, "Інвентаризація"]
    assert coloured(book["Інвентаризація"]) == {f"{LETTER['access']}2": RED}


def test_formulas_and_merged_cells_in_an_xlsx(tmp_path):
    rows = inventory_rows([item(1, records=Formula("=100+20", 120), notes=Text("=1+1")),
                           item(2, responsible_email="ні")])
    path = tmp_path / "fin.xlsx"
    path.write_bytes(xlsx_bytes([("Інвентаризація", rows)]))
    book = load_workbook(path)
    book["Інвентаризація"].merge_cells(f"{LETTER['responsible_email']}6:{LETTER['legal_basis']}6")
    book.save(path)
    findings, feedback = feedback_of(path, tmp_path)
    email = f"{LETTER['responsible_email']}6"
    assert [(f.row, f.column_letter, f.code) for f in findings] == [
        (6, LETTER["responsible_email"], "bad-email"), (6, LETTER["legal_basis"], "missing-value")]
    ws = feedback["Інвентаризація"]
    assert coloured(ws) == {email: RED}                                # the merged area is marked on its first cell
    assert ws[email].comment.text.count("Помилка:") == 2
    assert ws[f"{LETTER['records']}5"].value == "=100+20"                     # the formula is kept as written
    assert ws[f"{LETTER['notes']}5"].value == "=1+1"


@pytest.mark.parametrize("content", [b"PK\x03\x04 garbage", b"", b"\x00" * 100])
def test_unreadable_bytes_never_crash_and_list_the_findings(tmp_path, content):
    finding = Finding("bad-email", "error", "Повідомлення", sheet="Інвентаризація", row=5, column="E-mail",
                      column_letter="F", field="responsible_email", value="=cmd|' /C calc'!A0")
    out = write_feedback_xlsx(tmp_path / "x.xlsx", "x.xlsx", content, [finding])
    ws = load_workbook(out)[t.FINDINGS_SHEET]
    cells = [c for r in ws.iter_rows() for c in r if c.value is not None]
    texts = [c.value for c in cells]
    assert t.NOTE_NO_COPY.format(reason=t.REASON_UNREADABLE) in texts
    assert "'=cmd|' /C calc'!A0" in texts                                     # neutralised for the spreadsheet
    assert not any(c.hyperlink for c in cells)


def test_zip_bomb_and_too_many_rows_are_not_opened(tmp_path, monkeypatch):
    monkeypatch.setenv("ODAUDIT_MAX_ROWS", "50")
    path = write_raw_xlsx(tmp_path / "big.xlsx", [row_xml(1, TITLES)] + [row_xml(n, values(item(n))) for n in
                                                                          range(2, 80)])
    findings, book = feedback_of(path, tmp_path)
    assert "too-many-rows" in [f.code for f in findings]
    assert book.sheetnames == [t.FINDINGS_SHEET]
    monkeypatch.setenv("ODAUDIT_MAX_UNPACKED_MB", "0.01")
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
        dst.writestr("xl/media/padding.bin", b" " * 200_000)
    finding = Finding("bad-email", "error", "m", sheet="Інвентаризація", row=5, column_letter="F")
    book = load_workbook(write_feedback_xlsx(tmp_path / "b.xlsx", "bomb.xlsx", bomb.read_bytes(), [finding]))
    assert book.sheetnames == [t.FINDINGS_SHEET]


def test_many_findings_mark_a_bounded_number_of_cells(tmp_path, monkeypatch):
    import audits.reports.feedback_xlsx as fx

    monkeypatch.setattr(fx, "MAX_MARKED", 2)       # the bound itself, not the project's logic, is replaced
    path = tmp_path / "fin.xlsx"
    path.write_bytes(xlsx_bytes([("Інвентаризація", inventory_rows(
        [item(n, responsible_email="ні") for n in range(1, 5)]))]))
    findings, book = feedback_of(path, tmp_path)
    assert len(findings) == 4
    assert len(coloured(book["Інвентаризація"])) == 2
    texts = [c for r in book[t.FINDINGS_SHEET].iter_rows(values_only=True) for c in r]
    assert t.NOTE_TOO_MANY.format(limit=2) in texts


@pytest.mark.parametrize("n, text", [(1, "1 помилку"), (2, "2 помилки"), (4, "4 помилки"), (5, "5 помилок"),
                                     (11, "11 помилок"), (12, "12 помилок"), (21, "21 помилку"), (22, "22 помилки"),
                                     (111, "111 помилок")])
def test_plural_forms(n, text):
    assert plural(n, t.ERRORS) == text


def test_mail_lists_missing_columns_and_mandatory_items_and_deadline_ahead():
    department = {"code": "fin", "name": "Департамент фінансів", "status": "invalid", "file": "fin.xlsx",
                  "items": 3, "mandatory": [{"id": "oms-02", "title": "Звіти про виконання фінансових планів",
                                             "declared": False, "published": False}]}
    campaign = {"name": "Аудит 2020", "deadline": "2020-05-29", "as_of": "2020-05-01"}
    findings = [Finding("missing-column", "error", "m", column="Правова підстава"),
                Finding("bad-date", "error", "m", row=5, column_letter="L"),
                Finding("bad-date", "error", "m", row=7, column_letter="L")]
    text = mail_text(department, campaign, findings, "fin.xlsx")
    assert "знайдено 3 помилки." in text
    assert "- колонки «Правова підстава»;" in text
    assert "«Звіти про виконання фінансових планів» (oms-02)" in text
    assert "- Неправильна дата: 2 (L5, L7)." in text
    assert "Просимо надіслати виправлений файл до 29.05.2020." in text
