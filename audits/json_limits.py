"""JSON from users (portal snapshots) parsed with limits: a size limit on the bytes, a depth limit
checked by a flat scan before the parser runs (no recursion, so 100,000 nested ``[`` is one
refusal, not a RecursionError), and a helper that finds text Python can hold but UTF-8 cannot
(a lone surrogate escape such as ``"\\ud800"``). The limits are settings
(``json_max_mb``, ``json_max_depth``); the package count is the snapshot reader's
(``snapshot_max_packages``)."""
from __future__ import annotations

import json
import re
from itertools import accumulate

from . import settings


class JsonLimitError(ValueError):
    """The bytes are not JSON we accept; the message says why, in one line."""


_STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_BRACKETS = bytes(range(256)).translate(None, b"[]{}")     # every byte except the four brackets
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")


def max_depth(data: bytes) -> int:
    """The deepest bracket nesting of ``data``, brackets inside strings ignored; flat and fast."""
    brackets = _STRING.sub(b"", data).translate(None, _BRACKETS)
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def loads(data: bytes, *, max_mb: float | None = None, depth: int | None = None):
    """The JSON value of ``data`` (UTF-8, a BOM allowed), refused with :class:`JsonLimitError` when
    larger than ``max_mb`` MB, nested deeper than ``depth``, or not JSON."""
    max_mb = settings.get("json_max_mb") if max_mb is None else max_mb
    depth = settings.get("json_max_depth") if depth is None else depth
    if len(data) > max_mb * 1_000_000:
        raise JsonLimitError(f"too large ({len(data):,} bytes, at most {max_mb:g} MB: setting json_max_mb)")
    found = max_depth(data)
    if found > depth:
        raise JsonLimitError(f"nested {found} levels deep (at most {depth}: setting json_max_depth)")
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise JsonLimitError(f"not a JSON file (not UTF-8 text at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise JsonLimitError(f"not a JSON file ({exc})") from None
    except RecursionError:        # the scan above keeps this from happening; kept as a last guard
        raise JsonLimitError("nested too deeply") from None


def may_hold_surrogates(data: bytes) -> bool:
    """Whether any ``\\uD800``–``\\uDFFF`` escape appears (valid pairs too): without one, no text
    parsed from ``data`` can fail to encode, and no per-value check is needed."""
    return _SURROGATE.search(data) is not None


def encodable(value) -> bool:
    """Whether every text in ``value`` (a parsed JSON value) encodes as UTF-8."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, RecursionError):
        return False
    return True
