"""Offline mode: packages from a saved API response instead of the live portal.

Accepted: a ``package_search`` response (``{"success", "result": {"count", "results"}}``),
its bare result (``{"count", "results"}``), a ``package_show`` response, or a plain list of
packages. A search answer also says how many packages the portal has (``count``): a saved
first page holds fewer, and the snapshot is then partial (:attr:`Snapshot.partial`)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..files import FileRefused, read_bytes_bounded


class SnapshotFileError(Exception):
    """The saved response cannot be read; the message says why."""


@dataclass(frozen=True)
class Snapshot:
    packages: list[dict]
    declared: int | None = None      # the search answer's ``count``, when it gave one

    @property
    def partial(self) -> bool:
        """The portal said it has more packages than the file holds."""
        return self.declared is not None and self.declared > len(self.packages)


def load_packages(path: Path) -> list[dict]:
    return load_snapshot(path).packages


def load_snapshot(path: Path) -> Snapshot:
    path = Path(path)
    try:
        data = json.loads(read_bytes_bounded(path).decode("utf-8-sig"))
    except FileRefused as exc:                   # missing, not a regular file, too large
        raise SnapshotFileError(str(exc)) from None
    except FileNotFoundError:
        raise SnapshotFileError(f"{path}: no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SnapshotFileError(f"{path}: not a JSON file ({exc})") from None
    except RecursionError:
        raise SnapshotFileError(f"{path}: nested too deeply to be a portal response") from None
    found = _packages(data)
    if found is None:
        raise SnapshotFileError(f"{path}: expected a package_search response, its result, a package_show "
                                "response or a list of packages")
    packages, declared = found
    return Snapshot([p for p in packages if isinstance(p, dict)], declared)


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
