"""Coverage of the council's 73 mandatory items from the demo campaign's register."""
from __future__ import annotations

from datetime import date

from audits.campaign import pipeline
from audits.campaign.config import load_campaign
from audits.catalogue.coverage import coverage, link_register, totals
from conftest import DEMO


def demo_register() -> list[dict]:
    """Register rows of the accepted demo files, shaped like audits.campaign.status.register_rows."""
    config = load_campaign(DEMO)
    rows = []
    for insp in (pipeline.inspect(item, date(2020, 6, 1)) for item in pipeline.plan(config)):
        if insp.report.valid:
            rows += [{"department_code": insp.department, "row": r.number, **r.values} for r in insp.rows]
    return rows


def test_demo_coverage():
    links = link_register(demo_register())
    entries = {e.item.id: e for e in coverage(links)}
    assert len(entries) == 73
    assert entries["oms-01"].to_dict()["status"] == "published"        # zhkg references it and links the portal
    assert entries["oms-01"].to_dict()["departments"] == ["zhkg"]
    assert (entries["oms-37"].status, entries["oms-56"].status) == ("held", "held")
    assert entries["oms-20"].status == "not-found"                     # the address register: nobody declared it
    assert {link.method for link in links if link.catalogue_id == "all-06"} == {"reference"}
    assert totals(list(entries.values())) == {"items": 73, "published": 2, "held": 9, "not-found": 62}
