"""What every check receives: validated rows and the context to place a finding in the file."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..findings import Finding
from ..inventory.header import Column
from ..inventory.schema import InventorySchema


@dataclass
class Row:
    number: int                     # spreadsheet row number
    raw: dict                       # field → cell value as read
    text: dict[str, str]            # field → normalised text (what was validated)
    values: dict = field(default_factory=dict)   # field → typed value, None if empty or invalid


@dataclass
class Context:
    schema: InventorySchema
    file: str
    sheet: str | None
    as_of: date
    department: str | None = None
    columns: dict[str, Column] = field(default_factory=dict)

    def column(self, name: str | None) -> tuple[str | None, str | None]:
        """(header the user sees, column letter) of a field; the schema title if absent."""
        if name is None:
            return None, None
        col = self.columns.get(name)
        return (col.header, col.letter) if col else (self.schema.title(name), None)

    def finding(self, code: str, row: int | None = None, field: str | None = None,
                value=None, at: Column | None = None, **params) -> Finding:
        """A finding at ``row``/``field``; ``at`` places it in a column the schema does not know."""
        header, letter = (at.header, at.letter) if at else self.column(field)
        cell = f"{letter}{row}" if letter and row else (letter or "")
        place = f"«{self.file}», аркуш «{self.sheet}»" if self.sheet else f"«{self.file}»"
        params = {"file": self.file, "sheet": self.sheet or "", "place": place, "row": row, "column": header,
                  "cell": cell, "value": "" if value is None else value,
                  "example": self.schema.example(field) if field else "", **params}
        return Finding.of(code, params, department=self.department, file=self.file, sheet=self.sheet, row=row,
                          column=header, column_letter=letter, field=field,
                          value=None if value is None else str(value))
