"""The floor for `bench/data_validate.py`: a bare pyarrow pass over the EV-charging file that
finds the same (row, field, code) findings as `odaudit data validate`, and nothing more.

No frictionless, no reports, no message catalogue, no CLI: pyarrow's streaming CSV reader,
its regex and comparison kernels on whole columns, ragged rows parsed by Python's csv, and
duplicates found by dictionary-encoding the key column. It knows this one schema by heart
(schemas/datasets/ev-charging), which is what makes it a floor and not a validator. Like
odaudit it reads Arrow results into numpy from their buffers: pyarrow's own ``to_numpy``
imports pandas on first use (0.2–0.3 s), which would make the floor slower than it needs to be.

    .venv/bin/python bench/bare_findings.py FILE [--keys]

Prints the finding count (and with --keys one "row<TAB>field<TAB>code" line per finding).
"""
from __future__ import annotations

import csv
import re
import sys

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

NAMES = ["uid", "ownerName", "ownerId", "ownerTelephone", "ownerEmail"]
PATTERNS = {"uid": r"[0-9A-Za-zА-ЯІЇЄҐа-яіїєґ._/-]{1,64}", "ownerId": r"\d{8}",
            "ownerTelephone": r"\+380\d{9}", "ownerEmail": r"[^@\s]+@[^@\s]+\.[^@\s]+"}
REQUIRED = {"uid", "ownerName"}
MAX_LENGTH = {"ownerName": 500}


def bools(values) -> np.ndarray:
    """A boolean Arrow array (no nulls) as numpy, from its bit buffer."""
    raw = np.frombuffer(values.buffers()[1], dtype=np.uint8)
    return np.unpackbits(raw, bitorder="little", count=values.offset + len(values))[values.offset:].astype(bool)


def strings(words: list[str]):
    """A string Arrow array from its buffers (``pa.array`` would import pandas too)."""
    data = [w.encode("utf-8") for w in words]
    offsets = np.concatenate([[0], np.cumsum([len(d) for d in data], dtype=np.int64)]).astype(np.int32)
    return pa.Array.from_buffers(pa.string(), len(data), [None, pa.py_buffer(offsets), pa.py_buffer(b"".join(data))])


def read(path: str):
    invalid: list[tuple[int, str]] = []

    def on_invalid(row):
        invalid.append((row.number, row.text))
        return "skip"

    # one thread: pyarrow gives a ragged row's line number only then (odaudit reads so too), 4 MB blocks as odaudit
    options = pacsv.ReadOptions(use_threads=False, block_size=4 << 20, column_names=NAMES, skip_rows=1)
    reader = pacsv.open_csv(path, read_options=options,
                            parse_options=pacsv.ParseOptions(invalid_row_handler=on_invalid, ignore_empty_lines=False),
                            convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in NAMES},
                                                                 strings_can_be_null=False))
    cursor = 2
    for batch in reader:
        k = batch.num_rows
        pending = np.array([n for n, _ in invalid], dtype=np.int64)
        candidates = np.arange(cursor, cursor + k + len(pending), dtype=np.int64)
        rows = candidates[~np.isin(candidates, pending)][:k]
        cursor = int(rows[-1]) + 1 if k else cursor
        ragged = [r for r in invalid if r[0] < cursor]
        invalid[:] = [r for r in invalid if r[0] >= cursor]
        yield batch, rows, ragged
    if invalid:
        yield None, np.array([], np.int64), invalid


def check_block(batch, rows, ragged, findings, uids, uid_rows):
    blank = np.ones(len(rows), bool)
    block: list[tuple[int, str, str]] = []
    for name in NAMES:
        column = batch.column(name)
        filled = pc.cast(pc.binary_length(column), pa.bool_())            # a cell with at least one byte
        empty = ~bools(filled)
        blank &= empty
        if name in REQUIRED:
            block.extend((int(r), name, "constraint-error") for r in rows[empty])
        bad = np.zeros(len(rows), bool)
        if name in PATTERNS:
            bad |= ~bools(pc.match_substring_regex(column, f"^(?:{PATTERNS[name]})$"))
        if name in MAX_LENGTH:
            length = pc.utf8_length(column)
            bad |= np.frombuffer(length.buffers()[1], np.int32, len(length), length.offset * 4) > MAX_LENGTH[name]
        block.extend((int(r), name, "constraint-error") for r in rows[bad & ~empty])
        if name == "uid":
            uids.append(column.filter(filled))
            uid_rows.append(rows[~empty])
            findings.extend((int(r), "", "primary-key") for r in rows[empty])   # blank rows too, as frictionless
    blank_rows = set(rows[blank].tolist())
    findings.extend(f for f in block if f[0] not in blank_rows)
    findings.extend((r, "", "blank-row") for r in sorted(blank_rows))
    for number, text in ragged:
        cells = next(csv.reader([text]), [])
        if not any(cells):
            findings.extend([(number, "", "blank-row"), (number, "", "primary-key")])
            continue
        findings.extend((number, name, "missing-cell") for name in NAMES[len(cells):])
        findings.extend((number, "", "extra-cell") for _ in cells[len(NAMES):])
        padded = cells[:len(NAMES)] + [""] * (len(NAMES) - len(cells))
        for name, cell in zip(NAMES, padded):
            if name in REQUIRED and not cell:
                findings.append((number, name, "constraint-error"))
            elif cell and ((name in PATTERNS and not re.fullmatch(PATTERNS[name], cell))
                           or len(cell) > MAX_LENGTH.get(name, 1 << 30)):
                findings.append((number, name, "constraint-error"))
        if padded[0]:
            uids.append(strings([padded[0]]))
            uid_rows.append(np.array([number], np.int64))
        else:
            findings.append((number, "", "primary-key"))


def duplicates(uids, uid_rows, findings):
    keys = pa.concat_arrays(uids).dictionary_encode()
    rows = np.concatenate(uid_rows)
    order = np.argsort(rows, kind="stable")
    indices = keys.indices
    codes = np.frombuffer(indices.buffers()[1], np.int32, len(indices), indices.offset * 4)[order]
    _, first = np.unique(codes, return_index=True)
    again = np.ones(len(codes), bool)
    again[first] = False
    for r in rows[order][again]:
        findings.append((int(r), "uid", "unique-error"))
        findings.append((int(r), "", "primary-key"))


def main() -> None:
    findings: list[tuple[int, str, str]] = []
    uids: list = []
    uid_rows: list = []
    for batch, rows, ragged in read(sys.argv[1]):
        if batch is None:
            batch = pa.table({n: strings([]) for n in NAMES})
        check_block(batch, rows, ragged, findings, uids, uid_rows)
    duplicates(uids, uid_rows, findings)
    print(len(findings))
    if "--modules" in sys.argv:
        print("pandas imported:", "pandas" in sys.modules, file=sys.stderr)
    if "--keys" in sys.argv:
        for row, field, code in sorted(findings):
            print(f"{row}\t{field}\t{code}")


if __name__ == "__main__":
    main()
