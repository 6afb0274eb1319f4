"""Read the working group's filled proposals.xlsx back and check it against the export it came
from (plain data in, findings out). audits.campaign.verbs.review records every decision in
one transaction, or none if anything is wrong."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .. import settings
from ..findings import Finding
from ..inventory.grid import Grid, ReadError, column_letter
from ..inventory.schema import fold
from ..inventory.source import sniff_kind
from ..safe import safe_cell
from ..validate import file_finding, open_source, safe_grids
from .review_guard import export_id, formula_cells, plain_text
from .sheet import APPROVE, COLUMNS, DECISIONS, EDITABLE, HEADERS, META_SHEET, SHEET, cells

BY_HEADER = {fold(c.header): c.key for c in COLUMNS}
TEXTS = ("comment", "responsible")     # free text stored from the sheet: bounded, plain


@dataclass
class Review:
    file: str
    sha256: str | None = None
    campaign: str | None = None
    export_id: int | None = None
    decisions: list[dict] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    recorded: int = 0
    unchanged: int = 0

    @property
    def errors(self) -> int:
        return sum(f.is_error for f in self.findings)

    def to_dict(self) -> dict:
        return {"file": self.file, "campaign": self.campaign, "export": self.export_id,
                "recorded": self.recorded, "unchanged": self.unchanged, "decisions": self.decisions,
                "findings": [f.to_dict() for f in self.findings]}


def open_sheet(path: Path) -> tuple[Review, dict[str, Grid]]:
    """The filled sheet read; ``review.campaign`` and ``review.export_id`` from its hidden sheet."""
    review, grids = _open(Path(path))
    if not review.errors:
        _meta(review, grids[META_SHEET])
    return review, grids


def check_sheet(review: Review, grids: dict[str, Grid], export: dict | None, now: dict,
                today: date | None = None) -> None:
    """Every row against the export it came from (audits.store.proposals.export_record; None: the
    sheet names no stored export of its campaign) and the ranking as it stands ``now``
    ((department, item id) → fingerprint). Problems become the review's findings. A deadline may
    be at most ``review_deadline_years`` after the audit date, or after ``today`` (the day of the
    import) when that is later: a plan decided years after its audit still has a horizon."""
    if export is None:
        review.findings.append(_finding(review, "review-unknown-export", value=review.export_id,
                                        campaign=review.campaign or ""))
        return
    grid = grids[SHEET]
    header = {i: BY_HEADER.get(fold(v)) for i, v in enumerate(grid.rows[0].cells) if v is not None} \
        if grid.rows else {}
    horizon = _horizon(max((d for d in (_day(export.get("as_of")), today) if d), default=None))
    seen: dict = {}
    for line in grid.rows[1:]:
        _row(review, line, header, export["rows"], now, export["id"], horizon, seen)


def changed(review: Review, in_force: dict, today: date | None = None) -> list[dict]:
    """The decisions that differ from the one in force for the same item (``in_force``:
    (department, item id) → decision dict); the others count as unchanged. A new approval whose
    deadline is before ``today`` (the day of the import) is recorded with a warning."""
    found = []
    for d in review.decisions:
        letter = d.pop("deadline_letter", None)
        if same(in_force.get((d["department"], d["item_id"])), d):
            review.unchanged += 1
            continue
        found.append(d)
        if today and d["decision"] == APPROVE and d["deadline"] < today:
            review.findings.append(_finding(review, "review-deadline-past", d["row"], "deadline", letter,
                                            d["deadline"].strftime("%d.%m.%Y"), title=d["title"],
                                            today=today.strftime("%d.%m.%Y")))
    return found


def _open(path: Path) -> tuple[Review, dict[str, Grid]]:
    """Read the file the way inventories are read: anything broken or hostile is a finding."""
    review = Review(path.name)
    try:
        source = open_source(path)
        review.sha256 = source.sha256
        grids = {g.sheet: g for g in safe_grids(source)}
    except OSError as exc:  # vanished, unreadable or a folder
        review.findings.append(file_finding(ReadError("source-error", detail=type(exc).__name__), path.name, None))
        return review, {}
    except ReadError as exc:
        review.findings.append(file_finding(exc, path.name, None))
        return review, {}
    if META_SHEET not in grids or SHEET not in grids:
        review.findings.append(_finding(review, "review-not-a-sheet"))
        return review, grids
    _formulas(review, source.data)
    return review, grids


def _formulas(review: Review, data: bytes) -> None:
    """A live formula anywhere in the two sheets (=HYPERLINK(…), =cmd|…) refuses the import.
    Only .xlsx (what the export writes) is looked at; an .ods re-save is read by values only."""
    if sniff_kind(data) != "xlsx":
        return
    try:
        found = formula_cells(data, (SHEET, META_SHEET), settings.get("max_rows") + 1, settings.get("max_columns"))
    except Exception as exc:  # noqa: BLE001 - read once already; a second failure is a finding
        review.findings.append(file_finding(ReadError("source-error", detail=type(exc).__name__), review.file, None))
        return
    for sheet_name, row, index in found:
        letter = column_letter(index)
        review.findings.append(Finding.of("review-formula", dict(file=review.file, row=row, cell=f"{letter}{row}",
                                                                 sheet=sheet_name),
                                          file=review.file, sheet=sheet_name, row=row, column_letter=letter))


def _meta(review: Review, grid: Grid) -> None:
    """campaign (a name) and export (a whole positive id) from the hidden sheet, or an error."""
    found = {line.cells[0]: (line.cells[1], line.number) for line in grid.rows[:2]
             if len(line.cells) >= 2 and line.cells[0] in ("campaign", "export")}
    value, row = found.get("export", (None, 2))
    review.export_id = export_id(value)
    campaign, campaign_row = found.get("campaign", (None, 1))
    review.campaign = campaign if isinstance(campaign, str) and 0 < len(campaign) <= 200 else None
    if review.export_id is None or review.campaign is None:
        bad, row = (value, row) if review.export_id is None else (campaign, campaign_row)
        shown = "" if bad is None else _shown(bad)
        review.findings.append(Finding.of("review-bad-export-id", dict(file=review.file, value=shown, cell=f"B{row}"),
                                          file=review.file, sheet=META_SHEET, row=row, column_letter="B",
                                          value=None if bad is None else shown))


def _day(value) -> date | None:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _horizon(as_of: date | None) -> date | None:
    """The latest deadline a sheet may give: ``review_deadline_years`` after ``as_of``."""
    if as_of is None:
        return None
    years = int(settings.get("review_deadline_years"))
    try:
        return as_of.replace(year=as_of.year + years)
    except ValueError:   # 29 February
        return as_of.replace(year=as_of.year + years, day=28)


def _row(review: Review, line, header: dict, exported: dict, now: dict, export_id: int,
         horizon: date | None = None, seen: dict | None = None) -> None:
    values = {key: line.cells[i] if i < len(line.cells) else None for i, key in header.items() if key}
    letters = {key: column_letter(i) for i, key in header.items() if key}
    position = _int(values.get("position"))
    stored = exported.get(position)
    if stored is None:
        review.findings.append(_finding(review, "review-unknown-row", line.number, value=values.get("position")))
        return
    if seen is not None:
        if position in seen:
            review.findings.append(_finding(review, "review-duplicate-row", line.number, "position",
                                            letters.get("position"), position, first=seen[position],
                                            title=stored.title))
        seen.setdefault(position, line.number)
    expected = cells(stored.data, position)
    edited = [k for k in values if k not in EDITABLE and not _equal(values[k], safe_cell(expected.get(k)))]
    for key in edited:
        review.findings.append(_finding(review, "review-edited", line.number, key, letters[key], values[key],
                                        expected=_shown(expected.get(key))))
    if edited:
        return
    if _too_long(review, line.number, values, letters):
        return
    _decision(review, line.number, values, letters, stored, now, export_id, horizon)


def _too_long(review: Review, row: int, values: dict, letters: dict) -> bool:
    limit, found = int(settings.get("review_max_text")), False
    for key in TEXTS:
        length = len(plain_text(values.get(key)))
        if length > limit:
            found = True
            review.findings.append(_finding(review, "review-text-too-long", row, key, letters.get(key),
                                            length=length, limit=limit))
    return found


def _decision(review: Review, row: int, values: dict, letters: dict, stored, now: dict, export_id: int,
              horizon: date | None = None) -> None:
    decision = _text(values.get("decision"))
    if not decision:
        for key in ("comment", "deadline"):
            if _text(values.get(key)):
                review.findings.append(_finding(review, "review-no-decision", row, key, letters.get(key)))
        return
    if fold(decision) not in DECISIONS:
        review.findings.append(_finding(review, "review-unknown-decision", row, "decision", letters["decision"],
                                        decision))
        return
    deadline, raw = _date(values.get("deadline")), values.get("deadline")
    if raw not in (None, "") and deadline is None:
        review.findings.append(_finding(review, "review-bad-deadline", row, "deadline", letters["deadline"], raw))
        return
    if deadline is not None and horizon is not None and deadline > horizon:
        review.findings.append(_finding(review, "review-deadline-too-late", row, "deadline", letters["deadline"],
                                        deadline.strftime("%d.%m.%Y"), horizon=horizon.strftime("%d.%m.%Y"),
                                        years=settings.get("review_deadline_years")))
        return
    if fold(decision) == APPROVE and deadline is None:
        review.findings.append(_finding(review, "review-missing-deadline", row, "deadline",
                                        letters.get("deadline"), title=stored.title))
        return
    current = now.get((stored.department, stored.item_id))
    if current != stored.fingerprint:
        detail = "" if current else " (її більше немає серед пропозицій: набір оприлюднено, виключено або змінено)"
        review.findings.append(_finding(review, "review-proposal-changed", row, value=export_id,
                                        title=stored.title, detail=detail))
        return
    _conflict(review, row, letters.get("decision"), stored, fold(decision))
    review.decisions.append({"department": stored.department, "item_id": stored.item_id, "title": stored.title,
                             "decision": fold(decision), "comment": plain_text(values.get("comment")) or None,
                             "responsible": plain_text(values.get("responsible")) or None, "deadline": deadline,
                             "row": row, "exported": stored.data,
                             "deadline_letter": letters.get("deadline")})


def _conflict(review: Review, row: int, letter: str | None, stored, decision: str) -> None:
    """Two rows deciding the same dataset differently: the group's decision is not known."""
    for other in review.decisions:
        if (other["department"], other["item_id"]) == (stored.department, stored.item_id) \
                and other["decision"] != decision:
            review.findings.append(_finding(review, "review-conflicting-decision", row, "decision", letter, decision,
                                            first=other["row"], other=other["decision"], title=stored.title))


def _finding(review: Review, code: str, row: int | None = None, key: str | None = None,
             letter: str | None = None, value=None, **params) -> Finding:
    column = HEADERS.get(key) if key else None
    cell = f"{letter}{row}" if letter and row else ""
    params = dict(file=review.file, row=row, cell=cell, column=column or "",
                  value="" if value is None else _shown(value), **params)
    return Finding.of(code, params, file=review.file, sheet=SHEET if row else None, row=row,
                      column=column, column_letter=letter, field=key, value=None if value is None else str(value))


def same(decision: dict | None, new: dict) -> bool:
    keys = ("decision", "comment", "responsible", "deadline")
    return decision is not None and tuple(decision[k] for k in keys) == tuple(new[k] for k in keys)


def _equal(actual, expected) -> bool:
    if _text(actual) == _text(expected):
        return True
    try:
        return abs(float(actual) - float(expected)) < 1e-6
    except (TypeError, ValueError):
        return False


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _shown(value) -> str:
    text = _text(value)
    return text if len(text) <= 120 else text[:120] + "…"


def _int(value) -> int | None:
    """A whole number (a row's №), or None: 1.5, 1e308 beyond any row, inf and text are none."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return int(number) if number.is_integer() and abs(number) < 2**31 else None


def _date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    for fmt in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
