"""The bundled demo campaign reports exactly its planted mistakes (inventories/README.md)."""
from __future__ import annotations

from audits.campaign import pipeline

PLANTED = [
    ("cnap", 8, "A", "duplicate-id"), ("cnap", 11, "B", "too-long"),
    ("eco", 5, "B", "same-title-other-department"),
    ("fin", 6, "F", "bad-email"), ("fin", 7, "B", "same-title-other-department"), ("fin", 8, "K", "not-in-list"),
    ("fin", 11, "G", "missing-value"),
    ("kadry", 5, "M", "date-after-as-of"), ("kadry", 8, "E", "missing-value"),
    ("mist", 5, "T", "published-without-link"), ("mist", 7, "K", "not-in-list"), ("mist", 12, "L", "date-after-as-of"),
    ("ozd", 2, "L", "bad-date"), ("ozd", 4, "T", "published-without-link"), ("ozd", 6, "N", "bad-number"),
    ("soc", 5, "R", "personal-data-open"),
    ("varta", 6, "N", "too-small"), ("varta", 9, "I", "not-in-list"),
]


# Resolution 835 hints (warnings): rows that look like a mandatory item without saying so,
# and references that name no item of the council's 73.
CATALOGUE_HINTS = [
    ("cnap", 5, "U", "catalogue-suggestion"), ("cnap", 6, "U", "catalogue-suggestion"),
    ("cnap", 14, "U", "catalogue-suggestion"), ("fin", 5, "U", "unknown-catalogue-ref"),
    ("fin", 14, "U", "catalogue-suggestion"), ("fin", 16, "U", "unknown-catalogue-ref"),
    ("mist", 5, "U", "unknown-catalogue-ref"), ("mist", 7, "U", "catalogue-suggestion"),
    ("mist", 8, "U", "catalogue-suggestion"), ("mist", 12, "U", "catalogue-suggestion"),
    ("mist", 15, "U", "catalogue-suggestion"), ("mist", 16, "U", "unknown-catalogue-ref"),
    ("mist", 18, "U", "catalogue-suggestion"), ("osv", 4, "U", "unknown-catalogue-ref"),
    ("osv", 6, "U", "catalogue-suggestion"), ("osv", 12, "U", "unknown-catalogue-ref"),
    ("ozd", 5, "U", "catalogue-suggestion"), ("trans", 6, "U", "unknown-catalogue-ref"),
    ("trans", 7, "U", "catalogue-suggestion"), ("trans", 8, "U", "catalogue-suggestion"),
    ("trans", 12, "U", "catalogue-suggestion"), ("trans", 13, "U", "catalogue-suggestion"),
    ("ukt", 8, "U", "catalogue-suggestion"), ("ukt", 9, "U", "catalogue-suggestion"),
    ("zhkg", 11, "U", "catalogue-suggestion"), ("zhkg", 16, "U", "catalogue-suggestion"),
    ("zhkg", 23, "U", "catalogue-suggestion"),
]


def test_demo_reports_exactly_the_planted_mistakes(demo_inspections):
    config, inspections = demo_inspections
    cross = pipeline.cross_findings(pipeline.current_per_department(inspections), config)
    found = [f for i in inspections for f in i.report.findings] + cross
    assert sorted((f.department, f.row, f.column_letter, f.code) for f in found) == sorted(PLANTED + CATALOGUE_HINTS)
    assert all(f.severity == "warning" for f in found if f.code in ("catalogue-suggestion", "unknown-catalogue-ref"))
    sent = {i.department for i in inspections}
    assert {d.code for d in config.departments} - sent == {"kap", "sport"}
    assert all(8 <= i.report.rows <= 40 for i in inspections)
