"""The secretary's decisions from the web app, recorded by the one implementation of
`odaudit review import` (audits.campaign.verbs.review): a filled proposals.xlsx uploaded as it
is, or one decision from the page's form written into a fresh proposals.xlsx of the current
ranking (the export the page shows) and imported like any filled sheet, so every rule (allowed
values, a deadline for an approval and its horizon, a proposal changed since the export, text
limits, the audit trail) is the sheet's."""
from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

from . import verbs
from .upload import safe_name, written


def import_sheet(engine, filename: str | None, data: bytes, recorded_at: datetime, by: str):
    """A filled proposals.xlsx received through the web: a Review (audits.proposals.review)."""
    with tempfile.TemporaryDirectory(prefix="odaudit-review-") as folder:
        path = Path(folder) / safe_name(filename, "proposals.xlsx")
        path.write_bytes(data)
        return verbs.review(engine, path, recorded_at, by)


def proposals_sheet(engine, slug: str, exported_at: datetime) -> tuple[str, bytes]:
    """(file name, bytes) of proposals.xlsx of the current ranking, kept as an export."""
    from ..reports.proposals_xlsx import write_proposals_xlsx

    report = verbs.proposals(engine, slug, None, exported_at)
    with tempfile.TemporaryDirectory(prefix="odaudit-proposals-") as folder:
        path = Path(folder) / f"proposals_{slug}.xlsx"
        write_proposals_xlsx(path, report.campaign, report.export_id, report.ranking, report.unmatched,
                             report.decisions)
        return path.name, written(path)


def record_one(engine, slug: str, form: dict, recorded_at: datetime, by: str):  # noqa: C901
    """``form``: department, item_id, decision, comment, responsible, deadline (дд.мм.рррр or
    ISO) of one proposal, as the page's form sends them: a Review."""
    from openpyxl import load_workbook

    from ..proposals.sheet import HEADERS, SHEET

    name, data = proposals_sheet(engine, slug, recorded_at)
    with tempfile.TemporaryDirectory(prefix="odaudit-decision-") as folder:
        path = Path(folder) / f"web-form_{name}"
        path.write_bytes(data)
        book = load_workbook(path)
        sheet = book[SHEET]
        columns = {cell.value: cell.column for cell in sheet[1]}
        target = None
        for row in sheet.iter_rows(min_row=2):
            values = {c.column: c.value for c in row}
            if (str(values.get(columns[HEADERS["department"]])) == form.get("department")
                    and str(values.get(columns[HEADERS["item_id"]])) == form.get("item_id")):
                target = row[0].row
        if target is None:
            raise LookupError("this proposal is no longer in the ranking: reload the page")
        for key in ("decision", "comment", "responsible"):
            sheet.cell(target, columns[HEADERS[key]]).value = (form.get(key) or "").strip() or None
        sheet.cell(target, columns[HEADERS["deadline"]]).value = _day(form.get("deadline"))
        book.save(path)
        return verbs.review(engine, path, recorded_at, by)


def _day(text: str | None):
    """The form's date: ISO (a browser's date field) → a date; other text as typed (the sheet's rules judge it)."""
    text = (text or "").strip()
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return text


def plan_xlsx(engine, slug: str, today: date) -> tuple[str, bytes]:
    """(file name, bytes) of the publication plan, as `odaudit plan export --format xlsx` writes it."""
    from ..reports.plan_export import write_plan_xlsx

    name, items = verbs.plan(engine, slug, today)
    with tempfile.TemporaryDirectory(prefix="odaudit-plan-") as folder:
        path = Path(folder) / f"plan_{slug}.xlsx"
        write_plan_xlsx(path, name, items)
        return path.name, written(path)
