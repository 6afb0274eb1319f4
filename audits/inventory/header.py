"""Find the header row (even below a title block) and map its columns to schema fields."""
from __future__ import annotations

from dataclasses import dataclass

from .grid import Grid, column_letter, is_blank
from .schema import InventorySchema, fold

SCAN_ROWS = 30
MIN_MATCHED = 3


@dataclass(frozen=True)
class Column:
    index: int
    letter: str
    header: str
    field: str | None   # None: a column the schema does not know


@dataclass
class Header:
    position: int        # index of the header row in grid.rows
    row: int             # its spreadsheet row number
    columns: list[Column]

    def by_field(self) -> dict[str, Column]:
        found: dict[str, Column] = {}
        for col in self.columns:
            if col.field and col.field not in found:
                found[col.field] = col
        return found


def find_header(grid: Grid, schema: InventorySchema) -> Header | None:
    index = schema.header_index()
    best, best_score = None, 0
    for position, row in enumerate(grid.rows[:SCAN_ROWS]):
        score = len({index.get(fold(c)) for c in row.cells if not is_blank(c)} - {None})
        if score > best_score:
            best, best_score = position, score
    if best is None or best_score < MIN_MATCHED:
        return None
    row = grid.rows[best]
    columns = [Column(i, column_letter(i), str(v).strip(), index.get(fold(v)))
               for i, v in enumerate(row.cells) if not is_blank(v)]
    return Header(best, row.number, columns)

