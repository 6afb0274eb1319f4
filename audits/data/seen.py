"""Which keys were seen before, in bounded memory: 64-bit hashes with the row of their first
occurrence (12 bytes a key; a Python dict costs ~100), split into 16 buckets by the hash's top
bits, each kept as sorted numpy levels merged like a binary counter (so a merge never copies
more than a bucket). Two different values sharing a 64-bit hash are a ~1e-9 risk per million
keys; such a pair would be reported as a duplicate."""
from __future__ import annotations

import numpy as np

BUCKET_BITS = 4


class SeenKeys:
    def __init__(self) -> None:
        self.buckets: list[list[tuple[np.ndarray, np.ndarray]]] = [[] for _ in range(1 << BUCKET_BITS)]

    def check(self, hashes: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """For each key (in row order) the row where it was first seen, or 0 if it is new."""
        hashes = np.asarray(hashes, dtype=np.uint64)
        previous = np.zeros(len(hashes), dtype=np.int64)
        _, first, inverse = np.unique(hashes, return_index=True, return_inverse=True)
        firsts = first[inverse]                  # the position of each key's first occurrence in the block
        repeated = firsts != np.arange(len(hashes))
        previous[repeated] = rows[firsts[repeated]]
        order = np.argsort(hashes)               # by hash, hence by bucket (the top bits): ordered probes
        ordered = hashes[order]
        edges = np.arange(len(self.buckets) + 1, dtype=np.uint64) << np.uint64(64 - BUCKET_BITS)
        bounds = np.searchsorted(ordered, edges[:-1]).tolist() + [len(ordered)]
        for b, levels in enumerate(self.buckets):
            lo, hi = bounds[b], bounds[b + 1]
            if lo == hi:
                continue
            queries, part = ordered[lo:hi], order[lo:hi]
            for level_hashes, level_rows in levels:
                idx = np.searchsorted(level_hashes, queries)
                idx[idx == len(level_hashes)] = 0
                found = level_hashes[idx] == queries
                previous[part[found]] = level_rows[idx[found]]
        for b, levels in enumerate(self.buckets):   # first occurrences join their bucket, already in order
            lo, hi = bounds[b], bounds[b + 1]
            part = order[lo:hi]
            fresh = part[previous[part] == 0]
            if len(fresh):
                self._add(levels, hashes[fresh], rows[fresh].astype(np.uint32))
        return previous

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
    """Two sorted levels into one, without sorting again."""
    at = np.searchsorted(h1, h2, side="right") + np.arange(len(h2))
    h = np.empty(len(h1) + len(h2), dtype=h1.dtype)
    r = np.empty(len(h), dtype=r1.dtype)
    rest = np.ones(len(h), dtype=bool)
    rest[at] = False
    h[at], r[at] = h2, r2
    h[rest], r[rest] = h1, r1
    return h, r


def hash_strings(values) -> np.ndarray:
    """Python's own string hash (SipHash, 64 bits): the hashes live only inside one process,
    so its per-process salt does no harm, and it is ~4× faster than pandas' hash_array here."""
    return np.fromiter(map(hash, values), dtype=np.int64, count=len(values)).view(np.uint64)


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
