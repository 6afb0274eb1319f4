"""The reminders flow (weekly during an open campaign, prefect.yaml `reminders`, paused until
resumed): one call to the notify verb. By default it writes .eml files only; ``send`` sends
through ODAUDIT_SMTP_URL of the worker, never twice for the same version of a file."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from flows import prefect_env  # noqa: F401  (must precede the Prefect import)

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from audits.campaign import verbs
from audits.campaign.notify import notify
from flows.publish import named, publish


@task(name="write-and-send", cache_policy=NO_CACHE)
def write_and_send(db_url: str | None, campaign: str | None, kind: str, out: str | None, today: date, send: bool):
    with verbs.database(db_url) as engine:
        return notify(engine, campaign, kind, Path(out) if out else None, today, send=send,
                      now=datetime.now().replace(microsecond=0))


@flow(name="reminders", log_prints=False, flow_run_name=named("reminders", "campaign"))
def reminders_flow(campaign: str | None = None, out: str | None = None, send: bool = False, db_url: str | None = None,
                   today: date | None = None, kind: str = "reminders") -> dict:
    """The reminders (or ``kind="feedback"``) of a stored campaign; returns what was written and sent."""
    run = write_and_send(db_url, campaign, kind, out, today or date.today(), send)
    counts = {s: sum(m["status"] == s for m in run.mails) for s in ("written", "sent", "already-sent", "refused",
                                                                       "no-address")}
    text = (f"# Нагадування: {run.campaign}\n\n" + ("Строк подання минув: нагадувань немає.\n" if not run.open else
            f"Листів {len(run.mails)}: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v) + ".\n"))
    publish(f"{kind}-{run.campaign}", text, [{"Код": m["department"], "Кому": m["to"] or "—", "Стан": m["status"],
                                              "Причина": m["reason"]} for m in run.mails])
    return run.to_dict()
