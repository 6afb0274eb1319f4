"""Great Expectations suites derived from a Table Schema plus content expectations, run in an
ephemeral context; results as findings, Data Docs on disk, and quality points."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from audits.data.community import Community, parse_community
from audits.data.gx_run import run_suite
from audits.data.gx_suites import build_specs, day_number
from audits.data.schemas import load_schema
from audits.quality.config import load_quality_config
from audits.quality.facts import DatasetFacts
from audits.quality.indicators import data_checks

DATA = Path(__file__).resolve().parents[1] / "data" / "datafiles"
AS_OF = date(2020, 6, 1)
LUTSK = Community("Луцька міська територіальна громада",
                  {"lat_min": 50.60, "lat_max": 50.88, "lon_min": 25.10, "lon_max": 25.56})


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
                       previous_rows=40, docs_dir=tmp_path / "docs", community=LUTSK)
    failed = {(f.field, f.value) for f in report.findings}
    assert ("lat", "content") in failed and ("lon", "content") in failed           # outside the Lutsk community
    assert (None, "content") in failed                                            # 12 rows after 40
    assert ("atuCode", "schema") in failed
    assert all(f.severity == "warning" and f.code == "gx-expectation-failed" for f in report.findings)
    lat = next(f for f in report.findings if f.field == "lat" and f.value == "content")
    assert lat.message == ("Поле «lat»: широта в межах громади «Луцька міська територіальна громада» — не виконано "
                           "(2 із 12 рядків; рядки 12, 13).")
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


def test_without_a_community_coordinates_are_checked_against_ukraine_and_the_finding_says_so():
    report = run_suite(DATA / "stops-every-error-kind.csv", load_schema("transport-stops"), AS_OF)
    lat = next(f for f in report.findings if f.field == "lat" and "України" in f.message)
    assert "громаду не задано" in lat.message and "рядки 13" in lat.message     # 1e1 is not in Ukraine
    assert not any("Луцьк" in f.message for f in report.findings)
    # a stop of Lviv is in Ukraine: only a community's box would flag it
    lviv = [s for s in build_specs(load_schema("transport-stops"), AS_OF) if s.field == "lon" and s.typed]
    assert all(s.kwargs["min_value"] <= 24.03 <= s.kwargs["max_value"] for s in lviv)


def test_the_bundled_config_names_no_city():
    text = (Path(__file__).resolve().parents[2] / "config" / "data_checks.yaml").read_text(encoding="utf-8")
    assert "Луцьк" not in text and "50.6" not in text and "lutsk" not in text.lower()


@pytest.mark.parametrize("text", ["50.60,50.88,25.10,25.56", " 50.6 , 50.88,25.1,25.56 "])
def test_community_as_four_numbers(text):
    assert parse_community(text).bbox == LUTSK.bbox


def test_community_from_a_yaml_file_and_the_demo_campaign(tmp_path):
    from audits.campaign.config import load_campaign

    path = tmp_path / "rivne.yaml"
    path.write_text("community:\n  name: Рівненська міська територіальна громада\n"
                    "  bbox: {lat_min: 50.55, lat_max: 50.67, lon_min: 26.17, lon_max: 26.33}\n", encoding="utf-8")
    rivne = parse_community(str(path))
    assert rivne.name.startswith("Рівненська") and rivne.bbox["lon_max"] == 26.33
    demo = load_campaign(Path(__file__).resolve().parents[2] / "inventories" / "lutsk-2020").community
    assert demo == LUTSK


@pytest.mark.parametrize("text", ["50.88,50.60,25.10,25.56", "1,2,3", "nan,1,2,3", "no-such-file.yaml",
                                  "95,96,25,26"])
def test_a_community_that_is_not_a_box_is_refused(text):
    from audits.data.community import CommunityError

    with pytest.raises(CommunityError):
        parse_community(text)


def test_a_missing_required_column_is_a_failed_expectation(tmp_path):
    schema = load_schema("transport-stops")
    lines = (schema.path.parent / "valid.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    drop = next(i for i, f in enumerate(schema.fields) if f.get("constraints", {}).get("required")
                and f["name"] in header and f["name"] not in ("lat", "lon"))
    name = schema.fields[drop]["name"]
    column = header.index(name)
    import csv
    import io

    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([r[:column] + r[column + 1:] for r in rows])
    path = tmp_path / "stops-without-a-column.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    report = run_suite(path, schema, AS_OF)
    missing = [f for f in report.findings if f.field == name]
    assert len(missing) == 1 and "у файлі немає" in missing[0].message
    assert missing[0].code == "gx-expectation-failed" and report.share < 1.0
