"""Reading a CSV in blocks with pyarrow: bounded memory (a block is ``block_bytes`` (4 MB) of text,
at most two wait while one is checked), every cell as text, and each row numbered the way
frictionless numbers it (header = 1), including rows with too few or too many cells."""
from __future__ import annotations

import csv
from collections import deque
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from ..files import regular
from .arrow import as_bools, index_array, text_array
from .schemas import NotCovered  # noqa: F401  (raised here; defined where the CLI can import it cheaply)
from .sniff import CsvFormat

BLOCK_BYTES = 4 << 20


def read_blocks(path: Path, fmt: CsvFormat, names: list[str], block_bytes: int = BLOCK_BYTES,
                header_rows: int = 1):
    """Blocks of a CSV as (string columns, row numbers as frictionless counts them, cells per row,
    extra cells by row); ragged rows are read by Python's csv and put back in their place.
    ``names``: one (unique) name per column of the file; ``header_rows``: 2 for a national
    template's header (machine names above labels): data rows start at row 3."""
    invalid: deque = deque()

    def on_invalid(row):
        invalid.append((row.number, row.text))
        return "skip"

    reader = pacsv.open_csv(
        regular(path),                 # pyarrow opens the file itself: checked to be a regular file first
        read_options=pacsv.ReadOptions(use_threads=False, block_size=block_bytes, column_names=names,
                                       skip_rows=header_rows, encoding="utf8" if fmt.encoding == "utf-8" else fmt.encoding),
        parse_options=pacsv.ParseOptions(delimiter=fmt.delimiter, invalid_row_handler=on_invalid,
                                         ignore_empty_lines=False, newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                             strings_can_be_null=False, quoted_strings_can_be_null=False))
    # pyarrow numbers a ragged row by its physical line; frictionless by its record. They agree
    # up to the first cell with a line break in it: a ragged row after that one is not covered.
    cursor, first_break = header_rows + 1, None
    for batch in reader:
        k = batch.num_rows
        pending = np.fromiter((n for n, _ in invalid), dtype=np.int64, count=len(invalid))
        candidates = np.arange(cursor, cursor + k + len(pending), dtype=np.int64)
        rows = candidates[~np.isin(candidates, pending)][:k]
        end = int(rows[-1]) + 1 if k else cursor
        ragged = []
        while invalid and invalid[0][0] < end:
            ragged.append(invalid.popleft())
        columns = [batch.column(i) for i in range(len(names))]
        if first_break is None and k and _any_line_break(columns):
            breaks = np.logical_or.reduce([as_bools(pc.match_substring(c, ch))
                                           for c in columns for ch in ("\n", "\r")])
            first_break = int(rows[breaks][0]) if breaks.any() else None
        if first_break is not None and any(number > first_break for number, _ in ragged):
            raise NotCovered("a row with too few or too many cells after a cell with a line break")
        yield _with_ragged(columns, rows, ragged, fmt.delimiter, len(names))
        cursor = end
    if invalid:
        if first_break is not None:
            raise NotCovered("a row with too few or too many cells after a cell with a line break")
        empty = [text_array([]) for _ in names]
        yield _with_ragged(empty, np.array([], np.int64), list(invalid), fmt.delimiter, len(names))

def _with_ragged(columns, rows, ragged, delimiter, n):
    ncells = np.full(len(rows), n, dtype=np.int64)
    extra: dict[int, list[str]] = {}
    if ragged:
        parsed = [next(csv.reader([text], delimiter=delimiter), []) for _, text in ragged]
        numbers = np.array([number for number, _ in ragged], dtype=np.int64)
        columns = [pa.concat_arrays([col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col,
                                     text_array([(cells[i] if i < len(cells) else "") for cells in parsed])])
                   for i, col in enumerate(columns)]
        rows = np.concatenate([rows, numbers])
        ncells = np.concatenate([ncells, [len(cells) for cells in parsed]])
        order = np.argsort(rows, kind="stable")
        columns = [col.take(index_array(order)) for col in columns]
        rows, ncells = rows[order], ncells[order]
        extra = {int(number): cells[n:] for number, cells in zip(numbers, parsed) if len(cells) > n}
    return columns, rows, ncells, extra


def prefetch(blocks, depth: int = 2):
    """Read the next block in a thread while this one is checked (pyarrow parses and computes
    without the GIL); at most ``depth`` blocks wait, so memory stays bounded."""
    import queue
    import threading

    done = object()
    q: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def produce():
        try:
            for block in blocks:
                while not stop.is_set():
                    try:
                        q.put(block, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            q.put(done)
        except BaseException as exc:  # handed to the consumer, raised there
            q.put(exc)

    thread = threading.Thread(target=produce, name="odaudit-csv-reader", daemon=True)
    thread.start()
    try:
        while (item := q.get()) is not done:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()


def _any_line_break(columns) -> bool:
    """A quick look at the raw string bytes of a block (a superset of its cells)."""
    for column in columns:
        for chunk in (column.chunks if isinstance(column, pa.ChunkedArray) else [column]):
            data = chunk.buffers()[2]
            if data is not None and len(data):
                raw = np.frombuffer(data, dtype=np.uint8)
                if (raw == 10).any() or (raw == 13).any():
                    return True
    return False
