"""Read the working group's filled proposals.xlsx back and check it against the export it came
from (plain data in, findings out). audits.campaign.verbs.review records every decision in
one transaction, or none if anything is wrong."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..findings import Finding
from ..inventory.grid import Grid, ReadError, column_letter
from ..inventory.schema import fold
from ..safe import safe_cell
from ..validate import file_finding, open_source, safe_grids
from .sheet import APPROVE, COLUMNS, DECISIONS, EDITABLE, HEADERS, META_SHEET, SHEET, cells

BY_HEADER = {fold(c.header): c.key for c in COLUMNS}


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
        meta = _meta(grids[META_SHEET])
        review.campaign, review.export_id = meta.get("campaign"), meta.get("export")
    return review, grids


def check_sheet(review: Review, grids: dict[str, Grid], export: dict | None, now: dict) -> None:
    """Every row against the export it came from (audits.store.proposals.export_record; None: the
    sheet names no stored export of its campaign) and the ranking as it stands ``now``
    ((department, item id) → fingerprint). Problems become the review's findings."""
    if export is None:
        review.findings.append(_finding(review, "review-unknown-export", value=review.export_id,
                                        campaign=review.campaign or ""))
        return
    grid = grids[SHEET]
    header = {i: BY_HEADER.get(fold(v)) for i, v in enumerate(grid.rows[0].cells) if v is not None} \
        if grid.rows else {}
    for line in grid.rows[1:]:
        _row(review, line, header, export["rows"], now, export["id"])


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


def _meta(grid: Grid) -> dict:
    found = {}
    for line in grid.rows[:2]:
        if len(line.cells) >= 2 and line.cells[0] in ("campaign", "export"):
            found[line.cells[0]] = _int(line.cells[1]) if line.cells[0] == "export" else str(line.cells[1])
    return found


def _row(review: Review, line, header: dict, exported: dict, now: dict, export_id: int) -> None:
    values = {key: line.cells[i] if i < len(line.cells) else None for i, key in header.items() if key}
    letters = {key: column_letter(i) for i, key in header.items() if key}
    position = _int(values.get("position"))
    stored = exported.get(position)
    if stored is None:
        review.findings.append(_finding(review, "review-unknown-row", line.number, value=values.get("position")))
        return
    expected = cells(stored.data, position)
    edited = [k for k in values if k not in EDITABLE and not _equal(values[k], safe_cell(expected.get(k)))]
    for key in edited:
        review.findings.append(_finding(review, "review-edited", line.number, key, letters[key], values[key],
                                        expected=_shown(expected.get(key))))
    if edited:
        return
    _decision(review, line.number, values, letters, stored, now, export_id)


def _decision(review: Review, row: int, values: dict, letters: dict, stored, now: dict, export_id: int) -> None:
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
    review.decisions.append({"department": stored.department, "item_id": stored.item_id, "title": stored.title,
                             "decision": fold(decision), "comment": _text(values.get("comment")) or None,
                             "responsible": _text(values.get("responsible")) or None, "deadline": deadline,
                             "row": row, "exported": stored.data,
                             "deadline_letter": letters.get("deadline")})


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
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


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
