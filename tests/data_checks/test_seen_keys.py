"""The bounded-memory record of seen keys: first occurrences across blocks and within one."""
from __future__ import annotations

import numpy as np

from audits.data.seen import SeenKeys, hash_strings


def test_repeats_name_the_row_of_the_first_occurrence():
    seen = SeenKeys()
    values = [f"id-{i % 700}" for i in range(2000)]          # every value again after 700 rows
    previous = []
    for start in range(0, 2000, 300):                         # blocks of 300 rows
        block = values[start:start + 300]
        rows = np.arange(start + 2, start + 2 + len(block))
        previous.extend(seen.check(hash_strings(block), rows).tolist())
    expected = [0 if i < 700 else (i % 700) + 2 for i in range(2000)]
    assert previous == expected
    assert seen.nbytes == 700 * 12
