"""The annual assessment card of the demo campaign: every figure odaudit fills has a source,
the rows for a person are empty, and user text is neutralised in the XLSX."""
from __future__ import annotations

from dataclasses import replace

from docx import Document
from openpyxl import load_workbook

from audits.interop.assessment.card import ODAUDIT, PERSON
from audits.interop.assessment.write import HEAD, write_docx, write_xlsx
from cli_runner import odaudit


def _card(demo_db):
    from datetime import date

    from audits.campaign.exports import assessment_card
    from audits.campaign.verbs import engine_for

    engine = engine_for(demo_db)
    try:
        return assessment_card(engine, "lutsk-2020", date(2020, 6, 1))
    finally:
        engine.dispose()


def test_the_card_is_filled_from_the_register_coverage_and_snapshot(demo_db):
    card = _card(demo_db)
    values = {r.indicator: r.value for r in card.rows}
    assert card.holder == "Луцька міська рада"
    assert values["Наборів, які розпорядник має оприлюднити за переліком (постанова № 835)"] == "73"
    assert values["З них оприлюднено на Єдиному державному вебпорталі відкритих даних"] == "3 (4%)"
    assert values["З них не знайдено ні в реєстрі, ні на порталі"] == "62"
    assert values["Наборів розпорядника на порталі"] == "12"
    assert values["Наборів, оновлених вчасно (за заявленою частотою)"] == "5 з 12"
    assert all(r.source for r in card.rows)
    assert all(r.value for r in card.rows if r.filled_by == ODAUDIT)
    assert [r.value for r in card.rows if r.filled_by == PERSON] == [""] * len(card.for_person) != []


def test_docx_and_xlsx_hold_every_row(demo_db, tmp_path):
    card = _card(demo_db)
    doc = Document(write_docx(card, tmp_path / "card.docx"))
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == list(HEAD)
    assert len(table.rows) == len(card.rows) + 1
    sheet = load_workbook(write_xlsx(card, tmp_path / "card.xlsx")).active
    rows = [r for r in sheet.iter_rows(values_only=True) if r[0]]
    assert sum(1 for r in rows if r[4] in (ODAUDIT, PERSON)) == len(card.rows)


def test_user_text_is_neutralised_in_the_xlsx(demo_db, tmp_path):
    card = replace(_card(demo_db), holder='=HYPERLINK("http://evil","x")')
    card.rows[0] = replace(card.rows[0], source="+cmd|' /C calc'!A0")
    sheet = load_workbook(write_xlsx(card, tmp_path / "card.xlsx")).active
    texts = [c for r in sheet.iter_rows(values_only=True) for c in r if isinstance(c, str)]
    assert not [t for t in texts if t.startswith(("=", "+", "-", "@"))]
    assert "'+cmd|' /C calc'!A0" in texts


def test_the_cli_writes_the_card(demo_db, tmp_path):
    out = tmp_path / "card.xlsx"
    ran = odaudit("assessment", "--campaign", "lutsk-2020", "--format", "xlsx", "--out", out, "--db", demo_db)
    assert ran.returncode == 0, ran.stderr
    assert "заповнено odaudit 19 показників, для людини 6" in ran.stdout and out.is_file()
    ran = odaudit("assessment", "--format", "pdf", "--db", demo_db)
    assert ran.returncode == 2 and "Traceback" not in ran.stderr
