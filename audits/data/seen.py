"""Which keys were seen before, in bounded memory: 64-bit hashes with the row of their first
occurrence, kept as sorted numpy levels merged like a binary counter (12 bytes a key; a
Python dict costs ~100). Two different values sharing a 64-bit hash are a ~1e-9 risk per
million keys; the report of such a pair would name a duplicate that is not one."""
from __future__ import annotations

import numpy as np
import pandas as pd


class SeenKeys:
    def __init__(self) -> None:
        self.levels: list[tuple[np.ndarray, np.ndarray]] = []

    def check(self, hashes: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """For each key (in row order) the row where it was first seen, or 0 if it is new."""
        series = pd.Series(hashes)
        repeated = series.duplicated().to_numpy()
        previous = np.zeros(len(hashes), dtype=np.int64)
        if repeated.any():                       # rare: the row of each repeat's first occurrence in the block
            firsts = series.drop_duplicates()
            where = pd.Index(firsts.to_numpy()).get_indexer(hashes[repeated])
            previous[repeated] = rows[firsts.index.to_numpy()[where]]
        order = np.argsort(hashes)
        queries = hashes[order]                  # sorted queries: searchsorted walks memory in order
        for level_hashes, level_rows in self.levels:
            idx = np.searchsorted(level_hashes, queries)
            idx[idx == len(level_hashes)] = 0
            found = level_hashes[idx] == queries
            hit = order[found]
            previous[hit] = level_rows[idx[found]].astype(np.int64)
        new = (previous == 0)
        self._add(hashes[new], rows[new].astype(np.uint32))
        return previous

    def _add(self, hashes: np.ndarray, rows: np.ndarray) -> None:
        if not len(hashes):
            return
        order = np.argsort(hashes, kind="stable")
        self.levels.append((hashes[order], rows[order]))
        while len(self.levels) > 1 and len(self.levels[-1][0]) >= len(self.levels[-2][0]):
            (h2, r2), (h1, r1) = self.levels.pop(), self.levels.pop()
            h, r = np.concatenate([h1, h2]), np.concatenate([r1, r2])
            order = np.argsort(h, kind="stable")
            self.levels.append((h[order], r[order]))

    @property
    def nbytes(self) -> int:
        return sum(h.nbytes + r.nbytes for h, r in self.levels)


def hash_strings(values) -> np.ndarray:
    return pd.util.hash_array(np.asarray(values, dtype=object), categorize=False)


def hash_numbers(values: np.ndarray) -> np.ndarray:
    return pd.util.hash_array(np.asarray(values, dtype="float64"))


def combine(hashes: list[np.ndarray]) -> np.ndarray:
    out = hashes[0].copy()
    for h in hashes[1:]:
        out = out * np.uint64(1000003) ^ h
    return out
