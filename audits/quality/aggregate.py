"""Per-department and city-wide aggregates of quality scores."""
from __future__ import annotations

from collections import Counter, defaultdict

from .timeliness import LATE, STATES, UNKNOWN

UNASSIGNED = "—"


def summarize(scores) -> dict:
    """Mean score, bands and timeliness states of a group of QualityScore."""
    percents = [s.percent for s in scores if s.percent is not None]
    return {"datasets": len(scores),
            "mean_score": round(sum(percents) / len(percents), 1) if percents else None,
            "bands": dict(Counter(s.band for s in scores if s.band)),
            "timeliness": {state: sum(s.timeliness.state == state for s in scores) for state in STATES}}


def bands_text(bands: dict[str, int], config=None) -> str:
    """«відмінна 16, добра 57, достатня 33»: the bands' labels, best first, with their counts."""
    from .config import load_quality_config

    config = config or load_quality_config()
    shown = [f"{b.label} {bands[b.name]}" for b in config.bands if bands.get(b.name)]
    return ", ".join(shown) or "—"


def by_department(scores) -> dict[str, dict]:
    groups = defaultdict(list)
    for s in scores:
        groups[s.facts.department or UNASSIGNED].append(s)
    return {code: summarize(group) for code, group in sorted(groups.items())}


def attention(scores) -> list:
    """Late and unknown-frequency datasets, most overdue first, each with its owner."""
    flagged = [s for s in scores if s.timeliness.state in (LATE, UNKNOWN)]
    return sorted(flagged, key=lambda s: (s.timeliness.state != LATE, -(s.timeliness.days_overdue or 0),
                                          s.facts.department or "~", s.facts.title))
