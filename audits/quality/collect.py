"""Quality scores of a register's items, as of the campaign date (portal packages are scored
by audits.portal.monitor)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..item_keys import item_key
from .inventory_facts import inventory_facts
from .score import QualityScore, score_many


def inventory_scores(register: list[dict], as_of: date,
                     data_checks: dict[str, float] | None = None) -> list[QualityScore]:
    """``data_checks``: share of expectations met by an item's data file, by "<department>:<id>"
    (audits.store.data_checks.expectation_shares); items without one are scored without it."""
    facts = [inventory_facts(r) for r in register]
    if data_checks:
        facts = [replace(f, data_checks=data_checks.get(item_key(r["department_code"], r.get("id"))))
                 for f, r in zip(facts, register)]
    return score_many(facts, as_of)
