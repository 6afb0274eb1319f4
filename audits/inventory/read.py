"""Submitted file → the inventory table: the best sheet, its header and its records."""
from __future__ import annotations

import time
from dataclasses import dataclass

from .. import settings
from .grid import Grid, Limits, is_blank
from .header import SCAN_ROWS, Header, find_header
from .ods import read_ods
from .schema import InventorySchema
from .source import Source, check_archive, sniff_kind
from .text import read_csv
from .xlsx import read_xlsx

READERS = {"xlsx": read_xlsx, "ods": read_ods, "csv": read_csv}
PREFILLED = frozenset({"department"})   # a template row holding only the prefilled department is unused


@dataclass
class Record:
    number: int              # spreadsheet row number
    cells: dict              # field name → cell value as read


@dataclass
class Table:
    sheet: str | None
    header: Header
    records: list[Record]
    truncated: bool


def default_limits() -> Limits:
    """Reading stops a little past the data-row limit (room for a title block and the header)."""
    return Limits(max_rows=settings.get("max_rows") + SCAN_ROWS + 1, max_columns=settings.get("max_columns"),
                  deadline=time.monotonic() + settings.get("read_timeout_s"))


def timeout_text() -> str:
    return f"{settings.get('read_timeout_s'):g} с"


def read_grids(source: Source, limits: Limits) -> list[Grid]:
    """All sheets of the file; raises ReadError for anything that is not a readable table."""
    kind = sniff_kind(source.data)
    if kind != "csv":
        check_archive(source.data, int(settings.get("max_unpacked_mb") * 1_000_000))
    return READERS[kind](source.data, limits, timeout_text())


def pick_table(grids: list[Grid], schema: InventorySchema) -> Table | None:
    """The sheet whose header matches the schema best (an instructions sheet may come first)."""
    best: tuple[int, Grid, Header] | None = None
    for grid in grids:
        header = find_header(grid, schema)
        if header and (best is None or len(header.by_field()) > best[0]):
            best = (len(header.by_field()), grid, header)
    if best is None:
        return None
    _, grid, header = best
    records, limit = _records(grid, header), settings.get("max_rows")
    return Table(grid.sheet, header, records[:limit], grid.truncated or len(records) > limit)


def _records(grid: Grid, header: Header) -> list[Record]:
    fields = header.by_field()
    records = []
    for row in grid.rows[header.position + 1:]:
        cells = {name: _cell(row.cells, col.index) for name, col in fields.items()}
        if not all(is_blank(v) for name, v in cells.items() if name not in PREFILLED):
            records.append(Record(row.number, cells))
    return records


def _cell(cells: list, index: int):
    return cells[index] if index < len(cells) else None
