"""The result of one indicator: points earned of points possible, and why points were lost."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Lost:
    points: float
    reason: str          # Ukrainian: what is missing or wrong, and how to fix it


@dataclass(frozen=True, slots=True)
class Indicator:
    name: str
    label: str
    earned: float
    possible: float | None     # None: the indicator does not apply to this dataset
    lost: tuple[Lost, ...] = ()
    note: str = ""             # what was seen, e.g. "3 зірки (CSV)"

    @property
    def applies(self) -> bool:
        return self.possible is not None

    def to_dict(self) -> dict:
        return {"name": self.name, "label": self.label, "earned": round(self.earned, 2),
                "possible": self.possible, "note": self.note,
                "lost": [{"points": round(x.points, 2), "reason": x.reason} for x in self.lost]}


def not_applicable(name: str, label: str, note: str) -> Indicator:
    return Indicator(name, label, 0.0, None, (), note)


def all_or_nothing(name: str, label: str, points: float, ok: bool, reason: str, note: str = "") -> Indicator:
    return Indicator(name, label, points if ok else 0.0, points, () if ok else (Lost(points, reason),), note)
