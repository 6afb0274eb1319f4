"""status.html: a readable status page of the campaign for the ICT office (autoescaped)."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from ..catalogue.coverage import STATUS_LABELS as COVERAGE_LABELS
from . import charts
from .act_first import act_first, coverage_parts, state_parts

STATUS_LABELS = {"accepted": "прийнято", "invalid": "потребує виправлень", "missing": "не надіслано"}


def environment() -> Environment:
    env = Environment(loader=PackageLoader("audits.reports", "templates"),
                      autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
    env.globals["charts"] = charts
    return env


def _context(summary: dict, findings: list[dict], coverage, quality, versions=None) -> dict:
    by_department = defaultdict(list)
    for f in findings:
        by_department[f["department"] or ""].append(f)
    errors = {code: [f for f in found if f["severity"] == "error"] for code, found in by_department.items()}
    bands = [(b.name, b.label, quality["city"]["bands"].get(b.name, 0)) for b in quality["bands"]] if quality else []
    return {"summary": summary, "findings": by_department, "labels": STATUS_LABELS, "coverage": coverage,
            "coverage_labels": COVERAGE_LABELS, "q": quality, "versions": versions or {},
            "act": act_first(summary["departments"], errors), "states": state_parts(summary["totals"]),
            "coverage_parts": coverage_parts(summary.get("coverage") or {}), "bands": bands}


def write_status_html(path: Path, summary: dict, findings: list[dict], coverage: list[dict] = (),
                      quality: dict | None = None, versions: dict[str, str] | None = None) -> Path:
    """Streamed to the file: every finding of the campaign is listed, none is held twice.
    ``versions``: department code → its current file's version line («версія 2 від …»)."""
    environment().get_template("status.html").stream(_context(summary, findings, coverage, quality,
                                                              versions)).dump(
        str(path), "utf-8")
    return Path(path)
