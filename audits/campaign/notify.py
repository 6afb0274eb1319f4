"""odaudit notify feedback|reminders: the e-mails of a stored campaign, written as .eml files
and, with ``send``, sent through SMTP once per version of each department's file (the sent
log is in the store). The verb the CLI and the reminders flow call."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .. import settings
from ..files import read_text_bounded
from ..notify import mail as mails
from ..notify.reminders import is_open, reminder_text
from ..notify.send import send_all
from ..notify.smtp_url import SmtpUrlError, parse
from ..reports.feedback import write_feedback
from ..store.db import transaction
from .outputs import _files, _versions
from .verbs import open_result

KINDS = ("feedback", "reminders")


@dataclass
class NotifyRun:
    campaign: str
    kind: str
    folder: Path
    open: bool = True
    sent: bool = False                    # --send asked
    mails: list[dict] = field(default_factory=list)

    @property
    def problems(self) -> int:
        """Departments nobody could be told: no address, or the SMTP server refused it."""
        return sum(m["status"] in ("no-address", "refused") for m in self.mails)

    def to_dict(self) -> dict:
        return {"campaign": self.campaign, "kind": self.kind, "folder": str(self.folder), "open": self.open,
                "send": self.sent, "mails": self.mails}


def notify(engine, slug: str | None, kind: str, out: Path | None, today: date, *,  # noqa: PLR0913
           send: bool = False, smtp_url: str | None = None, now: datetime | None = None) -> NotifyRun:
    """``out``: where feedback/ and mail/<kind>/ go (default out/<slug>)."""
    if kind not in KINDS:
        raise LookupError(f"no kind of e-mail '{kind}' (known: {', '.join(KINDS)})")
    target = _target(smtp_url) if send else None
    result = open_result(engine, slug, today)
    out = Path(out) if out else Path("out") / result.campaign.slug
    run = NotifyRun(result.campaign.slug, kind, out / "mail" / kind, sent=send)
    run.open = kind == "feedback" or is_open(result.campaign.deadline, today)
    found = _mails(result, kind, out, today) if run.open else []
    sender = settings.get("mail_from") or _sender(result)
    for m in found:
        eml = mails.write_eml(run.folder, m, sender)
        run.mails.append({"department": m.department, "to": m.to, "subject": m.subject, "eml": str(eml),
                          "attachment": str(m.attachment) if m.attachment else None,
                          "status": "written" if m.to else "no-address", "reason": ""})
    if target is not None and found:
        _send(engine, result.campaign.slug, kind, found, run, target, sender, now or datetime.now())
    return run


def _target(url: str | None):
    url = url or settings.get("smtp_url")
    if not url:
        raise LookupError("--send needs the SMTP server: set ODAUDIT_SMTP_URL, e.g. "
                          "smtp://user:password@mail.example.gov.ua:587")
    try:
        return parse(url)
    except SmtpUrlError as exc:
        raise LookupError(str(exc)) from None


def _mails(result, kind: str, out: Path, today: date) -> list[mails.Mail]:
    summary = result.summary
    folder = write_feedback(out, summary, {d["code"]: result.findings_of(d["code"]) for d in summary["departments"]},
                            _files(result), {c: v for c, v in _versions(result).items() if v["version"] > 1})
    emails = {d.code: d.email for d in result.campaign.departments}
    week = "{}-W{:02d}".format(*today.isocalendar()[:2])
    found = []
    for d in summary["departments"]:
        xlsx = folder / f"{d['code']}.xlsx"
        attachment = xlsx if xlsx.is_file() and d["status"] != "missing" else None
        version = d.get("sha256") or "missing"
        if kind == "feedback":
            text = read_text_bounded(folder / f"{d['code']}.txt")
        else:
            text, version = reminder_text(d, summary["campaign"], today), f"{week}:{version}"
        if text is not None:
            found.append(mails.from_text(kind, d["code"], emails.get(d["code"]), text, attachment, version))
    return found


def _send(engine, slug: str, kind: str, found: list, run: NotifyRun, target, sender: str,  # noqa: PLR0913
          now: datetime) -> None:
    from ..store.mail import record_sent, sent_keys
    from ..store.repository import get_campaign

    with transaction(engine) as session:
        campaign_id = get_campaign(session, slug).id
        done = sent_keys(session, campaign_id, kind)
    rows = {m["department"]: m for m in run.mails}
    fresh = []
    for m in found:
        key = _key(m)
        if m.to and (m.department, key) in done:
            rows[m.department]["status"] = "already-sent"
        elif m.to:
            fresh.append(m)

    def recorded(m) -> None:            # one transaction per accepted mail: a crash later loses no record
        with transaction(engine) as session:
            record_sent(session, campaign_id, kind, m.department, _key(m), m.to, m.subject, now)

    for outcome in send_all(fresh, target, sender, on_sent=recorded):
        row = rows[outcome.mail.department]
        row["status"], row["reason"] = ("sent", "") if outcome.sent else ("refused", outcome.reason)


def _key(m: mails.Mail) -> str:
    """The department's file version and the text (a workbook is rewritten byte-differently each time)."""
    return f"{m.version}:{hashlib.sha256((m.subject + m.body).encode('utf-8')).hexdigest()[:16]}"


def _sender(result) -> str:
    domains = [d.email.rpartition("@")[2] for d in result.campaign.departments if d.email and "@" in d.email]
    return f"odaudit@{domains[0]}" if domains else "odaudit@localhost"
