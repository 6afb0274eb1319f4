"""quality.csv and quality.xlsx: every dataset with its points table and reasons, the
per-department and city-wide aggregates, and the late or unknown-frequency datasets."""
from __future__ import annotations

from pathlib import Path

from ..quality.aggregate import attention, by_department, summarize
from ..quality.indicators import INDICATORS
from ..quality.timeliness import STATE_LABELS, frequency_label
from ..safe import safe_cell
from .csv_export import write_csv
from .print_setup import append_fitted, header_alignment, header_height, header_widths, print_setup, set_widths

INDICATOR_NAMES = [m.NAME for m in INDICATORS]
BASE_COLUMNS = ["source", "key", "title", "department", "organization", "update_frequency", "last_update",
                "timeliness", "days_since_update", "days_overdue", "score", "band", "band_label", "earned", "possible"]
COLUMNS = BASE_COLUMNS + [f"{n}_points" for n in INDICATOR_NAMES] + ["reasons"]
HEADERS_UK = {"source": "Джерело", "key": "Ідентифікатор", "title": "Набір даних", "department": "Орган",
              "organization": "Розпорядник", "update_frequency": "Періодичність", "last_update": "Останнє оновлення",
              "timeliness": "Своєчасність", "days_since_update": "Днів від оновлення",
              "days_overdue": "Днів прострочення", "score": "Бал, %", "band": "Рівень (код)",
              "band_label": "Рівень", "earned": "Набрано", "possible": "Можливо", "reasons": "Що виправити"}
# printed on A4 landscape, one page wide: long texts wrap, numbers are narrow under upright headers
WIDTHS_UK = {"source": 11, "key": 12, "title": 28, "department": 7, "organization": 16, "update_frequency": 12,
             "last_update": 11, "timeliness": 12, "days_since_update": 5, "days_overdue": 5, "score": 6,
             "band": 10, "band_label": 11, "earned": 5, "possible": 5}
DATASET_WIDTHS = [WIDTHS_UK[c] for c in BASE_COLUMNS] + [6] * len(INDICATOR_NAMES)
REASONS_WIDTH = 36
WRAPPED = [BASE_COLUMNS.index(c) for c in ("source", "key", "title", "organization", "update_frequency",
                                           "timeliness")] + [len(DATASET_WIDTHS)]
SOURCE_UK = {"inventory": "перелік органу", "portal": "портал data.gov.ua"}


def _points(indicator) -> str:
    return "н/з" if indicator.possible is None else f"{indicator.earned:g}/{indicator.possible:g}"


def quality_row(score) -> dict:
    data = score.to_dict(indicators=False)
    row = {k: data.get(k) for k in BASE_COLUMNS}
    row["update_frequency"] = frequency_label(row["update_frequency"])   # the portal's label, not the API key
    row.update({f"{i.name}_points": _points(i) for i in score.indicators})
    row["reasons"] = " | ".join(score.reasons)
    return row


def write_quality_csv(path: Path, scores) -> Path:
    return write_csv(Path(path), COLUMNS, (quality_row(s) for s in scores))   # streamed, row by row


def write_quality_xlsx(path: Path, scores, config) -> Path:
    """Write-only workbook: rows stream to disk, so 40,000 datasets cost seconds, not minutes."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheets = [("Набори даних", _dataset_rows(scores)), ("Органи", _department_rows(scores)),
              ("Місто", _city_rows(scores)), ("Потребують оновлення", _attention_rows(scores)),
              ("Бали", _weights_rows(config))]
    bold = Font(bold=True)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.freeze_panes = "A2"
        rows = iter(rows)
        head = next(rows)
        widths = DATASET_WIDTHS + [REASONS_WIDTH] if title == "Набори даних" else [28, *header_widths(head[1:])]
        set_widths(sheet, widths)
        print_setup(sheet)
        sheet.row_dimensions[1].height = header_height(head, widths)
        sheet.append([_header_cell(WriteOnlyCell(sheet, value=safe_cell(v)), bold, header_alignment(v, w))
                      for v, w in zip(head, widths)])
        wrap = WRAPPED if title == "Набори даних" else None
        for i, values in enumerate(rows, 2):
            append_fitted(sheet, i, [safe_cell(v) for v in values], wrap, align_all=False)
    book.save(path)
    return Path(path)


def _header_cell(cell, font, alignment):
    cell.font, cell.alignment = font, alignment
    return cell


def _dataset_rows(scores):
    labels = [m.LABEL for m in INDICATORS]
    yield [HEADERS_UK[c] for c in BASE_COLUMNS] + labels + [HEADERS_UK["reasons"]]
    for s in scores:
        r = quality_row(s)
        r["source"] = SOURCE_UK.get(r["source"], r["source"])
        r["timeliness"] = STATE_LABELS[r["timeliness"]]
        yield ([r[c] for c in BASE_COLUMNS] + [r[f"{n}_points"] for n in INDICATOR_NAMES]
               + ["\n".join(s.reasons)])


def _summary_cells(summary: dict) -> list:
    t = summary["timeliness"]
    return [summary["datasets"], summary["mean_score"], summary["bands"].get("excellent", 0),
            summary["bands"].get("good", 0), summary["bands"].get("sufficient", 0), summary["bands"].get("poor", 0),
            t["on-time"], t["late"], t["unknown"], t["on-change"], t["no-longer-updated"]]


SUMMARY_HEAD = ["Наборів", "Середній бал, %", "Відмінна", "Добра", "Достатня", "Недостатня", "Вчасно",
                "Із запізненням", "Невідомо", "Після внесення змін", "Більше не оновлюється"]


def _department_rows(scores) -> list[list]:
    return [["Орган"] + SUMMARY_HEAD] + [[code] + _summary_cells(s) for code, s in by_department(scores).items()]


def _city_rows(scores) -> list[list]:
    return [["Місто"] + SUMMARY_HEAD, ["усі набори"] + _summary_cells(summarize(scores))]


def _attention_rows(scores) -> list[list]:
    head = ["Набір даних", "Орган", "Розпорядник", "Своєчасність", "Днів від оновлення", "Днів прострочення"]
    return [head] + [[s.facts.title, s.facts.department, s.facts.organization, STATE_LABELS[s.timeliness.state],
                      s.timeliness.days_since_update, s.timeliness.days_overdue] for s in attention(scores)]


def _weights_rows(config) -> list[list]:
    rows = [["Показник", "Бали"]]
    rows += [[m.LABEL, config.points(m.NAME)] for m in INDICATORS]
    rows += [[], ["Рівень", "від, %"]] + [[b.label, b.min] for b in config.bands]
    rows += [[], ["Налаштування", str(config.path.name)]]
    return rows
