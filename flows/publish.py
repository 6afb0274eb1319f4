"""Artifacts and run names: what the Prefect UI shows of a run. The text comes from
audits/reports/run_summary.py; this only hands it to Prefect."""
from __future__ import annotations

import re
from pathlib import Path

from flows import prefect_env  # noqa: F401  (must precede the Prefect import)

from prefect.artifacts import create_markdown_artifact, create_table_artifact


def key(*parts: str) -> str:
    """An artifact key Prefect accepts (lowercase letters, digits, dashes): ``campaign-lutsk-2020``."""
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9-]", "-", "-".join(parts).lower())).strip("-")[:100] or "odaudit"


def publish(name: str, markdown: str, rows: list[dict] | None = None, description: str = "") -> None:
    """A Markdown summary (and a table) under the key ``name``: the latest is shown per key."""
    create_markdown_artifact(markdown=markdown, key=key(name), description=description or None)
    if rows:
        create_table_artifact(table=rows, key=key(name, "table"), description=description or None)


def parameters() -> dict:
    from prefect.runtime import flow_run

    return dict(flow_run.parameters or {})


def campaign_run_name() -> str:
    """``lutsk-2020 · 2020-06-01``: the campaign's slug (from its campaign.yaml) and audit date."""
    p = parameters()
    folder = Path(str(p.get("directory") or "campaign"))
    try:
        from audits.campaign.config import load_campaign

        slug = load_campaign(folder).slug
    except Exception:           # a bad folder fails in the flow itself, with its reason; the name stays readable
        slug = folder.name
    return f"{slug} · {p.get('as_of') or 'today'}"


def named(prefix: str, *names: str):
    """A run-name function: ``prefix`` and the first of the parameters ``names`` that is set."""
    def name() -> str:
        p = parameters()
        given = next((p[n] for n in names if p.get(n)), None)
        return f"{prefix} · {Path(str(given)).name if given else 'default'}"
    return name
