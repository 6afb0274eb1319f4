"""Link-check answers kept per URL and day (audits.interop.links): what was tried today is not
tried again today.

    from audits.store.links import checks_of_day, save_checks
    cached = checks_of_day(session, urls, day)          # {url: {status, final_url, redirects, ...}}
"""
from __future__ import annotations

import hashlib
from datetime import date, datetime

from sqlalchemy import select

from .models import LinkCheck

FIELDS = ("status", "final_url", "redirects", "content_type", "size", "size_capped", "method", "error", "attempts",
          "seconds")
CHUNK = 500      # hashes per IN (...) query


def url_hash(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()


def checks_of_day(session, urls, day: date) -> dict[str, dict]:
    """The stored answers of ``day`` for these URLs, as plain dicts (url → fields)."""
    wanted = {url_hash(u): u for u in urls}
    hashes, found = list(wanted), {}
    for start in range(0, len(hashes), CHUNK):
        rows = session.scalars(select(LinkCheck).where(LinkCheck.checked_on == day,
                                                       LinkCheck.url_sha256.in_(hashes[start:start + CHUNK])))
        for row in rows:
            found[wanted[row.url_sha256]] = {f: getattr(row, f) for f in FIELDS}
    return found


def save_checks(session, results: list[dict], day: date, checked_at: datetime) -> int:
    """Store each answer ({"url", **FIELDS}) of ``day``; an answer already stored that day is replaced."""
    hashes = {url_hash(r["url"]): r for r in results}
    existing = {}
    keys = list(hashes)
    for start in range(0, len(keys), CHUNK):
        for row in session.scalars(select(LinkCheck).where(LinkCheck.checked_on == day,
                                                           LinkCheck.url_sha256.in_(keys[start:start + CHUNK]))):
            existing[row.url_sha256] = row
    for digest, r in hashes.items():
        row = existing.get(digest) or LinkCheck(url=r["url"], url_sha256=digest, checked_on=day)
        row.checked_at = checked_at
        for f in FIELDS:
            setattr(row, f, r.get(f))
        row.redirects = list(r.get("redirects") or [])
        row.size_capped, row.attempts = bool(r.get("size_capped")), int(r.get("attempts") or 0)
        row.seconds = float(r.get("seconds") or 0.0)
        session.add(row)
    session.flush()
    return len(hashes)


def latest_checks(session, urls) -> dict[str, dict]:
    """The newest stored answer of each of these URLs, whatever its day (url → fields + checked_on)."""
    wanted = {url_hash(u): u for u in urls}
    hashes, found = list(wanted), {}
    for start in range(0, len(hashes), CHUNK):
        rows = session.scalars(select(LinkCheck).where(LinkCheck.url_sha256.in_(hashes[start:start + CHUNK]))
                               .order_by(LinkCheck.checked_on, LinkCheck.id))
        for row in rows:                      # the newest day wins
            found[wanted[row.url_sha256]] = {**{f: getattr(row, f) for f in FIELDS}, "checked_on": row.checked_on}
    return found
