"""The vectorised tests of one column of text: which cells are certainly of the field's type
and certainly within its constraints. They only clear cells; every cell they do not clear is
read by frictionless's own cell reader (audits/data/fast.py), so a test here may be stricter
than frictionless, never more lenient."""
from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .arrow import as_bools, as_floats, as_ints, mask_array, text_array

INTEGER_RE = r"^[ \t]*[+-]?[0-9]{1,18}[ \t]*$"
NUMBER_RE = r"^[ \t]*[+-]?([0-9]{1,15}(\.[0-9]{0,15})?|\.[0-9]{1,15})([eE][+-]?[0-9]{1,3})?[ \t]*$"
YEAR_RE = r"^[0-9]{4}$"


def byte_lengths(column) -> np.ndarray:
    """Byte length of every cell, straight from the offsets buffer (no kernel, no copy)."""
    chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    parts = []
    for chunk in chunks:
        offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int32)[chunk.offset:chunk.offset + len(chunk) + 1]
        parts.append(np.diff(offsets))
    return np.concatenate(parts) if parts else np.zeros(0, np.int32)


def type_ok(check, column):
    """(cells certainly of the right type, their numeric values or None)."""
    n = len(column)
    if check.type == "string":
        return np.ones(n, bool), None
    if check.type == "boolean":
        d = check.descriptor
        allowed = list(d.get("trueValues", ["true", "True", "TRUE", "1"])) + list(d.get("falseValues", ["false", "False", "FALSE", "0"]))
        ok = as_bools(pc.is_in(column, value_set=text_array(allowed)))
        trues = text_array([str(v) for v in d.get("trueValues", ["true", "True", "TRUE", "1"])])
        return ok, np.where(as_bools(pc.is_in(column, value_set=trues)), 1.0, 0.0)
    if check.type == "date":
        return _dates_ok(check, column)
    regex = {"integer": INTEGER_RE, "number": NUMBER_RE, "year": YEAR_RE}[check.type]
    ok = as_bools(pc.match_substring_regex(column, regex))
    numeric = np.zeros(len(column))
    numeric[ok] = as_floats(pc.cast(pc.utf8_trim_whitespace(column.filter(mask_array(ok))), pa.float64()))
    return ok, numeric


def _dates_ok(check, column):
    fmt = check.descriptor.get("format", "default")
    fmt = "%Y-%m-%d" if fmt == "default" else fmt
    parsed = pc.strptime(column, format=fmt, unit="s", error_is_null=True)
    back = pc.strftime(parsed, format=fmt)
    # A date that does not print back as written (2023-02-30 → 03-02, 1.6.2020) is left to frictionless.
    ok = as_bools(pc.equal(back, column))
    days = as_floats(pc.cast(pc.cast(parsed, pa.date32()), pa.int32()))
    return ok, np.nan_to_num(np.asarray(days, dtype="float64"), nan=0.0)


def constraint_suspects(check, column, numeric) -> np.ndarray:
    n = len(column)
    bad = np.zeros(n, bool)
    cons = check.constraints
    for name in ("minimum", "maximum"):
        if name in cons and numeric is not None:
            limit = as_float(check.value_reader(cons[name]) if isinstance(cons[name], str) else cons[name])
            bad |= (numeric < limit) if name == "minimum" else (numeric > limit)
            if check.type == "number":
                # a decimal of more than 15 digits may round onto the limit: frictionless decides
                bad |= (numeric == limit) & (as_ints(pc.utf8_length(column)) > 15)
    if "minLength" in cons or "maxLength" in cons:
        size = byte_lengths(column)            # characters ≤ bytes: count characters only where it matters
        near = np.zeros(n, bool)
        if "minLength" in cons:
            near |= size < cons["minLength"] * 4
        if "maxLength" in cons:
            near |= size > cons["maxLength"]
        if near.any():
            length = as_ints(pc.utf8_length(column))
            if "minLength" in cons:
                bad |= length < cons["minLength"]
            if "maxLength" in cons:
                bad |= length > cons["maxLength"]
    if "pattern" in cons:
        try:
            bad |= ~as_bools(pc.match_substring_regex(column, f"^(?:{cons['pattern']})$"))
        except pa.ArrowInvalid:              # a Python-only regex: frictionless reads every cell
            bad[:] = True
    if "enum" in cons:
        allowed = [str(v) for v in check.descriptor.get("constraints", {}).get("enum", [])]
        bad |= ~as_bools(pc.is_in(column, value_set=text_array(allowed)))
    return bad


def as_float(value) -> float:
    from datetime import date
    if isinstance(value, date):
        return float((value - date(1970, 1, 1)).days)
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    return float(value)
