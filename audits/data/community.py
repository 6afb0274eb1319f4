"""The community whose data files are checked: its name and bounding box (coordinates outside
it are warnings). It comes from the campaign (``campaign.yaml``: ``community: {name, bbox}``)
or from ``--community`` (``"lat_min,lat_max,lon_min,lon_max"``, or a YAML file holding
``community: {name, bbox}`` or ``{name, bbox}``). Without one, coordinates are checked only
against Ukraine's box, and the findings say so."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from ..config_files import ConfigFileError
from ..files import read_text_bounded

KEYS = ("lat_min", "lat_max", "lon_min", "lon_max")
UKRAINE_BOX = {"lat_min": 44.0, "lat_max": 53.0, "lon_min": 22.0, "lon_max": 41.0}
NUMBERS = re.compile(r"^\s*[-+]?\d+(?:\.\d+)?(?:\s*,\s*[-+]?\d+(?:\.\d+)?){3}\s*$")
MAX_FILE = 64 * 1024          # a community file is a few lines


class CommunityError(ConfigFileError):
    """A community that cannot be read or whose box is not a box (the CLI: exit 2)."""


@dataclass(frozen=True)
class Community:
    name: str | None           # None: no community given, Ukraine's box
    bbox: dict

    @property
    def where(self) -> str:
        """Ukrainian: where the coordinates are expected (used in the expectation's meaning)."""
        if self.name is None:
            return "в межах України (громаду не задано: --community або community у campaign.yaml)"
        return f"в межах громади «{self.name}»"


UKRAINE = Community(None, UKRAINE_BOX)


def community_of(raw, where: str = "community") -> Community:
    """``{name, bbox: {lat_min, lat_max, lon_min, lon_max}}`` (a YAML mapping) → Community."""
    if not isinstance(raw, dict) or not isinstance(raw.get("bbox"), dict) or set(raw) - {"name", "bbox"}:
        raise CommunityError(f"{where}: expected {{name: ..., bbox: {{{', '.join(KEYS)}}}}}")
    name = str(raw.get("name") or "").strip()[:200] or "громада"
    return Community(name, _box(raw["bbox"], where))


def _box(raw: dict, where: str) -> dict:
    if set(raw) != set(KEYS):
        raise CommunityError(f"{where}: bbox takes exactly {', '.join(KEYS)} (got {sorted(map(str, raw))})")
    try:
        box = {k: float(raw[k]) for k in KEYS}
    except (TypeError, ValueError):
        raise CommunityError(f"{where}: bbox values must be numbers (got {raw!r})") from None
    if not all(math.isfinite(v) for v in box.values()):
        raise CommunityError(f"{where}: bbox values must be finite numbers")
    if not (-90 <= box["lat_min"] < box["lat_max"] <= 90 and -180 <= box["lon_min"] < box["lon_max"] <= 180):
        raise CommunityError(f"{where}: bbox needs lat_min < lat_max within ±90 and lon_min < lon_max "
                             f"within ±180 (got {box})")
    return box


def parse_community(text: str) -> Community:
    """``--community``: four numbers ``lat_min,lat_max,lon_min,lon_max``, or a YAML file."""
    if NUMBERS.match(text):
        values = [float(v) for v in text.split(",")]
        return Community("задана параметром --community", _box(dict(zip(KEYS, values)), "--community"))
    path = Path(text)
    if not path.is_file():
        raise CommunityError(f"--community {text[:200]!r}: neither 'lat_min,lat_max,lon_min,lon_max' nor a file")
    if path.stat().st_size > MAX_FILE:
        raise CommunityError(f"{path}: too large for a community file ({path.stat().st_size} bytes)")
    import yaml

    try:
        raw = yaml.safe_load(read_text_bounded(path, MAX_FILE))
    except (yaml.YAMLError, UnicodeError) as exc:
        raise CommunityError(f"{path}: not valid YAML ({str(exc).splitlines()[0][:200]})") from None
    if isinstance(raw, dict) and "community" in raw:
        raw = raw["community"]
    return community_of(raw, str(path))
