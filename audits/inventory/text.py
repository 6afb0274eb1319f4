"""Read CSV text: UTF-8 (with or without BOM), UTF-16 with BOM or Windows-1251; `,` `;` or tab."""
from __future__ import annotations

import csv
import io

from .grid import Grid, GridBuilder, Limits, ReadError

DELIMITERS = (";", ",", "\t")


def decode(data: bytes) -> str:
    """UTF-8 first (strict), then Windows-1251; never guess an encoding that garbles Cyrillic."""
    if data[:3] == b"\xef\xbb\xbf":
        return _strict(data, "utf-8-sig")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return _strict(data, "utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _strict(data, "cp1251")
    if _looks_garbled(text):
        raise ReadError("bad-encoding")
    return text


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError("bad-encoding") from exc


_UNLIKELY = set("ЂЃѓЉЊЌЋЏђљњќћџЎўЈјЅѕ¤¦¬\u0098")


def _looks_garbled(text: str) -> bool:
    """Windows-1251 decodes almost any bytes; real Ukrainian text is mostly letters, not
    the box and symbol characters that other encodings turn into."""
    odd = sum(1 for ch in text if ch in _UNLIKELY or ("\x00" <= ch < " " and ch not in "\r\n\t"))
    return odd > max(3, len(text) // 50)


def sniff_delimiter(text: str) -> str:
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    counts = {d: sum(line.count(d) for line in lines) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(data: bytes, limits: Limits, timeout_text: str) -> list[Grid]:
    text = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    builder = GridBuilder(None, limits, timeout_text)
    line = 1
    try:
        for cells in reader:
            if not builder.add(line, cells):
                break
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ReadError("source-error", detail=str(exc)) from exc
    return [builder.grid]
