"""What the web app's pages show, as plain data from the campaign's one result: the ICT
dashboard (what to act on first, then the figures), a council's campaigns side by side, a
department's page and the working group's proposals. No figure is computed twice: each comes
from audits.campaign.result, the store or the ranking, as the CLI and the reports take it."""
from __future__ import annotations

from collections import Counter
from datetime import date

from ..store.db import transaction
from .verbs import open_result

STATES = ("accepted", "invalid", "missing")
STATE_LABELS = {"accepted": "прийнято", "invalid": "потребує виправлень", "missing": "не надіслано"}


def deadline_days(deadline: str | date | None, today: date) -> int | None:
    """Days left to the deadline (negative: days past it)."""
    if deadline is None:
        return None
    day = date.fromisoformat(deadline) if isinstance(deadline, str) else deadline
    return (day - today).days


def dashboard(engine, slug: str, today: date) -> dict:
    from ..reports.act_first import coverage_parts, state_parts

    result = open_result(engine, slug, today)
    summary = result.summary
    departments = summary["departments"]
    return {"campaign": summary["campaign"], "totals": summary["totals"], "today": today,
            "deadline_days": deadline_days(summary["campaign"]["deadline"], today),
            "states": state_parts(summary["totals"]), "coverage": coverage_parts(summary["coverage"]),
            "coverage_items": summary["coverage"].get("items", 0),
            "bands": quality_bands(result.scores),
            "trend": (trend := portal_trend(engine, result.campaign.portal_organization)),
            "trend_points": [(_dmy(t["as_of"]), t["mean_score"]) for t in trend],
            "to_fix": to_fix(departments, result), "departments": departments}


def _dmy(iso: str) -> str:
    return f"{iso[8:10]}.{iso[5:7]}.{iso[:4]}"


def quality_bands(scores) -> list[tuple[str, str, int]]:
    """(band, label, datasets) of every scored dataset, best band first."""
    from ..quality.config import load_quality_config

    counts = Counter(s.band for s in scores if s.band)
    return [(b.name, b.label, counts.get(b.name, 0)) for b in load_quality_config().bands]


def portal_trend(engine, organization: str | None) -> list[dict]:
    """The monitor runs of the council's organisation, oldest first (audits.portal.monitor.trend)."""
    from ..portal.monitor import trend
    from ..store.portal import snapshot_rows

    if not organization:
        return []
    with transaction(engine) as session:
        return trend(snapshot_rows(session, organization))


def to_fix(departments: list[dict], result) -> list[dict]:
    """What each department must do, most errors first; those who sent nothing last."""
    from ..reports.act_first import act_first

    return act_first(departments, {d["code"]: [f for f in result.findings_of(d["code"]) if f.is_error]
                                   for d in departments})


def council_campaigns(engine, council: str | None, today: date) -> list[dict]:
    """Each campaign of the council (all, without one), newest year first, with its totals."""
    from .accounts import campaigns

    found = []
    for c in campaigns(engine, council):
        summary = open_result(engine, c["slug"], today).summary
        found.append({**c, "totals": summary["totals"], "coverage": summary["coverage"],
                      "deadline_days": deadline_days(c["deadline"], today)})
    return found


def department_page(engine, slug: str, code: str, today: date) -> dict:
    """The department's campaign, deadline, its state, versions (with their ids) and current findings."""
    from ..store.state import submission_history
    from .history import label, versions

    result = open_result(engine, slug, today)
    summary = result.summary
    own = next((d for d in summary["departments"] if d["code"] == code), None)
    if own is None:
        raise LookupError(f"no department '{code[:64]}' in campaign '{slug}'")
    with transaction(engine) as session:
        _, subs = submission_history(session, slug, code)
    mine = [s for s in subs if s.department == code]
    found = [{**v, "id": s.id, "label": label(v)} for s, v in zip(mine, versions(subs, code))]
    return {"campaign": summary["campaign"], "department": own, "state_label": STATE_LABELS[own["status"]],
            "deadline_days": deadline_days(summary["campaign"]["deadline"], today),
            "versions": list(reversed(found)), "findings": result.findings_of(code)}


def submission_page(engine, slug: str, code: str, submission_id: int) -> dict | None:
    """One version of the department's file with its own findings; None when it is not the department's."""
    from ..store.state import submission_history

    with transaction(engine) as session:
        found = submission_history(session, slug, code)
    if found is None:
        return None
    subs = [s for s in found[1] if s.department == code and s.id == submission_id]
    if not subs:
        return None
    s = subs[0]
    return {"id": s.id, "file": s.filename, "received_at": s.received_at, "valid": s.valid, "current": s.is_current,
            "errors": s.errors, "warnings": s.warnings, "findings": s.findings or []}


def proposals_page(engine, slug: str, today: date, department: str | None = None, theme: str | None = None) -> dict:
    """The ranked compliance gaps and proposals with their components, theme and decision in
    force, filtered by department and theme; the decision history."""
    from ..proposals.components import COMPONENTS
    from ..proposals.components.theme import best_theme
    from ..proposals.config import load_proposal_config
    from ..proposals.rank import KIND_LABELS

    result = open_result(engine, slug, today)
    config = load_proposal_config()
    labels = {m.NAME: m.LABEL for m in COMPONENTS}
    decisions = result.inputs.decisions
    rows = []
    for p in result.ranking.rows:
        found = best_theme(p.candidate, config)
        row = p.to_dict()
        row["theme"], row["theme_label"] = (found.name, found.label) if found else (None, None)
        row["parts"] = [(k, labels.get(k, k), v) for k, v in row["components"].items() if v > 0]
        row["decision"] = decisions.get(f"{row['department']}/{row['item_id']}")
        rows.append(row)
    themes = sorted({(r["theme"], r["theme_label"]) for r in rows if r["theme"]}, key=lambda t: t[1])
    departments = sorted({(r["department"], r["department_name"]) for r in rows})
    shown = [r for r in rows
             if (not department or r["department"] == department) and (not theme or r["theme"] == theme)]
    return {"campaign": result.summary["campaign"], "rows": shown, "all": len(rows), "themes": themes,
            "departments": departments, "labels": labels, "kinds": KIND_LABELS,
            "history": list(reversed(result.inputs.history)),
            "export_id": result.export_id}
