"""The national run's pieces that need no database: the organisations of a whole-portal
snapshot, each written to a file of its own in one pass (a child run reads only its own), and
one organisation's row of the league table (Resolution 835 coverage, timeliness, quality band,
trend) from its monitor result and stored history."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..catalogue.catalogue import load_catalogue
from ..quality.config import load_quality_config
from .monitor import by_organization, read_snapshot

TREND_STEP = 1.0       # mean score points: a smaller change is "same"


@dataclass(frozen=True)
class Unit:
    """One organisation: one child flow run."""
    organization: str
    title: str | None = None
    file: str | None = None           # its packages, split from a snapshot; None: read live
    packages: int | None = None


def split_snapshot(path: Path, folder: Path) -> list[Unit]:
    """Every organisation of a whole-portal snapshot, its packages in ``folder/<n>.json``."""
    snapshot, _ = read_snapshot(Path(path))
    folder.mkdir(parents=True, exist_ok=True)
    units = []
    for n, (org, packages) in enumerate(by_organization(snapshot.packages).items()):
        part = folder / f"{n:05d}.json"
        part.write_text(json.dumps(packages, ensure_ascii=False), encoding="utf-8")
        units.append(Unit(org, _title(packages[0]), str(part), len(packages)))
    return units


def _title(package: dict) -> str | None:
    org = package.get("organization")
    return str(org.get("title"))[:500] if isinstance(org, dict) and org.get("title") else None


def council_items() -> int:
    """The Resolution 835 items a council owes (the denominator of coverage)."""
    return len(load_catalogue("council"))


def league_row(organization: str, title: str | None, summary: dict, history: list[dict]) -> dict:
    """``summary``: the organisation's MonitorResult.summary; ``history``: its trend rows, oldest first."""
    t = summary["timeliness"]
    packages, mean = summary["packages"], summary.get("mean_score")
    band = load_quality_config().band(mean)
    return {"organization": organization, "title": title, "packages": packages,
            "catalogue_items": summary.get("catalogue_items", 0),
            "coverage": round(summary.get("catalogue_items", 0) / council_items(), 3),
            "on_time": t.get("on-time", 0), "late": t.get("late", 0), "unknown": t.get("unknown", 0),
            "timeliness": round(t.get("on-time", 0) / packages, 3) if packages else None,
            "mean_score": mean, "band": band.label if band else None, "trend": trend_of(history)}


def trend_of(history: list[dict]) -> str:
    """better | worse | same against the run before (mean score), or new for a first run."""
    scored = [h["mean_score"] for h in history if h.get("mean_score") is not None]
    if len(scored) < 2:
        return "new"
    change = scored[-1] - scored[-2]
    return "better" if change >= TREND_STEP else "worse" if change <= -TREND_STEP else "same"


def ranked(rows: list[dict]) -> list[dict]:
    """The league table: best coverage first, then timeliness, then mean score; a rank each."""
    order = sorted(rows, key=lambda r: (-(r["coverage"] or 0), -(r["timeliness"] or 0), -(r["mean_score"] or 0),
                                        r["organization"]))
    return [{"rank": n, **r} for n, r in enumerate(order, 1)]
