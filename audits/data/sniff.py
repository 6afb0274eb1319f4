"""What a CSV file is before reading it: encoding (strict UTF-8 first, then Windows-1251 —
frictionless's own guess can garble Ukrainian, stack notes) and delimiter (from the header)."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..files import UNLIMITED, open_bounded

SAMPLE = 1 << 20
DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class CsvFormat:
    encoding: str          # "utf-8" or "cp1251"
    delimiter: str
    bom: bool
    header: list[str]
    second: list[str] = field(default_factory=list)   # the row below the header (a national template's labels)


def sniff(path: Path) -> CsvFormat:
    with open_bounded(path, UNLIMITED) as fh:
        sample = fh.read(SAMPLE)
    bom = sample.startswith(b"\xef\xbb\xbf")
    if bom:
        sample = sample[3:]
    encoding = "utf-8"
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3:          # a character cut by the sample's end
            text = sample[: exc.start].decode("utf-8")
        else:
            encoding, text = "cp1251", sample.decode("cp1251", errors="replace")
    first = text.split("\n", 1)[0].rstrip("\r")
    delimiter = max(DELIMITERS, key=first.count) if first else ","
    records = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(records, [])
        second = next(records, [])
    except csv.Error:
        header = next(csv.reader(io.StringIO(first), delimiter=delimiter), [])
        second = []
    return CsvFormat(encoding, delimiter, bom, header, second)
