"""One object for equal small values. A campaign of 120,000 items scores each with the same
few indicator results, timeliness states and score components: keeping one frozen object per
distinct value, instead of one per item, is what lets the scores of a large campaign fit in
memory. The table is bounded; past its size a value is simply not shared."""
from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")
LIMIT = 200_000           # distinct values kept; values are small frozen dataclasses
_TABLE: dict = {}


def interned(value: T) -> T:
    """``value`` or an equal object seen before (``value`` must be hashable and immutable)."""
    try:
        found = _TABLE.get(value)
    except TypeError:        # an unhashable field (say, a list in a note): not shared
        return value
    if found is not None:
        return found
    if len(_TABLE) < LIMIT:
        _TABLE[value] = value
    return value
