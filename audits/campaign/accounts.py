"""Accounts of the web app: who may do what. Passwords are hashed with argon2id (argon2-cffi's
defaults, memory-hard); only the hash is stored. What `odaudit user ...` and the web app call."""
from __future__ import annotations

import re
from datetime import datetime

from ..store.accounts import UserRecord
from ..store.db import transaction

ROLES = ("ict", "department", "working-group", "secretary")
ROLE_LABELS = {"ict": "відділ ІКТ", "department": "виконавчий орган", "working-group": "робоча група",
               "secretary": "секретар робочої групи"}
NAME = re.compile(r"^[A-Za-z0-9._@-]{1,100}$")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024


class AccountError(ValueError):
    """A user that cannot be added as asked (bad name, role, department, short password): exit 2."""


def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def check_new(name: str, role: str, department: str | None, password: str) -> None:
    if not NAME.match(name):
        raise AccountError(f"'{name[:100]}' is not a user name (latin letters, digits, . _ @ -; at most 100)")
    if role not in ROLES:
        raise AccountError(f"unknown role '{role}' (one of {', '.join(ROLES)})")
    if (role == "department") != bool(department):
        raise AccountError("--department CODE is required for the department role, and only for it")
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise AccountError(f"the password must have {MIN_PASSWORD} to {MAX_PASSWORD} characters")


def add_user(engine, name: str, role: str, password: str, *, department: str | None = None,  # noqa: PLR0913
             council: str | None = None, now: datetime) -> dict:
    from ..store import accounts

    check_new(name, role, department, password)
    record = UserRecord(name, role, department, council, False, now, hash_password(password))
    with transaction(engine) as session:
        accounts.add_user(session, record)
    return record.to_dict()


def list_users(engine) -> list[dict]:
    from ..store import accounts

    with transaction(engine) as session:
        return [u.to_dict() for u in accounts.all_users(session)]


def disable_user(engine, name: str) -> None:
    from ..store import accounts

    with transaction(engine) as session:
        accounts.set_disabled(session, name)


def sign_out(engine, name: str, at: int) -> None:
    """End every session of the account issued before ``at`` (epoch milliseconds): a copied cookie
    is worthless after its owner signs out."""
    from ..store import accounts

    with transaction(engine) as session:
        accounts.end_sessions(session, name, at)


def user(engine, name: str) -> UserRecord | None:
    """The account, if it exists and is not disabled."""
    from ..store import accounts

    with transaction(engine) as session:
        found = accounts.find_user(session, name)
    return found if found and not found.disabled else None


# A hash computed once, checked when the name is unknown: a wrong name costs as long as a wrong password.
_DUMMY: list[str] = []


def authenticate(engine, name: str, password: str) -> UserRecord | None:
    """The account if the password is right and the account is active, else None."""
    from argon2.exceptions import InvalidHashError, VerificationError

    from ..store import accounts

    hasher = _hasher()
    found = user(engine, name) if NAME.match(name or "") else None
    if found is None:
        if not _DUMMY:
            _DUMMY.append(hasher.hash("not-a-password"))
        try:
            hasher.verify(_DUMMY[0], password[:MAX_PASSWORD] or "x")
        except VerificationError:
            pass
        return None
    try:
        hasher.verify(found.password_hash, password[:MAX_PASSWORD])
    except (VerificationError, InvalidHashError):
        return None
    if hasher.check_needs_rehash(found.password_hash):
        with transaction(engine) as session:
            accounts.set_password_hash(session, name, hasher.hash(password))
    return found


def log(engine, at: datetime, username: str | None, address: str | None, action: str, **details) -> None:
    """One line of the audit log (campaign, department and any detail as keywords)."""
    from ..store import accounts

    campaign, department = details.pop("campaign", None), details.pop("department", None)
    with transaction(engine) as session:
        accounts.log_event(session, at=at, username=username, address=address, action=action, campaign=campaign,
                           department=department, detail=details)


def events(engine, limit: int = 200) -> list[dict]:
    from ..store import accounts

    with transaction(engine) as session:
        return accounts.events(session, limit)


def campaigns(engine, council: str | None = None) -> list[dict]:
    """Every stored campaign (of one council: its portal organisation or city), newest year first."""
    from ..store import accounts

    with transaction(engine) as session:
        found = accounts.campaign_list(session)
    return [c for c in found if council is None or c["council"] == council]
