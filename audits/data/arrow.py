"""Arrow arrays to and from numpy without pyarrow's pandas bridge.

``Array.to_numpy``, ``pa.array`` and ``pa.scalar`` import pandas the first time a process calls
them (pyarrow asks pandas about its missing-value objects): 0.2–0.3 s of a ``data validate``
whose file has two rows. The fast path reads and makes its arrays from their buffers instead,
so pandas is imported only where something uses pandas."""
from __future__ import annotations

import numpy as np
import pyarrow as pa


def text_array(values: list[str]) -> pa.Array:
    """A string array of ``values``."""
    encoded = [v.encode("utf-8") for v in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int32)
    if encoded:
        np.cumsum([len(b) for b in encoded], out=offsets[1:])
    return pa.Array.from_buffers(pa.string(), len(encoded), [None, pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))])


def mask_array(mask: np.ndarray) -> pa.Array:
    """A boolean array (no nulls) of a numpy mask."""
    mask = np.asarray(mask, dtype=bool)
    return pa.Array.from_buffers(pa.bool_(), len(mask), [None, pa.py_buffer(np.packbits(mask, bitorder="little"))])


def index_array(indices: np.ndarray) -> pa.Array:
    """An int64 array of numpy indices (for ``take``)."""
    indices = np.ascontiguousarray(indices, dtype=np.int64)
    return pa.Array.from_buffers(pa.int64(), len(indices), [None, pa.py_buffer(indices)])


def _array(values) -> pa.Array:
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def _bits(buffer, offset: int, n: int) -> np.ndarray:
    raw = np.frombuffer(buffer, dtype=np.uint8)
    return np.unpackbits(raw, bitorder="little", count=offset + n)[offset:].astype(bool)


def _valid(values: pa.Array) -> np.ndarray | None:
    """Which entries are not null (None when none is)."""
    if values.null_count == 0:
        return None
    return _bits(values.buffers()[0], values.offset, len(values))


def as_bools(values) -> np.ndarray:
    """A boolean array as numpy; a null is False."""
    values = _array(values)
    out = _bits(values.buffers()[1], values.offset, len(values)) if len(values) else np.zeros(0, bool)
    valid = _valid(values)
    return out if valid is None else out & valid


def as_floats(values) -> np.ndarray:
    """A numeric array as float64; a null is NaN (what ``to_numpy(zero_copy_only=False)`` gives)."""
    values = _array(values)
    out = _numbers(values).astype(np.float64)
    valid = _valid(values)
    if valid is not None:
        out[~valid] = np.nan
    return out


def as_ints(values) -> np.ndarray:
    """An integer array without nulls as numpy (a view of its buffer)."""
    values = _array(values)
    if values.null_count:
        raise ValueError("as_ints: the array has nulls")
    return _numbers(values)


def _numbers(values: pa.Array) -> np.ndarray:
    """The value buffer of a fixed-width numeric array, as numpy (nulls not looked at)."""
    dtype = np.dtype(values.type.to_pandas_dtype())     # a numpy dtype; pandas is not imported
    if not len(values):
        return np.zeros(0, dtype)
    return np.frombuffer(values.buffers()[1], dtype=dtype, count=len(values), offset=values.offset * dtype.itemsize)
