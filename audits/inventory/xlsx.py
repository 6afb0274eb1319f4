"""Read .xlsx cell values (cached results, not formulas) with their row numbers."""
from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import ParseError

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from .grid import Grid, GridBuilder, Limits, ReadError
from .xlsx_dimension import with_dimensions


def read_xlsx(data: bytes, limits: Limits, timeout_text: str) -> list[Grid]:
    try:
        book = load_workbook(io.BytesIO(with_dimensions(data)), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ParseError, OSError, ValueError, TypeError) as exc:
        raise ReadError("source-error", detail=type(exc).__name__) from exc
    try:
        return [_read_sheet(ws, limits, timeout_text) for ws in book.worksheets]
    except (ParseError, KeyError, ValueError, TypeError, zipfile.BadZipFile, OSError) as exc:
        raise ReadError("source-error", detail=type(exc).__name__) from exc
    finally:
        book.close()


def _read_sheet(ws, limits: Limits, timeout_text: str) -> Grid:
    builder = GridBuilder(ws.title, limits, timeout_text)
    ws.reset_dimensions()  # producers write wrong <dimension>s; read what is really there
    number = 0
    for cells in ws.iter_rows(max_col=limits.max_columns):
        number = _row_number(cells, number + 1)
        if not builder.add(number, [c.value for c in cells]):
            break
    return builder.grid


def _row_number(cells, fallback: int) -> int:
    for cell in cells:
        row = getattr(cell, "row", None)
        if row:
            return row
    return fallback
