"""The instructions sheet as rows of (kind, values), shared by the XLSX and ODS writers.
The worked example is laid out one column per line, so the reader never mistakes it for the
inventory's header row."""
from __future__ import annotations

from datetime import date

from . import texts
from .spec import TemplateSpec


def instruction_rows(spec: TemplateSpec) -> list[tuple[str, list]]:
    deadline = spec.deadline.strftime("%d.%m.%Y") if spec.deadline else texts.NO_DEADLINE
    words = {"campaign": spec.campaign_name, "department": spec.department_name, "deadline": deadline,
             "contact": spec.contact, "sheet": texts.INVENTORY_SHEET,
             "department_column": spec.column("department").title}
    rows: list[tuple[str, list]] = [("title", [texts.INSTRUCTIONS_TITLE]), ("blank", [])]
    rows += [("fact", [label, value.format(**words)]) for label, value in texts.FACTS]
    rows.append(("blank", []))
    steps = [s.format(**words) for s in texts.STEPS]
    if spec.prefill:
        steps.insert(2, texts.PREFILLED_STEP.format(first=spec.first_row, last=spec.first_row + len(spec.prefill) - 1,
                                                    previous=spec.previous or ""))
    rows += [("step", [f"{n}. {step}"]) for n, step in enumerate(steps, start=1)]
    rows += [("blank", []), ("heading", [texts.COLUMNS_TITLE.format(sheet=texts.INVENTORY_SHEET)]),
             ("table-header", list(texts.COLUMNS_HEADER))]
    example = spec.example_row()
    for column in spec.columns:
        hint = column.hint + (f" ({column.rule})" if column.rule else "")
        rows.append(("column", [column.title, texts.YES if column.required else texts.NO, hint,
                                _example(column.kind, example[column.name])]))
    return rows


def _example(kind: str, value: str):
    """Dates as real dates (the sheet shows them as дд.мм.рррр), the rest as text."""
    if kind == "date":
        day, month, year = (int(p) for p in value.split("."))
        return date(year, month, day)
    return value
