"""Load the quality indicators' weights and thresholds (config/quality.yaml, or the council's own
file named by ODAUDIT_QUALITY_CONFIG)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..config_files import config_path, load_yaml
from ..paths import config_file

CONFIG_PATH = config_file("quality")   # the bundled one; ODAUDIT_QUALITY_CONFIG points elsewhere


@dataclass(frozen=True)
class Band:
    name: str
    label: str
    min: float


@dataclass(frozen=True)
class QualityConfig:
    path: Path
    bands: tuple[Band, ...]
    periods: dict[str, int]
    earns: dict[str, float | None]
    indicators: dict[str, dict]
    stars: dict[str, int]
    schema_bonus: int
    full_points_at: int
    machine_readable: frozenset[str]
    non_proprietary: frozenset[str]
    open_licences: frozenset[str]

    def points(self, indicator: str) -> float:
        return float(self.indicators[indicator]["points"])

    def band(self, percent: float | None) -> Band | None:
        if percent is None:
            return None
        return next(b for b in self.bands if percent >= b.min)


def _upper(values) -> frozenset[str]:
    return frozenset(str(v).upper() for v in values)


def load_quality_config(path: Path | None = None) -> QualityConfig:
    """``path``: a quality YAML; default the ``quality_config`` setting, else the bundled file."""
    return _load(Path(path) if path else config_path("quality"))


@cache
def _load(path: Path) -> QualityConfig:
    raw = load_yaml(path)
    bands = tuple(sorted((Band(**b) for b in raw["bands"]), key=lambda b: -b.min))
    formats = raw["formats"]
    return QualityConfig(
        path=path, bands=bands,
        periods={k: int(v) for k, v in raw["timeliness"]["periods_days"].items()},
        earns=dict(raw["timeliness"]["earns"]), indicators=raw["indicators"],
        stars={str(k).upper(): int(v) for k, v in formats["stars"].items()},
        schema_bonus=int(formats.get("schema_bonus", 0)), full_points_at=int(formats.get("full_points_at", 5)),
        machine_readable=_upper(formats["machine_readable"]), non_proprietary=_upper(formats["non_proprietary"]),
        open_licences=frozenset(str(v).casefold() for v in raw["licences"]["open"]))
