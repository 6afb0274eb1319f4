"""What every reader returns: sheets of rows that remember their spreadsheet position."""
from __future__ import annotations

import time
from dataclasses import dataclass, field


class ReadError(Exception):
    """The file cannot be read; ``code`` is a finding code of :mod:`audits.messages`."""

    def __init__(self, code: str, detail: str = "", limit: str = ""):
        super().__init__(f"{code}: {detail}")
        self.code, self.detail, self.limit = code, detail, limit


@dataclass
class GridRow:
    number: int      # the row number the user sees (CSV: the line number, header = 1)
    cells: list      # cell values by column, index 0 = column A


@dataclass
class Grid:
    sheet: str | None
    rows: list[GridRow] = field(default_factory=list)
    truncated: bool = False   # more rows than the limit: reading stopped


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass
class Limits:
    max_rows: int
    max_columns: int
    deadline: float   # time.monotonic() after which reading stops

    def check_time(self, limit_text: str) -> None:
        if time.monotonic() > self.deadline:
            raise ReadError("read-timeout", limit=limit_text)


class GridBuilder:
    """Collects non-blank rows of one sheet up to the row limit."""

    def __init__(self, sheet: str | None, limits: Limits, timeout_text: str):
        self.grid = Grid(sheet)
        self.limits = limits
        self.timeout_text = timeout_text

    def add(self, number: int, cells: list) -> bool:
        """Add a row; returns False once the limit is reached (the caller stops reading)."""
        self.limits.check_time(self.timeout_text)
        cells = cells[: self.limits.max_columns]
        if all(is_blank(c) for c in cells):
            return True
        if len(self.grid.rows) >= self.limits.max_rows:
            self.grid.truncated = True
            return False
        while cells and is_blank(cells[-1]):
            cells.pop()
        self.grid.rows.append(GridRow(number, cells))
        return True
