"""Which keys were seen before, in bounded memory: 64-bit hashes with the row of their first
occurrence (12 bytes a key; a Python dict costs ~100), split into 16 buckets by the hash's top
bits, each kept as sorted numpy levels merged like a binary counter (so a merge never copies
more than a bucket), and a fixed 8 MB bit filter of the hashes kept, so that most new keys are
told new without a search. Two different values sharing a 64-bit hash are a ~1e-9 risk per
million keys; such a pair would be reported as a duplicate."""
from __future__ import annotations

import numpy as np

BUCKET_BITS = 4
FILTER_BITS = 26        # a 2**26-bit (8 MB) filter of the hashes seen: most new keys are told new by one bit


class SeenKeys:
    def __init__(self) -> None:
        self.buckets: list[list[tuple[np.ndarray, np.ndarray]]] = [[] for _ in range(1 << BUCKET_BITS)]
        self.filter: np.ndarray | None = None          # made with the first key

    def check(self, hashes: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """For each key (in row order) the row where it was first seen, or 0 if it is new."""
        hashes = np.asarray(hashes, dtype=np.uint64)
        previous = np.zeros(len(hashes), dtype=np.int64)
        if not len(hashes):
            return previous
        order = np.argsort(hashes, kind="stable")   # one sort: by hash (hence by bucket), then by row
        ordered = hashes[order]
        head = np.ones(len(ordered), bool)          # the first of each run of equal hashes: its first row
        head[1:] = ordered[1:] != ordered[:-1]
        run_start = order[np.flatnonzero(head)][np.cumsum(head) - 1]
        repeat = ~head
        previous[order[repeat]] = rows[run_start[repeat]]
        keys, key_pos = ordered[head], order[head]       # the block's distinct keys, sorted
        if self.filter is None:
            self.filter = np.zeros(1 << (FILTER_BITS - 3), np.uint8)
        slot = keys >> np.uint64(64 - FILTER_BITS)
        bit = np.left_shift(np.uint8(1), (slot & np.uint64(7)).astype(np.uint8))
        byte = (slot >> np.uint64(3)).astype(np.int64)
        maybe = (self.filter[byte] & bit) != 0           # clear bit: certainly new
        first_seen = np.zeros(len(keys), dtype=np.int64)
        if maybe.any():
            self._probe(keys, maybe, first_seen)
        if first_seen.any():                              # seen in an earlier block: every occurrence
            runs = np.repeat(first_seen, np.diff(np.append(np.flatnonzero(head), len(ordered))))
            seen_before = runs != 0
            previous[order[seen_before]] = runs[seen_before]
        fresh = first_seen == 0
        self._mark(byte[fresh], bit[fresh])
        self._add_fresh(keys[fresh], rows[key_pos[fresh]].astype(np.uint32))
        return previous

    def _mark(self, byte: np.ndarray, bit: np.ndarray) -> None:
        """Set the filter's bits; ``byte`` is sorted (the keys are), so equal bytes are adjacent."""
        if not len(byte):
            return
        starts = np.flatnonzero(np.append(True, byte[1:] != byte[:-1]))
        self.filter[byte[starts]] |= np.bitwise_or.reduceat(bit, starts)

    def _probe(self, keys: np.ndarray, maybe: np.ndarray, first_seen: np.ndarray) -> None:
        """The first row of each ``maybe`` key already kept (0 where none)."""
        idx = np.flatnonzero(maybe)
        queries = keys[idx]
        edges = np.arange(len(self.buckets) + 1, dtype=np.uint64) << np.uint64(64 - BUCKET_BITS)
        bounds = np.searchsorted(queries, edges[:-1]).tolist() + [len(queries)]
        for b, levels in enumerate(self.buckets):
            lo, hi = bounds[b], bounds[b + 1]
            if lo == hi:
                continue
            part = queries[lo:hi]
            for level_hashes, level_rows in levels:
                at = np.searchsorted(level_hashes, part)
                at[at == len(level_hashes)] = 0
                hit = level_hashes[at] == part
                first_seen[idx[lo:hi][hit]] = level_rows[at[hit]]

    def _add_fresh(self, keys: np.ndarray, rows: np.ndarray) -> None:
        """New keys (sorted, distinct) join their buckets."""
        edges = np.arange(len(self.buckets) + 1, dtype=np.uint64) << np.uint64(64 - BUCKET_BITS)
        bounds = np.searchsorted(keys, edges[:-1]).tolist() + [len(keys)]
        for b, levels in enumerate(self.buckets):
            lo, hi = bounds[b], bounds[b + 1]
            if lo < hi:
                self._add(levels, keys[lo:hi], rows[lo:hi])

    @staticmethod
    def _add(levels, hashes: np.ndarray, rows: np.ndarray) -> None:
        """``hashes`` sorted, no repeats."""
        levels.append((hashes, rows))
        while len(levels) > 1 and len(levels[-1][0]) >= len(levels[-2][0]):
            (h2, r2), (h1, r1) = levels.pop(), levels.pop()
            levels.append(_merge(h1, r1, h2, r2))

    @property
    def nbytes(self) -> int:
        return sum(h.nbytes + r.nbytes for levels in self.buckets for h, r in levels)


def _merge(h1, r1, h2, r2):
    """Two sorted levels into one: a stable sort of the two runs side by side, which numpy's
    timsort merges in one linear pass."""
    h = np.concatenate([h1, h2])
    order = np.argsort(h, kind="stable")
    return h[order], np.concatenate([r1, r2])[order]


def hash_strings(values) -> np.ndarray:
    """Python's own string hash (SipHash, 64 bits): the hashes live only inside one process,
    so its per-process salt does no harm, and it is ~4× faster than pandas' hash_array here."""
    return np.fromiter(map(hash, values), dtype=np.int64, count=len(values)).view(np.uint64)


def hash_text_column(column) -> np.ndarray:
    """:func:`hash_strings` of an Arrow string column, read as bytes (no decoding: ~20 % faster)."""
    import pyarrow as pa

    return hash_strings(column.cast(pa.binary()).to_pylist())   # to_numpy would import pandas (audits/data/arrow.py)


def hash_numbers(values: np.ndarray) -> np.ndarray:
    """A 64-bit mix (splitmix64) of each float's bits; 0.0 and -0.0 are one key, as in frictionless."""
    x = (np.asarray(values, dtype="float64") + 0.0).view(np.uint64).copy()
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


def combine(hashes: list[np.ndarray]) -> np.ndarray:
    out = hashes[0].copy()
    for h in hashes[1:]:
        out = out * np.uint64(1000003) ^ h
    return out
