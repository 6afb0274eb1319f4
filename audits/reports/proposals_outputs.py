"""proposals.xlsx and proposals.html of one export."""
from __future__ import annotations

from pathlib import Path

from ..proposals.components import COMPONENTS
from .proposals_xlsx import write_proposals_xlsx
from .status_html import environment

OUTPUTS = ("proposals.xlsx", "proposals.html")


def write_proposal_outputs(out: Path, report) -> dict[str, Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    write_proposals_xlsx(out / "proposals.xlsx", report.campaign, report.export_id, report.ranking, report.unmatched,
                         report.decisions)
    # streamed to the file: the page lists every proposal, and is not held whole in memory
    environment().get_template("proposals.html").stream(
        r=report, components=[(m.NAME, m.LABEL) for m in COMPONENTS],
        settings={m.NAME: settings_text(report.ranking["weights"]["components"].get(m.NAME, {})) for m in COMPONENTS},
    ).dump(str(out / "proposals.html"), "utf-8")
    return {name: out / name for name in OUTPUTS}


def settings_text(settings: dict) -> str:
    """A component's settings as a reader sees them: «max: 35; units: vote = 1, info_request = 5»."""
    return "; ".join(f"{key}: {_value(value)}" for key, value in settings.items())


def _value(value) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k} = {_value(v)}" for k, v in value.items())
    return f"{value:g}" if isinstance(value, float) else str(value)
