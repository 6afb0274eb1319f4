"""Offline mode: packages from a saved API response instead of the live portal.

Accepted: a ``package_search`` response (``{"success", "result": {"count", "results"}}``),
its bare result (``{"count", "results"}``), a ``package_show`` response, or a plain list of
packages. A search answer also says how many packages the portal has (``count``): a saved
first page holds fewer, and the snapshot is then partial (:attr:`Snapshot.partial`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import settings
from ..files import FileRefused, read_bytes_bounded
from ..json_limits import JsonLimitError, encodable, loads, may_hold_surrogates


class SnapshotFileError(Exception):
    """The saved response cannot be read; the message says why."""


@dataclass(frozen=True)
class Snapshot:
    packages: list[dict]
    declared: int | None = None      # the search answer's ``count``, when it gave one
    unreadable: tuple[str, ...] = field(default=())   # ids (else titles) of packages skipped: text not UTF-8

    @property
    def partial(self) -> bool:
        """The portal said it has more packages than the file holds."""
        return self.declared is not None and self.declared > len(self.packages)


def load_packages(path: Path) -> list[dict]:
    return load_snapshot(path).packages


def load_snapshot(path: Path) -> Snapshot:
    """The packages of a saved portal answer, parsed with limits (json_limits: size, depth) and a
    package-count limit (setting ``snapshot_max_packages``); a package holding text that is not
    UTF-8 (a lone surrogate escape) is left out and named in :attr:`Snapshot.unreadable`."""
    path = Path(path)
    try:
        raw = read_bytes_bounded(path, int(settings.get("json_max_mb") * 1_000_000))
    except FileRefused as exc:                   # missing, not a regular file, too large
        if exc.reason == "too-large":
            raise SnapshotFileError(f"{path}: too large for a portal snapshot (more than "
                                    f"{settings.get('json_max_mb'):g} MB: setting json_max_mb)") from None
        raise SnapshotFileError(str(exc)) from None
    except FileNotFoundError:
        raise SnapshotFileError(f"{path}: no such file") from None
    except OSError as exc:
        raise SnapshotFileError(f"{path}: cannot be read ({type(exc).__name__}: {exc})") from None
    return parse_snapshot(raw, str(path))


def parse_snapshot(raw: bytes, name: str) -> Snapshot:
    """:func:`load_snapshot` on bytes already read (``name`` names them in a refusal)."""
    try:
        data = loads(raw)
    except JsonLimitError as exc:
        raise SnapshotFileError(f"{name}: {exc}") from None
    found = _packages(data)
    if found is None:
        raise SnapshotFileError(f"{name}: expected a package_search response, its result, a package_show "
                                "response or a list of packages")
    packages, declared = found
    limit = settings.get("snapshot_max_packages")
    if len(packages) > limit:
        raise SnapshotFileError(f"{name}: {len(packages):,} packages, more than a portal snapshot holds "
                                f"(at most {limit:,}: setting snapshot_max_packages)")
    stray = next((i for i, p in enumerate(packages) if not isinstance(p, dict)), None)
    if stray is not None:
        raise SnapshotFileError(f"{name}: package {stray + 1} is {type(packages[stray]).__name__} "
                                f"{_clip(packages[stray])}, not a package (a JSON object)")
    if not may_hold_surrogates(raw):
        return Snapshot(packages, declared)
    readable = [encodable(p) for p in packages]
    return Snapshot([p for p, ok in zip(packages, readable) if ok], declared,
                    tuple(_label(p) for p, ok in zip(packages, readable) if not ok))


def _clip(value) -> str:
    text = repr(value).encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= 40 else text[:39] + "…"


def _label(package: dict) -> str:
    """A package's id, else name, made printable (its own text may be what cannot be encoded)."""
    value = package.get("id") or package.get("name") or "?"
    return str(value).encode("utf-8", "backslashreplace").decode("utf-8")[:100]


def _packages(data, depth: int = 0) -> tuple[list, int | None] | None:
    """``depth``: how many ``result`` wrappers were opened (a real answer has one)."""
    if isinstance(data, list):
        return data, None
    if not isinstance(data, dict):
        return None
    if "result" in data:
        if data.get("success") is False or depth >= 2:
            return None
        return _packages(data["result"], depth + 1)
    if isinstance(data.get("results"), list):
        return data["results"], _count(data.get("count"))
    if "id" in data and "resources" in data:
        return [data], None
    return None


def _count(value) -> int | None:
    """The declared total: a non-negative whole number, else unknown (not trusted)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value
