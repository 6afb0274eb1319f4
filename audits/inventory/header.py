"""Find the header row (even below a title block) and map its columns to schema fields with the
one header matcher (:mod:`audits.inventory.header_match`): by name, title or alias, in any
order; a national template's two-row header (machine names above Ukrainian labels) is one header."""
from __future__ import annotations

from dataclasses import dataclass, field as dc_field

from .grid import Grid, GridRow, column_letter, is_blank
from .header_match import AMBIGUOUS, BLANK, DUPLICATE, UNKNOWN, HeaderMatch
from .schema import InventorySchema

SCAN_ROWS = 30
MIN_MATCHED = 3
HEADER_CHARS = 100        # a header longer than this is quoted by its start in messages


@dataclass(frozen=True)
class Column:
    index: int
    letter: str
    header: str
    field: str | None   # None: a column the schema does not know (a repeat keeps its field)
    suggestion: str | None = None            # an unknown column: the field it most probably is
    candidates: tuple[str, ...] = ()         # a header that fits several fields (used for none)


@dataclass
class Header:
    position: int        # index of the (last) header row in grid.rows
    row: int             # the spreadsheet row number of its first row
    columns: list[Column]
    rows: int = 1        # 2: machine names above labels
    blank: list[int] = dc_field(default_factory=list)   # 0-based columns with values but no header

    def by_field(self) -> dict[str, Column]:
        found: dict[str, Column] = {}
        for col in self.columns:
            if col.field and col.field not in found:
                found[col.field] = col
        return found


def find_header(grid: Grid, schema: InventorySchema) -> Header | None:
    matcher = schema.matcher()
    best, best_score = None, 0
    for position, row in enumerate(grid.rows[:SCAN_ROWS]):
        score = len({matcher.field_of(c) for c in row.cells if not is_blank(c)} - {None})
        if score > best_score:
            best, best_score = position, score
    if best is None or best_score < MIN_MATCHED:
        return None
    row = grid.rows[best]
    below = _next_row(grid, best)
    match = matcher.match(row.cells, below.cells if below else None)
    position = best + match.header_rows - 1
    return Header(position, row.number, _columns(match), match.header_rows,
                  _blank_with_values(grid, position, match))


def _next_row(grid: Grid, position: int) -> GridRow | None:
    if position + 1 < len(grid.rows) and grid.rows[position + 1].number == grid.rows[position].number + 1:
        return grid.rows[position + 1]
    return None


def _columns(match: HeaderMatch) -> list[Column]:
    issues = {i.index: i for i in match.issues if i.index is not None}
    columns = []
    for index, (label, field) in enumerate(zip(match.labels, match.columns)):
        issue = issues.get(index)
        if issue is not None and issue.kind == BLANK:
            continue
        if issue is not None and issue.kind == DUPLICATE:
            field = issue.field
        columns.append(Column(index, column_letter(index), _short(label), field,
                              issue.field if issue is not None and issue.kind == UNKNOWN else None,
                              issue.candidates if issue is not None and issue.kind == AMBIGUOUS else ()))
    return columns


def _blank_with_values(grid: Grid, position: int, match: HeaderMatch) -> list[int]:
    """Columns without a header that hold a value somewhere below it (an empty one is no column)."""
    blank = {i.index for i in match.issues if i.kind == BLANK}
    if not blank:
        return []
    found: set[int] = set()
    for row in grid.rows[position + 1:]:
        found.update(i for i, v in enumerate(row.cells) if i in blank and not is_blank(v))
    return sorted(found)


def _short(text: str) -> str:
    return text if len(text) <= HEADER_CHARS else text[: HEADER_CHARS - 1] + "…"
