"""The store's read of a campaign's history: every file received, in order, with its findings."""
from __future__ import annotations

from audits.store.db import open_database, transaction
from audits.store.state import submission_history


def test_every_submission_with_its_own_findings(demo_db_url):
    engine = open_database(demo_db_url)
    try:
        with transaction(engine) as session:
            campaign, subs = submission_history(session)
            code = campaign.departments[0].code
            one = submission_history(session, campaign.slug, code)[1]
            missing = submission_history(session, "no-such-campaign")
    finally:
        engine.dispose()
    assert subs and [s.received_at for s in subs] == sorted(s.received_at for s in subs)
    assert all(len(s.findings) == s.errors + s.warnings for s in subs)
    assert one and {s.department for s in one} == {code}
    assert missing is None
