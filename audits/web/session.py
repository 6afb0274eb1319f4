"""The session: a signed cookie (HMAC-SHA256 of its JSON) holding the user name, the CSRF token
and when it was issued. Nothing else is trusted from the browser: the account is read again on
every request, so a disabled user is out at once."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass

COOKIE = "odaudit_session"
MAX_AGE = 12 * 3600            # a working day (seconds); then sign in again
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


@dataclass(frozen=True)
class Session:
    user: str | None
    csrf: str
    issued: int                  # epoch milliseconds


def now_ms() -> int:
    return int(time.time() * 1000)


def new_session(user: str | None = None) -> Session:
    return Session(user, secrets.token_urlsafe(32), now_ms())


def encode(session: Session, secret: bytes) -> str:
    body = base64.urlsafe_b64encode(json.dumps({"u": session.user, "c": session.csrf, "t": session.issued},
                                               separators=(",", ":")).encode()).decode().rstrip("=")
    return f"{body}.{_sign(body, secret)}"


def decode(value: str | None, secret: bytes, now: float | None = None) -> Session | None:
    """The session of a cookie that is ours, unchanged and not expired; else None."""
    if not value or value.count(".") != 1 or len(value) > 4096:
        return None
    body, signature = value.split(".")
    if not hmac.compare_digest(signature, _sign(body, secret)):
        return None
    try:
        raw = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        found = Session(raw["u"], str(raw["c"]), int(raw["t"]))
    except (ValueError, KeyError, TypeError):
        return None
    if found.user is not None and not isinstance(found.user, str):
        return None
    if (now or time.time()) * 1000 - found.issued > MAX_AGE * 1000:
        return None
    return found


def _sign(body: str, secret: bytes) -> str:
    return base64.urlsafe_b64encode(hmac.new(secret, body.encode(), hashlib.sha256).digest()).decode().rstrip("=")


def same_token(given: str | None, session: Session | None) -> bool:
    return bool(given) and session is not None and hmac.compare_digest(str(given), session.csrf)
