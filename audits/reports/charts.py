"""Geometry of the inline SVG charts of status.html, proposals.html and the web app (the
template _charts.html draws them; every label is escaped there)."""
from __future__ import annotations

COLORS = {"accepted": "#2e7d32", "invalid": "#c62828", "missing": "#9e9e9e", "published": "#2e7d32",
          "held": "#f9a825", "not-found": "#c62828", "excellent": "#1b5e20", "good": "#66bb6a",
          "sufficient": "#f9a825", "poor": "#c62828",
          # the components of a proposal's score (audits/proposals/components)
          "demand": "#1565c0", "theme": "#6a1b9a", "readiness": "#00838f", "quality": "#ef6c00",
          "freshness": "#5d4037", "effort": "#ad1457"}
PALETTE = ("#1565c0", "#6a1b9a", "#00838f", "#ef6c00", "#5d4037", "#ad1457", "#558b2f")


def stacked(parts: list[tuple[str, str, float]], width: float = 600, scale: float | None = None) -> list[dict]:
    """(key, label, value) → segments of one horizontal bar: x, width, colour, label, value, share;
    zero values take no room. ``scale``: the value of the full width (default: the sum, so the
    bar is full; a score out of 100 passes 100 and its bar is as long as the score)."""
    total = sum(max(v, 0) for _, _, v in parts) or 1
    scale = scale or total
    x, found = 0.0, []
    for n, (key, label, value) in enumerate(parts):
        w = width * max(value, 0) / scale
        found.append({"key": key, "label": label, "value": value, "x": round(x, 1), "w": round(w, 1),
                      "color": color(key, n),
                      "share": round(100 * max(value, 0) / total)})
        x += w
    return found


def color(key: str, n: int = 0) -> str:
    """A state's own colour, else the palette's n-th (the components of a score keep their order)."""
    return COLORS.get(key, PALETTE[n % len(PALETTE)])


def line(points: list[tuple[str, float | None]], width: float = 600, height: float = 160,
         top: float = 100) -> list[dict]:
    """(label, value 0..top) → points of a line chart: x, y, label, value (None: no point)."""
    shown = [(label, v) for label, v in points if v is not None]
    if not shown:
        return []
    step = width / max(len(shown) - 1, 1)
    return [{"x": round(40 + i * step * (width - 80) / width, 1) if len(shown) > 1 else width / 2,
             "y": round(height - 20 - (height - 40) * v / top, 1), "label": label, "value": v}
            for i, (label, v) in enumerate(shown)]


def polyline(found: list[dict]) -> str:
    return " ".join(f"{p['x']},{p['y']}" for p in found)
