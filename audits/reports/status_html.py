"""status.html: a readable status page of the campaign for the ICT office (autoescaped)."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from ..catalogue.coverage import STATUS_LABELS as COVERAGE_LABELS

STATUS_LABELS = {"accepted": "прийнято", "invalid": "потребує виправлень", "missing": "не надіслано"}


def environment() -> Environment:
    return Environment(loader=PackageLoader("audits.reports", "templates"),
                       autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)


def render_status(summary: dict, findings: list[dict], coverage: list[dict] = (), quality: dict | None = None) -> str:
    by_department = defaultdict(list)
    for f in findings:
        by_department[f["department"] or ""].append(f)
    return environment().get_template("status.html").render(
        summary=summary, findings=by_department, labels=STATUS_LABELS, coverage=coverage,
        coverage_labels=COVERAGE_LABELS, q=quality)


def write_status_html(path: Path, summary: dict, findings: list[dict], coverage: list[dict] = (),
                      quality: dict | None = None) -> Path:
    Path(path).write_text(render_status(summary, findings, coverage, quality), encoding="utf-8")
    return Path(path)
