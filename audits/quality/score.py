"""Score one dataset: every indicator that applies, points earned ÷ points applicable, a band."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..interned import interned
from .config import QualityConfig, load_quality_config
from .facts import DatasetFacts
from .indicators import INDICATORS
from .indicators.base import Indicator
from .timeliness import Timeliness, timeliness


@dataclass(frozen=True, slots=True)
class QualityScore:
    facts: DatasetFacts
    timeliness: Timeliness
    indicators: tuple[Indicator, ...]
    earned: float
    possible: float
    percent: float | None
    band: str | None
    band_label: str | None

    @property
    def reasons(self) -> list[str]:
        return [f"−{x.points:g}: {x.reason}" for i in self.indicators for x in i.lost]

    def to_dict(self, indicators: bool = True) -> dict:
        f = self.facts
        data = {"key": f.key, "source": f.source, "title": f.title, "department": f.department,
                "organization": f.organization, "update_frequency": f.update_frequency,
                "last_update": f.last_update.isoformat() if f.last_update else None,
                **self.timeliness.to_dict(), "earned": round(self.earned, 2), "possible": round(self.possible, 2),
                "score": self.percent, "band": self.band, "band_label": self.band_label}
        if indicators:
            data["indicators"] = [i.to_dict() for i in self.indicators]
        return data


def score_dataset(facts: DatasetFacts, as_of: date, config: QualityConfig | None = None) -> QualityScore:
    config = config or load_quality_config()
    tl = interned(timeliness(facts.update_frequency, facts.last_update, as_of, config.periods))
    results = interned(tuple(interned(module.score(facts, config, tl)) for module in INDICATORS))
    applicable = [r for r in results if r.applies]
    earned, possible = sum(r.earned for r in applicable), sum(r.possible for r in applicable)
    percent = round(100 * earned / possible, 1) if possible else None
    band = config.band(percent)
    return QualityScore(facts, tl, results, earned, possible, percent,
                        band.name if band else None, band.label if band else None)


def score_many(facts: list[DatasetFacts], as_of: date, config: QualityConfig | None = None) -> list[QualityScore]:
    config = config or load_quality_config()
    return [score_dataset(f, as_of, config) for f in facts]
