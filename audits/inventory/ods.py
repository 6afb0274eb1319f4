"""Read .ods (OpenDocument) cell values, streaming content.xml and honouring repeats."""
from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from xml.etree.ElementTree import ParseError, iterparse

from .grid import Grid, GridBuilder, Limits, ReadError, is_blank

TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
CELLS = (TABLE + "table-cell", TABLE + "covered-table-cell")


def read_ods(data: bytes, limits: Limits, timeout_text: str) -> list[Grid]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as content:
            return list(_tables(content, limits, timeout_text))
    except (KeyError, ParseError, zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReadError("source-error", detail=type(exc).__name__) from exc


def _tables(content, limits: Limits, timeout_text: str):
    builder, number, row, stopped = None, 0, [], False
    for event, elem in iterparse(content, events=("start", "end")):
        tag = elem.tag
        if event == "start":
            if tag == TABLE + "table":
                builder, number, stopped = GridBuilder(elem.get(TABLE + "name"), limits, timeout_text), 0, False
            elif tag == TABLE + "table-row":
                row = []
            continue
        if tag in CELLS:
            repeat = min(int(elem.get(TABLE + "number-columns-repeated", "1")), limits.max_columns)
            if len(row) < limits.max_columns:
                row.extend([_value(elem)] * repeat)
            elem.clear()
        elif tag == TABLE + "table-row" and builder is not None:
            repeat = int(elem.get(TABLE + "number-rows-repeated", "1"))
            number = _add_rows(builder, number, row, repeat, stopped)
            stopped = stopped or builder.grid.truncated
            elem.clear()
        elif tag == TABLE + "table" and builder is not None:
            yield builder.grid
            builder = None
            elem.clear()


def _add_rows(builder: GridBuilder, number: int, row: list, repeat: int, stopped: bool) -> int:
    """Blank repeated rows only move the counter; filled ones are added (capped by the limit)."""
    if stopped or all(is_blank(v) for v in row):
        builder.limits.check_time(builder.timeout_text)
        return number + repeat
    for _ in range(repeat):
        number += 1
        if not builder.add(number, list(row)):
            break
    return number


def _value(cell):
    kind = cell.get(OFFICE + "value-type")
    if kind in ("float", "percentage", "currency"):
        number = float(cell.get(OFFICE + "value"))
        return int(number) if number.is_integer() else number
    if kind == "date":
        raw = cell.get(OFFICE + "date-value", "")
        return datetime.fromisoformat(raw) if "T" in raw else date.fromisoformat(raw)
    if kind == "boolean":
        return cell.get(OFFICE + "boolean-value") == "true"
    text = "\n".join(_text(p) for p in cell if p.tag == TEXT + "p")  # not comments' paragraphs
    return text or None


def _text(node) -> str:
    parts = [node.text or ""]
    for child in node:
        if child.tag == TEXT + "s":
            parts.append(" " * int(child.get(TEXT + "c", "1")))
        elif child.tag == TEXT + "line-break":
            parts.append("\n")
        elif child.tag != OFFICE + "annotation":
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
