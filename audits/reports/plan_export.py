"""The publication plan as the annex to the mayor's order: XLSX or DOCX (python-docx), in
Ukrainian: №, dataset, department, responsible person, deadline, update frequency."""
from __future__ import annotations

from pathlib import Path

from ..quality.timeliness import frequency_label
from ..safe import safe_cell
from .print_setup import docx_table_layout, docx_widths, fit_row, header_height, print_setup

TITLE = "Перелік наборів даних, що підлягають оприлюдненню у формі відкритих даних"
WIDTHS = (6, 50, 36, 28, 14, 22, 26)
DOCX_CHAR = 0.55                 # a Times New Roman character is about 0.55 of the font size wide (bold, Cyrillic)
HEAD = ["№ з/п", "Назва набору даних", "Відповідальний виконавчий орган", "Відповідальна особа",
        "Термін оприлюднення", "Періодичність оновлення", "Стан"]


def annex_heading(campaign_name: str) -> list[str]:
    return ["Додаток", "до розпорядження міського голови", "від ____________ № ______", "", TITLE,
            f"(за результатами: {campaign_name})"]


def _cells(item) -> list:
    return [item.number, item.title, item.department_name, item.responsible or "",
            item.deadline.strftime("%d.%m.%Y"), frequency_label(item.update_frequency) or "", _status(item)]


def _status(item) -> str:
    """The state, its date, and the package it was judged on (or that none is linked)."""
    label = f"{item.status_label} ({item.published_on:%d.%m.%Y})" if item.published_on else item.status_label
    return f"{label}: {item.evidence}" if item.evidence else label


def write_plan_xlsx(path: Path, campaign_name: str, items) -> Path:
    """A write-only workbook: the column widths go first, then the rows stream to the file."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet("План оприлюднення")
    for letter, width in zip("ABCDEFG", WIDTHS):
        sheet.column_dimensions[letter].width = width
    heading = annex_heading(campaign_name)
    print_setup(sheet, f"{len(heading) + 1}:{len(heading) + 1}")          # the table's header row
    for line in heading:
        sheet.append([line])
    bold, top = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[len(heading) + 1].height = header_height(HEAD, WIDTHS)
    sheet.append([_styled(WriteOnlyCell(sheet, value=h), bold, top) for h in HEAD])
    for row, item in enumerate(items, len(heading) + 2):
        sheet.append(fit_row(sheet, row, [safe_cell(v) for v in _cells(item)]))
    book.save(path)
    return Path(path)


def _styled(cell, font, alignment):
    cell.font, cell.alignment = font, alignment
    return cell


def write_plan_docx(path: Path, campaign_name: str, items) -> Path:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)          # A4 (the default template is Letter)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(15)
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(12)
    heading = annex_heading(campaign_name)
    for line in heading[:3]:
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(heading[4]).bold = True
    document.add_paragraph(heading[5]).alignment = WD_ALIGN_PARAGRAPH.CENTER
    rows = [HEAD] + [[str(v) for v in _cells(item)] for item in items]
    table = document.add_table(rows=1, cols=len(HEAD))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEAD):
        cell.paragraphs[0].add_run(text).bold = True
    for values in rows[1:]:
        for cell, value in zip(table.add_row().cells, values):
            cell.text = value
    usable = section.page_width - section.left_margin - section.right_margin
    docx_table_layout(table, docx_widths(rows, usable, Pt(12 * DOCX_CHAR)))
    document.save(path)
    return Path(path)
