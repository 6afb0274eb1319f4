"""Send mails through one SMTP connection (STARTTLS, login); each mail's outcome is kept, so a
refused recipient does not stop the others and is never counted as sent."""
from __future__ import annotations

import smtplib
import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .mail import Mail, message
from .smtp_url import SmtpTarget


class SmtpError(OSError):
    """The SMTP server could not be used at all (connect, STARTTLS, login): one line."""


@dataclass
class Outcome:
    mail: Mail
    sent: bool
    reason: str = ""


def send_all(mails: Iterable[Mail], target: SmtpTarget, sender: str,
             on_sent: Callable[[Mail], None] = lambda mail: None, timeout_s: float = 30) -> list[Outcome]:
    """``on_sent`` runs right after each accepted mail (the caller records it before the next)."""
    outcomes = []
    with _connect(target, timeout_s) as smtp:
        for mail in mails:
            try:
                smtp.send_message(message(mail, sender), from_addr=sender, to_addrs=[mail.to])
            except smtplib.SMTPRecipientsRefused as exc:
                code, text = next(iter(exc.recipients.values()))
                outcomes.append(Outcome(mail, False, f"{code} {_text(text)}"))
                continue
            except (smtplib.SMTPDataError, smtplib.SMTPSenderRefused) as exc:
                outcomes.append(Outcome(mail, False, f"{exc.smtp_code} {_text(exc.smtp_error)}"))
                continue
            on_sent(mail)
            outcomes.append(Outcome(mail, True))
    return outcomes


def _connect(target: SmtpTarget, timeout_s: float) -> smtplib.SMTP:
    try:
        smtp = smtplib.SMTP(target.host, target.port, timeout=timeout_s)
    except OSError as exc:
        raise SmtpError(f"cannot connect to the SMTP server {target}: {exc}") from None
    try:
        if target.starttls:
            smtp.starttls(context=ssl.create_default_context(cafile=target.cafile))
        if target.user:
            smtp.login(target.user, target.password or "")
    except (smtplib.SMTPException, ssl.SSLError, OSError) as exc:
        smtp.close()
        raise SmtpError(f"the SMTP server {target} refused the session: {exc}") from None
    return smtp


def _text(value) -> str:
    return (value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)).strip()[:300]
