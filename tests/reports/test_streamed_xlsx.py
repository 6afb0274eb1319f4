"""Every XLSX odaudit writes from scratch is streamed (openpyxl's write-only mode) and keeps what
the in-memory version had: proposals.xlsx, the plan annex, the findings-only feedback workbook
and the inventory template. The marked copy of a department's own file is the one exception (it
is their workbook loaded and changed in place)."""
from __future__ import annotations

import json
from datetime import date

import openpyxl
import pytest
from openpyxl import load_workbook

from audits.findings import Finding
from audits.proposals.plan import PlanItem
from audits.proposals.sheet import COLUMNS, META_SHEET, SHEET
from audits.reports import feedback_texts as t, feedback_xlsx
from audits.reports.plan_export import HEAD, write_plan_xlsx
from audits.reports.proposals_xlsx import write_proposals_xlsx
from audits.templates import texts, xlsx as template_xlsx
from audits.templates.build import write_templates
from cli_runner import odaudit
from conftest import DEMO

LETTER = {c.key: chr(ord("A") + i) for i, c in enumerate(COLUMNS)}


@pytest.fixture
def modes(monkeypatch) -> list[bool]:
    """write_only of every Workbook() the writers make."""
    seen: list[bool] = []

    class Recording(openpyxl.Workbook):
        def __init__(self, *args, write_only: bool = False, **kwargs):
            seen.append(write_only)
            super().__init__(*args, write_only=write_only, **kwargs)

    for module in (openpyxl, feedback_xlsx, template_xlsx):
        monkeypatch.setattr(module, "Workbook", Recording)
    return seen


def test_proposals_sheet_is_streamed_and_keeps_widths_styles_and_locks(demo_db, tmp_path, modes):
    result = odaudit("proposals", "--db", demo_db, "--out", tmp_path, "--json")
    assert result.returncode == 0, result.stderr
    assert modes == [True]
    data = json.loads(result.stdout)
    sheet = load_workbook(tmp_path / "proposals.xlsx")[SHEET]
    assert [sheet.column_dimensions[LETTER[c.key]].width for c in COLUMNS] == [c.width for c in COLUMNS]
    assert sheet.freeze_panes == "E2" and sheet.auto_filter.ref.startswith("A1:")
    header = sheet["A1"]
    assert header.font.b and header.fill.fgColor.rgb == "00DDEBF7" and header.alignment.wrap_text
    rows = len(data["compliance_gaps"]) + len(data["proposals"]) + 1
    deadline = sheet[f"{LETTER['deadline']}{rows}"]
    assert deadline.number_format == "DD.MM.YYYY" and not deadline.protection.locked
    assert sheet[f"{LETTER['justification']}2"].alignment.wrap_text
    assert sheet.protection.sheet and not sheet.protection.autoFilter


def test_an_empty_proposals_sheet_still_has_its_dropdown_row(tmp_path, modes):
    ranking = {"compliance_gaps": [], "proposals": [], "blocked": [],
               "weights": {"file": "config/proposals.yaml", "components": {}, "themes": {}}}
    book = load_workbook(write_proposals_xlsx(tmp_path / "p.xlsx", "c", 7, ranking, []))
    sheet = book[SHEET]
    assert modes == [True] and sheet.max_row == 2
    assert sheet[f"{LETTER['deadline']}2"].number_format == "DD.MM.YYYY"
    assert {str(v.sqref) for v in sheet.data_validations.dataValidation} == {
        f"{LETTER['decision']}2", f"{LETTER['deadline']}2"}
    assert book[META_SHEET].sheet_state == "hidden" and book[META_SHEET]["B2"].value == 7


def test_plan_annex_is_streamed(tmp_path, modes):
    items = [PlanItem(1, "ukt-004", "=Камери", "ukt", "Управління ІКТ", None, date(2020, 7, 15), "щомісяця",
                      "published-late", date(2020, 7, 20))]
    sheet = load_workbook(write_plan_xlsx(tmp_path / "plan.xlsx", "Луцьк 2020", items)).active
    assert modes == [True]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[6] == tuple(HEAD) and rows[7][:2] == (1, "'=Камери")       # text, never a formula
    assert rows[7][4:] == ("15.07.2020", "Щомісяця", "оприлюднено із запізненням (20.07.2020)")
    assert all(c.font.b and c.alignment.wrap_text for c in sheet[7])
    assert [sheet.column_dimensions[x].width for x in "ABCDEFG"] == [6, 50, 36, 28, 14, 22, 26]
    assert printed_across(sheet, "7:7") and sheet.row_dimensions[8].height > 15   # «Стан» wraps onto two lines


def printed_across(ws, header_rows: str) -> bool:
    """A4 landscape, one page wide, as many pages down as needed, the header rows on every page."""
    setup = ws.page_setup
    return (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (9, "landscape", 1, 0) \
        and ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows.replace("$", "") == header_rows


def test_findings_only_feedback_is_streamed_with_its_layout(tmp_path, modes):
    findings = [Finding("bad-date", "error", "Дата не існує", "ukt", "ukt.xlsx", "Перелік", 7, "Дата", "F"),
                Finding("missing-value", "warning", "=Порожнє поле", "ukt", "ukt.xlsx", "Перелік", 8, "Назва", "B")]
    marked = feedback_xlsx.write_marked_copy(tmp_path / "f.xlsx", "ukt.xlsx", None, findings, reason="зламаний")
    assert marked is False and modes == [True]
    ws = load_workbook(tmp_path / "f.xlsx")[t.FINDINGS_SHEET]
    assert ws["A1"].font.b and ws["A1"].font.sz == 13
    assert ws["A3"].value == t.NOTE_NO_COPY.format(reason="зламаний")
    assert [c.value for c in ws[5]] == list(t.HEADERS) and all(c.font.b for c in ws[5])
    assert ws.freeze_panes == "A6" and ws.column_dimensions["K"].width == feedback_xlsx.WIDTHS[-1]
    assert printed_across(ws, "5:5")                                 # a streamed sheet keeps its page setup
    assert [ws.cell(r, 3).fill.fgColor.rgb for r in (6, 7)] == [feedback_xlsx.FILLS[s].fgColor.rgb
                                                                for s in ("error", "warning")]
    last = ws.cell(7, len(t.HEADERS))
    assert last.value == "'=Порожнє поле" and last.alignment.wrap_text


def test_marked_copy_stays_a_loaded_workbook(tmp_path, modes):
    csv = "Ідентифікатор;Назва\nds-1;=1+1\n".encode()
    findings = [Finding("x", "warning", "перевірте", "ukt", "ukt.csv", None, 2, "Назва", "B")]
    assert feedback_xlsx.write_marked_copy(tmp_path / "f.xlsx", "ukt.csv", csv, findings)
    assert modes == [False]                    # the .csv rebuilt in memory, then marked in place
    book = load_workbook(tmp_path / "f.xlsx")
    link = book[t.FINDINGS_SHEET]["B5"]
    assert link.hyperlink.location.endswith("!B2") and link.hyperlink.ref == "B5"


def test_template_is_streamed_with_comments_column_styles_and_hidden_sheets(tmp_path, modes):
    from audits.campaign.config import load_campaign

    demo = load_campaign(DEMO)
    [ukt] = write_templates(demo, tmp_path, [demo.department("ukt")])
    assert modes == [True]
    book = load_workbook(ukt.xlsx)
    assert book.sheetnames == [texts.INSTRUCTIONS_SHEET, texts.INVENTORY_SHEET, texts.LISTS_SHEET, texts.META_SHEET]
    assert [book[n].sheet_state for n in book.sheetnames] == ["visible", "visible", "hidden", "hidden"]
    assert book.active.title == texts.INSTRUCTIONS_SHEET
    ws = book[texts.INVENTORY_SHEET]
    assert ws.row_dimensions[3].height == 48 and ws["A3"].comment is not None
    assert ws.freeze_panes == "B4" and ws["A1"].font.b and ws["A1"].font.sz == 14
    assert not ws.column_dimensions["A"].protection.locked                 # rows below the filled ones stay open
    assert book.properties.creator == "odaudit" and len(book.custom_doc_props.props) >= 1
