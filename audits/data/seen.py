"""Which keys were seen before, in bounded memory: 64-bit hashes with the row of their first
occurrence (12 bytes a key; a Python dict costs ~100), split into 16 buckets by the hash's top
bits, each kept as sorted numpy levels merged like a binary counter (so a merge never copies
more than a bucket). Two different values sharing a 64-bit hash are a ~1e-9 risk per million
keys; such a pair would be reported as a duplicate."""
from __future__ import annotations

import numpy as np
import pandas as pd

BUCKET_BITS = 4


class SeenKeys:
    def __init__(self) -> None:
        self.buckets: list[list[tuple[np.ndarray, np.ndarray]]] = [[] for _ in range(1 << BUCKET_BITS)]

    def check(self, hashes: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """For each key (in row order) the row where it was first seen, or 0 if it is new."""
        hashes = np.asarray(hashes, dtype=np.uint64)
        series = pd.Series(hashes)
        repeated = series.duplicated().to_numpy()
        previous = np.zeros(len(hashes), dtype=np.int64)
        if repeated.any():                       # rare: the row of each repeat's first occurrence in the block
            firsts = series.drop_duplicates()
            where = pd.Index(firsts.to_numpy()).get_indexer(hashes[repeated])
            previous[repeated] = rows[firsts.index.to_numpy()[where]]
        bucket_of = (hashes >> np.uint64(64 - BUCKET_BITS)).astype(np.int64)
        order = np.lexsort((hashes, bucket_of))  # by bucket, then hash: searchsorted walks memory in order
        bounds = np.searchsorted(bucket_of[order], np.arange(len(self.buckets) + 1))
        for b, levels in enumerate(self.buckets):
            part = order[bounds[b]:bounds[b + 1]]
            if not len(part):
                continue
            queries = hashes[part]
            for level_hashes, level_rows in levels:
                idx = np.searchsorted(level_hashes, queries)
                idx[idx == len(level_hashes)] = 0
                found = level_hashes[idx] == queries
                previous[part[found]] = level_rows[idx[found]]
        new = previous == 0
        for b in np.unique(bucket_of[new]):
            chosen = new & (bucket_of == b)
            self._add(self.buckets[b], hashes[chosen], rows[chosen].astype(np.uint32))
        return previous

    @staticmethod
    def _add(levels, hashes: np.ndarray, rows: np.ndarray) -> None:
        order = np.argsort(hashes, kind="stable")
        levels.append((hashes[order], rows[order]))
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
    return pd.util.hash_array(np.asarray(values, dtype="float64"))


def combine(hashes: list[np.ndarray]) -> np.ndarray:
    out = hashes[0].copy()
    for h in hashes[1:]:
        out = out * np.uint64(1000003) ^ h
    return out
