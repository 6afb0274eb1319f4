"""Run the detectors over a data file. A vectorised pre-filter (pyarrow, RE2) picks the cells
that could hold personal data at all (nine digits, an @, a patronymic ending, a passport
series, UA and digits); only those are read by the Python detectors."""
from __future__ import annotations

import csv
import io
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow.compute as pc

from ...files import UNLIMITED, open_bounded, regular
from ...findings import Finding
from ...inventory.grid import ReadError
from ...inventory.source import sniff_kind
from . import Hit, contact, email, iban, mask, names, passport, phone, rnokpp

DETECTORS = (rnokpp, passport, phone, email, iban, names)
PREFILTER = r"@|вич|вна|ічна|\d(?:\D{0,3}\d){8}|[А-ЯІЇЄҐ]{2}\s?№?\s?\d{6}"
PRIORITY = ("iban", "passport", "id-card", "rnokpp", "phone", "email", "full-name")


@dataclass
class ScreenResult:
    file: str
    rows: int
    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0
    notes: list[Finding] = field(default_factory=list)    # contact-point columns: names, e-mails, never a block
    unread: str | None = None    # why the file could not be screened (then nothing was cleared: "could not run")

    @property
    def blocked(self) -> bool:
        """A file with any hit (not a note) is kept from proposals until someone reviews it."""
        return bool(self.findings)

    @property
    def kinds(self) -> dict[str, int]:
        return kind_counts(self.findings)

    def to_dict(self) -> dict:
        return {"file": self.file, "valid": not self.blocked, "rows": self.rows,
                "findings": [{"row": f.row, "field": f.field, "code": f.code, "kind": kind_of(f),
                              "sample": f.value, "severity": f.severity, "message": f.message} for f in self.findings],
                "notes": [{"row": f.row, "field": f.field, "code": f.code, "sample": f.value, "severity": f.severity,
                           "message": f.message} for f in self.notes],
                "seconds": round(self.seconds, 3), "kinds": self.kinds}


def kind_of(finding: Finding) -> str | None:
    return finding.code.removeprefix("personal-") if finding.code.startswith("personal-") else None


def kind_counts(findings) -> dict[str, int]:
    counts: dict[str, int] = {}
    for f in findings:
        kind = kind_of(f) or f.code
        counts[kind] = counts.get(kind, 0) + 1
    return dict(sorted(counts.items()))


def detect(text: str, context: str = "") -> list[Hit]:
    """All hits in one cell, overlapping spans resolved by the most specific kind."""
    hits = [h for d in DETECTORS for h in d.find(text, context)]
    hits.sort(key=lambda h: (PRIORITY.index(h.kind), h.start))
    kept: list[Hit] = []
    for h in hits:
        if not any(h.start < k.end and k.start < h.end for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)


def screen_file(path: Path, contact_columns: frozenset[str] | set[str] | None = None) -> ScreenResult:
    """Screen a CSV or XLSX file for personal data; every hit is a finding (row, field, kind,
    a masked sample). ``result.blocked`` is true when anything was found. A name or e-mail in
    a contact-point column (``contact_columns``: headers a dataset schema marks, plus those
    known to be contact points, :mod:`.contact`) is a note instead, one per column."""
    path = Path(path)
    declared = frozenset(contact.fold(c) for c in contact_columns or ())
    started = time.perf_counter()
    findings: list[Finding] = []
    held: dict[str, list[Finding]] = {}
    rows, unread = 0, None
    try:
        for header, columns, row_numbers, new_rows in _blocks(path):
            rows += new_rows
            for name, column in zip(header, columns):
                found = _screen_column(path.name, name, column, row_numbers)
                if found and contact.is_contact(name, declared):
                    held.setdefault(name, []).extend(f for f in found if kind_of(f) in contact.KINDS)
                    found = [f for f in found if kind_of(f) not in contact.KINDS]
                findings.extend(found)
    except (OSError, UnicodeError, ValueError, csv.Error, zipfile.BadZipFile, ReadError) as exc:
        unread = str(exc)[:200]
        findings.append(Finding.of("source-error", dict(file=path.name, detail=unread), file=path.name))
    findings.sort(key=lambda f: (f.row or 0, f.field or ""))
    notes = [_contact_note(path.name, name, hits) for name, hits in held.items() if hits]
    return ScreenResult(str(path), rows, findings, time.perf_counter() - started, notes, unread)


def _must_be_a_table(path: Path) -> None:
    """A file the screen cannot read as a table (a PDF renamed .csv, a workbook named .csv, any
    binary) is a ReadError, so the screen says it could not run instead of "nothing found"."""
    with open_bounded(path, UNLIMITED) as fh:          # refuses a FIFO, a device, a folder
        head = fh.read(8192)
    is_zip = head.startswith(b"PK\x03\x04")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        if not is_zip:
            raise ReadError("unsupported-format", "це не книга .xlsx")
        return
    if is_zip:
        raise ReadError("unsupported-format", "ZIP-архів або книга Excel, а не CSV")
    try:
        sniff_kind(head)                               # a PDF, an OLE/.xls file, NUL bytes
    except ReadError as exc:
        if exc.code != "empty-file":                   # an empty file has nothing to screen
            raise


def _contact_note(file: str, column: str, hits: list[Finding]) -> Finding:
    first = min(hits, key=lambda f: f.row or 0)
    params = dict(column=column, count=len(hits), row=first.row, value=first.value)
    return Finding.of("contact-point-data", params, file=file, row=first.row, column=column, field=column,
                      value=first.value)


def _screen_column(file: str, name: str, column, row_numbers) -> list[Finding]:
    if hasattr(column, "type"):
        candidates = np.flatnonzero(pc.fill_null(pc.match_substring_regex(column, PREFILTER), False)
                                    .to_numpy(zero_copy_only=False))
        values = column.take(candidates).to_pylist() if len(candidates) else []
    else:
        candidates = np.arange(len(column))
        values = column
    out = []
    for i, text in zip(candidates, values):
        if not text:
            continue
        for hit in detect(str(text), name):
            sample = mask(hit.text, hit.kind)
            code = f"personal-{hit.kind}"
            params = dict(row=int(row_numbers[i]), column=name, value=sample)
            out.append(Finding.of(code, params, file=file, row=int(row_numbers[i]), column=name, field=name,
                                  value=sample))
    return out


def _blocks(path: Path):
    """(header, columns, row numbers) blocks: pyarrow for CSV, openpyxl (read-only) for XLSX."""
    _must_be_a_table(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        yield from _xlsx_blocks(path)
        return
    from ..blocks import NotCovered, prefetch, read_blocks
    from ..sniff import sniff

    fmt = sniff(path)
    header = _unique_names(fmt.header)
    try:
        for columns, rows, _ncells, extra in prefetch(read_blocks(path, fmt, header)):
            yield header, columns, rows, len(rows)
            if extra:                            # cells beyond the header, screened under one name
                yield ["(зайві клітинки)"], [[" ".join(cells) for cells in extra.values()]], list(extra), 0
    except NotCovered:
        yield from _python_csv_blocks(path, fmt, header)


def _python_csv_blocks(path, fmt, header, size: int = 50_000):
    with io.TextIOWrapper(open_bounded(path, UNLIMITED), encoding="utf-8-sig" if fmt.encoding == "utf-8" else
                          fmt.encoding, newline="") as fh:
        reader = csv.reader(fh, delimiter=fmt.delimiter)
        next(reader, None)
        yield from _batched(header, reader, size)


def _xlsx_blocks(path: Path, size: int = 50_000):
    from openpyxl import load_workbook

    book = load_workbook(regular(path), read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            rows = sheet.iter_rows(values_only=True)
            header = _unique_names([str(v) if v is not None else "" for v in next(rows, ())])
            yield from _batched(header, (["" if v is None else str(v) for v in row] for row in rows), size)
    finally:
        book.close()


def _batched(header, rows, size: int):
    """Rows (numbered from 2, after the header) in column blocks of ``size``."""
    batch, numbers = [], []
    for number, row in enumerate(rows, start=2):
        batch.append(row)
        numbers.append(number)
        if len(batch) >= size:
            yield _columns_of(header, batch, numbers)
            batch, numbers = [], []
    if batch:
        yield _columns_of(header, batch, numbers)


def _columns_of(header, batch, numbers):
    width = max([len(header)] + [len(r) for r in batch])
    names = list(header) + [f"колонка {i + 1}" for i in range(len(header), width)]
    return names, [[r[i] if i < len(r) else "" for r in batch] for i in range(width)], numbers, len(numbers)


def _unique_names(header: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, name in enumerate(header):
        name = name.strip() or f"колонка {i + 1}"
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out
