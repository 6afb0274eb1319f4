"""The card as DOCX (python-docx) or XLSX (openpyxl; every text neutralised against formulas)."""
from __future__ import annotations

from pathlib import Path

from ...reports.print_setup import LINE_HEIGHT, print_setup, set_widths, wrapped_lines
from ...safe import safe_cell
from .card import Card

TITLE = "Картка оцінки стану оприлюднення і оновлення відкритих даних"
HEAD = ("Критерій", "Показник", "Значення", "Джерело", "Заповнює")
WIDTHS = (30, 50, 16, 54, 12)        # ~160 characters: one A4 landscape page wide at about 85 %


def heading(card: Card) -> list[str]:
    return [TITLE, f"Розпорядник інформації: {card.holder}",
            f"Рік оцінки: {card.year or card.as_of.year}; станом на {card.as_of:%d.%m.%Y}; кампанія {card.campaign}",
            f"Заповнено odaudit: {len(card.filled)} показників; потребують людини: {len(card.for_person)}."]


def _cells(row) -> list[str]:
    return [row.criterion, row.indicator, row.value, row.source, row.filled_by]


def write_docx(card: Card, path: Path) -> Path:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    for i, line in enumerate(heading(card)):
        paragraph = doc.add_paragraph(line)
        if i == 0:
            paragraph.runs[0].bold, paragraph.runs[0].font.size = True, Pt(14)
    table = doc.add_table(rows=1, cols=len(HEAD))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEAD):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in card.rows:
        for cell, text in zip(table.add_row().cells, _cells(row)):
            cell.text = text
    doc.save(path)
    return Path(path)


def write_xlsx(card: Card, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Картка оцінки"
    for line in heading(card):
        sheet.append([safe_cell(line)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(list(HEAD))
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    for row in card.rows:
        sheet.append([safe_cell(text) for text in _cells(row)])
    set_widths(sheet, WIDTHS)
    for cells in sheet.iter_rows(min_row=header_row):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        lines = max(wrapped_lines(str(c.value or ""), w) for c, w in zip(cells, WIDTHS))
        sheet.row_dimensions[cells[0].row].height = round(lines * LINE_HEIGHT + 3, 1)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    print_setup(sheet, header_rows=f"{header_row}:{header_row}")     # A4 landscape, one page wide
    book.save(path)
    return Path(path)
