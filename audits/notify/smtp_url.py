"""ODAUDIT_SMTP_URL, read once: ``smtp://user:password@host:587`` (STARTTLS, then login). A local
relay without TLS: ``smtp+plain://host:25``. ``?cafile=PATH`` trusts one more certificate
authority (a council's own)."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit


class SmtpUrlError(ValueError):
    """The SMTP URL cannot be used; the message says what it should look like."""


@dataclass(frozen=True)
class SmtpTarget:
    host: str
    port: int
    user: str | None
    password: str | None
    starttls: bool
    cafile: str | None = None

    def __str__(self) -> str:          # never the password
        scheme, user = "smtp" if self.starttls else "smtp+plain", f"{self.user}@" if self.user else ""
        return f"{scheme}://{user}{self.host}:{self.port}"


EXAMPLE = "smtp://user:password@mail.example.gov.ua:587"


def parse(url: str) -> SmtpTarget:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("smtp", "smtp+plain") or not parts.hostname:
        raise SmtpUrlError(f"ODAUDIT_SMTP_URL must look like {EXAMPLE} (or smtp+plain://host:25 for a local relay)")
    try:
        port = parts.port or (587 if parts.scheme == "smtp" else 25)
    except ValueError:
        raise SmtpUrlError(f"ODAUDIT_SMTP_URL has a port that is not a number; example: {EXAMPLE}") from None
    query = parse_qs(parts.query)
    return SmtpTarget(parts.hostname, port, unquote(parts.username) if parts.username else None,
                      unquote(parts.password) if parts.password else None, parts.scheme == "smtp",
                      (query.get("cafile") or [None])[0])
