"""Offline mode: packages from a saved API response instead of the live portal.

Accepted: a ``package_search`` response (``{"success", "result": {"count", "results"}}``),
its bare result (``{"count", "results"}``), a ``package_show`` response, or a plain list of
packages."""
from __future__ import annotations

import json
from pathlib import Path


class SnapshotFileError(Exception):
    """The saved response cannot be read; the message says why."""


def load_packages(path: Path) -> list[dict]:
    path = Path(path)
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        raise SnapshotFileError(f"{path}: no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SnapshotFileError(f"{path}: not a JSON file ({exc})") from None
    packages = _packages(data)
    if packages is None:
        raise SnapshotFileError(f"{path}: expected a package_search response, its result, a package_show "
                                "response or a list of packages")
    return [p for p in packages if isinstance(p, dict)]


def _packages(data):
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        return None
    if "result" in data:
        if data.get("success") is False:
            return None
        return _packages(data["result"])
    if isinstance(data.get("results"), list):
        return data["results"]
    if "id" in data and "resources" in data:
        return [data]
    return None
