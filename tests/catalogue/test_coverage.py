"""Coverage of the council's 73 mandatory items from the demo campaign's register."""
from __future__ import annotations

from datetime import date

from audits.campaign import pipeline
from audits.campaign.config import load_campaign
from audits.catalogue.coverage import coverage, link_register, totals


def demo_register(inspections) -> list[dict]:
    """Register rows of the accepted demo files, shaped like audits.campaign.status.register_rows."""
    rows = []
    for insp in inspections:
        if insp.report.valid:
            rows += [{"department_code": insp.department, "row": r.number, **r.values} for r in insp.rows]
    return rows


def test_demo_coverage(demo_inspections):
    _, inspections = demo_inspections
    links = link_register(demo_register(inspections))
    entries = {e.item.id: e for e in coverage(links)}
    assert len(entries) == 73
    assert entries["oms-01"].to_dict()["status"] == "published"        # zhkg references it and links the portal
    assert entries["oms-01"].to_dict()["departments"] == ["zhkg"]
    assert (entries["oms-37"].status, entries["oms-56"].status) == ("held", "held")
    assert entries["oms-20"].status == "not-found"                     # the address register: nobody declared it
    assert {link.method for link in links if link.catalogue_id == "all-06"} == {"reference"}
    assert totals(list(entries.values())) == {"items": 73, "published": 2, "held": 9, "not-found": 62}


def test_campaign_stores_coverage_and_mandatory_feedback(db_url, tmp_path):
    """Through the real pipeline and database: coverage links stored, rerun unchanged,
    each department told which of its mandatory items it declared."""
    import sqlalchemy as sa

    from audits.campaign import verbs
    from audits.store.db import open_database
    from campaigns import good_row, make_campaign, write_inventory

    directory = make_campaign(tmp_path / "c", {"zhkg": "Департамент ЖКГ"})
    text = (directory / "campaign.yaml").read_text(encoding="utf-8")
    (directory / "campaign.yaml").write_text(text.replace("  name: Департамент ЖКГ",
                                                          "  name: Департамент ЖКГ\n  mandatory: [oms-01, oms-37]"),
                                             encoding="utf-8")
    write_inventory(directory / "zhkg.xlsx", [
        good_row(1, "Департамент ЖКГ", title="Перелік громадських вбиралень", published="так",
                 portal_url="https://data.gov.ua/dataset/toilets"),
        good_row(2, "Департамент ЖКГ", title="Реєстр будинків", catalogue_ref="oms-20")])
    engine = open_database(db_url)
    config = load_campaign(directory)
    for _ in range(2):
        pipeline.audit(engine, config, date(2020, 6, 1), __import__("datetime").datetime(2020, 5, 20))
    with engine.connect() as conn:
        links = conn.execute(sa.text("SELECT catalogue_id, department, row, method, published FROM coverage_link "
                                     "ORDER BY catalogue_id")).all()
    assert [tuple(r[:4]) + (bool(r[4]),) for r in links] == [("oms-20", "zhkg", 6, "reference", False),
                                                             ("oms-37", "zhkg", 5, "title", True)]
    summary = verbs.status(engine, "test-2020", date(2020, 6, 1))
    assert summary["coverage"] == {"items": 73, "published": 1, "held": 1, "not-found": 71}
    assert [(m["id"], m["declared"], m["published"]) for m in summary["departments"][0]["mandatory"]] == [
        ("oms-01", False, False), ("oms-37", True, True)]
