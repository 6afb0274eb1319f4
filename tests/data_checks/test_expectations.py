"""Great Expectations suites derived from a Table Schema plus content expectations, run in an
ephemeral context; results as findings, Data Docs on disk, and quality points."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from audits.data.gx_run import run_suite
from audits.data.gx_suites import build_specs, day_number
from audits.data.schemas import load_schema
from audits.quality.config import load_quality_config
from audits.quality.facts import DatasetFacts
from audits.quality.indicators import data_checks

DATA = Path(__file__).resolve().parents[1] / "data" / "datafiles"
AS_OF = date(2020, 6, 1)


def test_suite_derived_from_the_schema_and_the_content_rules():
    specs = build_specs(load_schema("leased-property"), AS_OF, previous_rows=10)
    described = {(s.expectation, s.field, s.origin) for s in specs}
    assert ("ExpectColumnValuesToBeUnique", "paymentId", "schema") in described
    assert ("ExpectColumnValuesToMatchRegex", "paymentId", "schema") in described          # pattern
    assert ("ExpectColumnValuesToMatchRegex", "valueAmount", "schema") in described        # type number
    assert ("ExpectColumnValueLengthsToBeBetween", "contractUserName", "schema") in described
    assert ("ExpectColumnValuesToNotBeNull", "contractCustodianName", "content") in described  # share of empty cells
    assert ("ExpectTableRowCountToBeBetween", None, "content") in described
    dates = {s.field: s.kwargs for s in specs if s.field in ("contractDateSigned", "paymentEndDate") and s.typed}
    assert dates["contractDateSigned"] == {"column": "contractDateSigned", "min_value": day_number(date(1991, 8, 24)),
                                           "max_value": day_number(AS_OF)}
    assert "max_value" not in dates["paymentEndDate"]                               # a payment may fall due later
    # a schema minimum of 0 and "amounts not negative" are one expectation, not two
    assert sum(1 for s in specs if s.field == "valueAmount" and s.expectation == "ExpectColumnValuesToBeBetween") == 1


def test_run_on_the_every_error_file_with_data_docs(tmp_path):
    report = run_suite(DATA / "stops-every-error-kind.csv", load_schema("transport-stops"), AS_OF,
                       previous_rows=40, docs_dir=tmp_path / "docs")
    failed = {(f.field, f.value) for f in report.findings}
    assert ("lat", "content") in failed and ("lon", "content") in failed           # outside the Lutsk community
    assert (None, "content") in failed                                            # 12 rows after 40
    assert ("atuCode", "schema") in failed
    assert all(f.severity == "warning" and f.code == "gx-expectation-failed" for f in report.findings)
    lat = next(f for f in report.findings if f.field == "lat" and f.value == "content")
    assert lat.message == "Поле «lat»: широта в межах громади — не виконано (2 із 12 рядків; рядки 12, 13)."
    assert report.total == len(report.findings) + report.met and 0 < report.share < 1
    assert (tmp_path / "docs" / "index.html").is_file()


def test_clean_file_meets_every_expectation():
    schema = load_schema("transport-stops")
    report = run_suite(schema.path.parent / "valid.csv", schema, AS_OF)
    assert report.findings == [] and report.share == 1.0


def test_quality_points_from_the_share_met():
    config = load_quality_config()
    checked = data_checks.score(DatasetFacts(key="k", source="inventory", title="t", data_checks=0.8), config, None)
    assert (checked.earned, checked.possible) == (8.0, 10.0) and checked.lost
    unchecked = data_checks.score(DatasetFacts(key="k", source="inventory", title="t"), config, None)
    assert not unchecked.applies


def test_register_items_with_a_checked_file_get_data_check_points():
    from audits.quality.collect import inventory_scores

    row = {"department_code": "trans", "department_name": "Управління транспорту", "row": 5, "id": "trans-001",
           "title": "Перелік зупинок", "format": "CSV", "update_frequency": "Щокварталу", "last_updated": "2020-04-01"}
    checked, unchecked = inventory_scores([row, {**row, "id": "trans-002", "row": 6}], AS_OF, {"trans:trans-001": 0.5})
    points = {i.name: (i.earned, i.possible) for i in checked.indicators}
    assert points["data_checks"] == (5.0, 10.0)
    assert not next(i for i in unchecked.indicators if i.name == "data_checks").applies
