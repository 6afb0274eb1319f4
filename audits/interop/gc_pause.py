"""Long exports and link checks of a whole-portal snapshot allocate millions of small objects
while the snapshot and its scores (hundreds of MB) stay alive: each full garbage collection then
walks them all again. Measured on 10,000 packages (N-Triples with DQV): 268 packages/s plain,
517 with the objects that exist before the export frozen out of the collector's reach."""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def frozen_heap():
    """Objects alive now are left out of garbage collection until the block ends (they stay
    alive anyway); objects made inside the block are collected as usual."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
