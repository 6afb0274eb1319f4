"""Link-check answers kept per URL and day, in SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import date, datetime

from audits.store.db import open_database, transaction
from audits.store.links import checks_of_day, latest_checks, save_checks

LONG = "https://example.org/" + "x" * 5000          # longer than an index on the URL itself allows


def answer(url: str, status: int, **more) -> dict:
    return {"url": url, "status": status, "final_url": url, "redirects": [], "content_type": "text/csv",
            "size": 3 * 1024 ** 3, "size_capped": True, "method": "GET", "error": None, "attempts": 1,
            "seconds": 0.1, **more}


def test_answers_are_kept_per_url_and_day(db_url):
    engine = open_database(db_url)
    day, next_day = date(2026, 12, 1), date(2026, 12, 2)
    with transaction(engine) as session:
        save_checks(session, [answer("https://a.example/x.csv", 200), answer(LONG, 404)], day, datetime(2026, 12, 1, 9))
    with transaction(engine) as session:          # the same day again: replaced, not doubled
        save_checks(session, [answer("https://a.example/x.csv", 500, error=None)], day, datetime(2026, 12, 1, 10))
        save_checks(session, [answer(LONG, 200, redirects=["https://b.example/"])], next_day, datetime(2026, 12, 2, 9))
    with transaction(engine) as session:
        today = checks_of_day(session, ["https://a.example/x.csv", LONG, "https://never.example/"], day)
        newest = latest_checks(session, [LONG])
    engine.dispose()
    assert {u[:24]: r["status"] for u, r in today.items()} == {"https://a.example/x.csv": 500,
                                                               "https://example.org/xxxx": 404}
    assert today[LONG]["size"] == 3 * 1024 ** 3
    assert (newest[LONG]["status"], newest[LONG]["redirects"], newest[LONG]["checked_on"]) == (
        200, ["https://b.example/"], next_day)
