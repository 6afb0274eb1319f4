"""proposals.xlsx: the working group's sheet. One row per compliance gap and proposal with its
rank, score, components and justification; the decision columns (Рішення with a dropdown,
Коментар, Відповідальний, Термін) are the only unlocked cells. A hidden sheet carries the
campaign and the export id, so a returned file is recognised even if renamed."""
from __future__ import annotations

from pathlib import Path

from ..proposals.sheet import COLUMNS, DECISIONS, META_SHEET, SHEET, cells
from ..safe import safe_cell
from .print_setup import append_fitted, fit_row, header_alignment, header_height, print_setup, set_widths

HEADER_FILL = "DDEBF7"
WRAPPED = [i for i, c in enumerate(COLUMNS) if c.key in ("kind_label", "item_id", "title", "justification",
                                                         "update_frequency", "comment", "responsible")]


def write_proposals_xlsx(path: Path, campaign: str, export_id: int, ranking: dict, unmatched: list[dict],  # noqa: PLR0913
                         decisions: dict | None = None) -> Path:
    """A write-only workbook: rows stream to the file as they are made (nothing is kept per cell).
    ``decisions``: "department/item id" → the decision in force, carried into the decision columns."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    rows = ranking["compliance_gaps"] + ranking["proposals"]
    _proposals(book.create_sheet(SHEET), rows, decisions or {})
    _blocked(book.create_sheet("Виключені"), ranking["blocked"])
    _unmatched(book.create_sheet("Попит без власника"), unmatched)
    _weights(book.create_sheet("Ваги"), ranking["weights"])
    _meta(book.create_sheet(META_SHEET), campaign, export_id, rows)
    book.save(path)
    return Path(path)


def _proposals(sheet, rows: list[dict], decisions: dict) -> None:
    """Everything a write-only sheet needs before its first row (widths, frozen panes) is set
    first; validations, filter and protection are written after the rows, so any time will do."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for i, c in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(i)].width = c.width
    sheet.freeze_panes = "E2"
    print_setup(sheet)
    last = max(len(rows) + 1, 2)
    letter = {c.key: get_column_letter(i) for i, c in enumerate(COLUMNS, 1)}
    choice = DataValidation(type="list", formula1='"' + ",".join(DECISIONS) + '"', allow_blank=True,
                            showErrorMessage=True, errorTitle="Рішення", error="Оберіть: " + ", ".join(DECISIONS),
                            promptTitle="Рішення робочої групи", prompt="схвалити, відхилити або відкласти")
    choice.add(f"{letter['decision']}2:{letter['decision']}{last}")
    deadline = DataValidation(type="date", operator="greaterThan", formula1="DATE(2000,1,1)", allow_blank=True,
                              showErrorMessage=True, errorTitle="Термін", error="Введіть дату, наприклад 01.12.2020",
                              promptTitle="Термін оприлюднення", prompt="Обов'язковий для «схвалити»")
    deadline.add(f"{letter['deadline']}2:{letter['deadline']}{last}")
    for rule in (choice, deadline):
        sheet.data_validations.append(rule)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last}"
    sheet.protection.sheet = True          # no password: it guards against slips, not people
    sheet.protection.autoFilter = False
    sheet.protection.sort = False

    top = Alignment(wrap_text=True, vertical="top")
    bold, fill, unlocked = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL), Protection(locked=False)

    def cell(value, **style):
        c = WriteOnlyCell(sheet, value=value)
        for name, v in style.items():
            setattr(c, name, v)
        return c

    sheet.row_dimensions[1].height = header_height([c.header for c in COLUMNS], [c.width for c in COLUMNS])
    sheet.append([cell(c.header, font=bold, fill=fill, alignment=header_alignment(c.header, c.width, "top"))
                  for c in COLUMNS])
    for position, row in enumerate(rows, 1):
        values = cells(row, position, decisions.get(f"{row['department']}/{row['item_id']}"))
        line = []
        for c in COLUMNS:
            style = {"protection": unlocked} if c.editable else {}
            if c.key == "justification":
                style["alignment"] = top
            elif c.key == "deadline":
                style["number_format"] = "DD.MM.YYYY"
            line.append(cell(safe_cell(values[c.key]), **style) if style else safe_cell(values[c.key]))
        append_fitted(sheet, position + 1, line, WRAPPED, align_all=False)
    if not rows:                           # the dropdown's one empty row still shows dates as dates
        sheet.append([cell(None, number_format="DD.MM.YYYY") if c.key == "deadline" else None for c in COLUMNS])


def _blocked(sheet, blocked: list[dict]) -> None:
    print_setup(sheet)
    set_widths(sheet, (14, 40, 10, 12, 60))
    sheet.append(["Ідентифікатор", "Набір даних", "Орган", "Пункт постанови № 835", "Чому виключено"])
    for row, b in enumerate(blocked, 2):
        sheet.append(fit_row(sheet, row, [safe_cell(b["item_id"]), safe_cell(b["title"]), b["department"],
                                          b.get("catalogue_id"), safe_cell(b["reason"])]))


def _unmatched(sheet, unmatched: list[dict]) -> None:
    print_setup(sheet)
    set_widths(sheet, (24, 16, 90, 14))
    sheet.append(["Джерело", "Номер", "Що просять", "Вага (голоси, підтримка)"])
    for row, s in enumerate(unmatched, 2):
        line = [s["kind_label"], safe_cell(s["signal_id"]), safe_cell(s["text"]), s["weight"]]
        sheet.append(fit_row(sheet, row, line))


def _weights(sheet, weights: dict) -> None:
    print_setup(sheet, None)
    set_widths(sheet, (40, 24, 20))
    sheet.append(["Налаштування", weights["file"]])
    for name, settings in weights["components"].items():
        for key, value in settings.items():
            if isinstance(value, dict):
                for k, v in value.items():
                    sheet.append([f"{name}.{key}.{k}", v])
            else:
                sheet.append([f"{name}.{key}", value])
    sheet.append([])
    sheet.append(["Тема", "Частка", "Категорія високої цінності ЄС"])
    for theme in weights["themes"].values():
        sheet.append([theme["label"], theme["share"], theme["hvd"]])


def _meta(sheet, campaign: str, export_id: int, rows: list[dict]) -> None:
    sheet.append(["campaign", campaign])
    sheet.append(["export", export_id])
    sheet.append(["position", "department", "item_id", "fingerprint"])
    for position, row in enumerate(rows, 1):
        sheet.append([position, row["department"], row["item_id"], row["fingerprint"]])
    sheet.sheet_state = "hidden"
