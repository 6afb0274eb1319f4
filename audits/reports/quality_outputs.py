"""Quality outputs of a monitor run (quality.csv/.xlsx/.html, monitor.json) and the quality
section shared with the campaign's status page."""
from __future__ import annotations

import json
from pathlib import Path

from ..quality.aggregate import attention, by_department, summarize
from ..quality.config import load_quality_config
from ..quality.indicators import INDICATORS
from ..quality.timeliness import STATE_LABELS
from .quality_export import SOURCE_UK, write_quality_csv, write_quality_xlsx
from .status_html import environment

SHOWN = 500     # datasets shown in HTML (lowest scores, most overdue first); every one is in quality.csv


def quality_context(scores) -> dict:
    config = load_quality_config()
    ranked = sorted(scores, key=lambda s: (s.percent if s.percent is not None else -1, s.facts.title))
    flagged = attention(scores)
    return {"city": summarize(scores), "departments": by_department(scores), "bands": config.bands,
            "config": f"config/{config.path.name}",
            "weights": [{"label": m.LABEL, "points": config.points(m.NAME)} for m in INDICATORS],
            "attention": [_attention(s) for s in flagged[:SHOWN]], "attention_total": len(flagged),
            "datasets": [s.to_dict() for s in ranked[:SHOWN]], "truncated": len(scores) > SHOWN}


def _attention(score) -> dict:
    return {**score.to_dict(), "source_label": SOURCE_UK[score.facts.source],
            "state_label": STATE_LABELS[score.timeliness.state]}


def write_quality_files(out: Path, scores) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    return {"quality.csv": write_quality_csv(out / "quality.csv", scores),
            "quality.xlsx": write_quality_xlsx(out / "quality.xlsx", scores, load_quality_config())}


def write_monitor_outputs(out: Path, result, history: list[dict] | None = None,
                          plan: list[dict] | None = None) -> dict[str, Path]:
    """``history``: the stored runs of the organisation (monitor.history), shown as a trend;
    ``plan``: the publication plan judged on this snapshot (proposals.plan.plan_status)."""
    from ..portal.monitor import to_json

    paths = write_quality_files(out, result.scores)
    html = environment().get_template("quality.html").render(
        title=f"Моніторинг порталу: {result.organization or result.source}",
        subtitle=f"Джерело: {result.source}; станом на {result.as_of.isoformat()}"
                 + ("; знімок неповний: показники лише наборів у файлі." if result.partial else "."),
        warnings=[f.message for f in result.warnings],
        not_on_portal=[f.to_dict() for f in result.not_on_portal], q=quality_context(result.scores),
        history=history or [], plan=plan or [])
    (out / "quality.html").write_text(html, encoding="utf-8")
    document = {**to_json(result), "history": history or [], "plan": plan or []}
    (out / "monitor.json").write_text(json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n",
                                      encoding="utf-8")
    return {**paths, "quality.html": out / "quality.html", "monitor.json": out / "monitor.json"}
