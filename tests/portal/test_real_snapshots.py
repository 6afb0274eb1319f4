"""The monitor on real-shaped CKAN answers: a partial search answer (count 13,786, two packages
saved), a file of two organisations, a package changed after the audit date, and hostile
counts and nesting."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from audits.portal import monitor
from audits.portal.offline import SnapshotFileError, load_snapshot

PORTAL = Path(__file__).resolve().parents[1] / "data" / "portal"
PARTIAL = PORTAL / "partial-package-search.json"
MIXED = PORTAL / "two-organizations.json"
AS_OF = date(2020, 6, 1)


def test_a_search_answer_with_more_packages_than_saved_is_partial():
    snapshot = load_snapshot(PARTIAL)
    assert (snapshot.declared, len(snapshot.packages), snapshot.partial) == (13786, 2, True)
    groups = monitor.by_organization(snapshot.packages)
    warnings = monitor.snapshot_warnings(snapshot, str(PARTIAL), groups)
    result = monitor.assess(snapshot.packages, AS_OF, str(PARTIAL), declared=snapshot.declared, warnings=warnings)
    assert result.summary["partial"] is True and result.summary["declared_packages"] == 13786
    assert result.summary["packages"] == 2
    [warning] = result.warnings
    assert warning.code == "snapshot-partial" and warning.severity == "warning"
    assert "13786" in warning.message and "у файлі їх 2" in warning.message


def test_a_partial_snapshot_claims_nothing_is_missing_from_the_portal():
    snapshot = load_snapshot(PARTIAL)
    register = [{"department_code": "fin", "row": 4, "title": "Місцеві податки", "published": True,
                 "portal_url": "https://data.gov.ua/dataset/on-another-page"}]
    partial = monitor.assess(snapshot.packages, AS_OF, str(PARTIAL), register=register, declared=snapshot.declared)
    whole = monitor.assess(snapshot.packages, AS_OF, str(PARTIAL), register=register)
    assert partial.not_on_portal == [] and len(whole.not_on_portal) == 1


def test_a_complete_search_answer_is_not_partial(tmp_path):
    data = json.loads(PARTIAL.read_text(encoding="utf-8"))
    data["result"]["count"] = 2
    path = tmp_path / "complete.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    snapshot = load_snapshot(path)
    assert not snapshot.partial and monitor.snapshot_warnings(snapshot, str(path), {"a": []}) == []


@pytest.mark.parametrize("count", ["13786", -1, True, 1.5e300, None, {"n": 1}])
def test_a_count_that_is_not_a_whole_number_is_not_trusted(tmp_path, count):
    path = tmp_path / "odd-count.json"
    path.write_text(json.dumps({"count": count, "results": [{"id": "x"}]}), encoding="utf-8")
    snapshot = load_snapshot(path)
    assert snapshot.declared is None and not snapshot.partial and len(snapshot.packages) == 1


def test_results_wrapped_too_deeply_or_nested_past_the_parser_are_refused(tmp_path):
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"result": {"result": {"result": {"results": []}}}}), encoding="utf-8")
    with pytest.raises(SnapshotFileError, match="expected a package_search response"):
        load_snapshot(wrapped)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(SnapshotFileError):
        load_snapshot(deep)


def test_a_file_of_two_organisations_is_split_by_organisation():
    packages = load_snapshot(MIXED).packages
    groups = monitor.by_organization(packages)
    assert {name: len(g) for name, g in groups.items()} == {"lutska-miska-rada": 1, "rivnenska-miska-rada": 2}
    [mixed] = monitor.snapshot_warnings(load_snapshot(MIXED), str(MIXED), groups)
    assert mixed.code == "snapshot-mixed-organizations"
    assert "lutska-miska-rada (1), rivnenska-miska-rada (2)" in mixed.message
    rivne = monitor.assess(groups["rivnenska-miska-rada"], AS_OF, str(MIXED), "rivnenska-miska-rada")
    assert rivne.organization == "rivnenska-miska-rada"
    assert {s.facts.organization for s in rivne.scores} == {"Рівненська міська рада"}


@pytest.mark.parametrize("org", ["rivnenska-miska-rada", "b51e7c02-3d4f-4a6b-8c9d-0e1f2a3b4c5d",
                                 "Рівненська міська рада", "  RIVNENSKA-MISKA-RADA "])
def test_org_picks_one_organisation_of_a_file_by_name_id_or_title(org):
    chosen = monitor.of_organization(load_snapshot(MIXED).packages, org)
    assert [p["name"] for p in chosen] == ["rivne-parkuvannia", "rivne-zupynky"]


def test_an_organisation_that_is_not_a_dict_or_is_missing_is_its_own_group():
    packages = [{"id": "a", "organization": ["odd"]}, {"id": "b", "organization": None},
                {"id": "c", "organization": "plain-name"}]
    assert {k: len(v) for k, v in monitor.by_organization(packages).items()} == {"—": 2, "plain-name": 1}
    assert monitor.organization_of(packages) == "plain-name"


def test_a_change_after_the_audit_date_is_reported_not_zero_days():
    rivne = monitor.of_organization(load_snapshot(MIXED).packages, "rivnenska-miska-rada")
    result = monitor.assess(rivne, AS_OF, str(MIXED))
    late = next(s for s in result.scores if s.facts.key.endswith("0004"))
    assert (late.timeliness.state, late.timeliness.days_since_update) == ("unknown", None)
    [warning] = [w for w in result.warnings if w.code == "changed-after-audit-date"]
    assert "«Перелік зупинок громадського транспорту» (9c8d7e6f-2222-4a5b-8c9d-000000000004)" in warning.message
    assert "01.06.2020" in warning.message and "метадані — 15.07.2020" in warning.message
    assert "— 16.07.2020" in warning.message
    answer = {p["id"]: p for p in monitor.to_json(result)["packages"]}
    stops = answer["9c8d7e6f-2222-4a5b-8c9d-000000000004"]
    assert (stops["last_update"], stops["changed_after_as_of"], stops["days_since_update"]) == (
        "2020-07-16", True, None)
    assert result.summary["changed_after_as_of"] == 1
    # the stored packages are re-scored the same way (odaudit quality)
    again = monitor.snapshot_scores([(p, None) for p in rivne], AS_OF)
    assert [s.timeliness.state for s in again] == [s.timeliness.state for s in result.scores]
    # on a later audit date the same package is simply on time
    later = monitor.assess(rivne, date(2020, 8, 1), str(MIXED))
    stops = next(s for s in later.scores if s.facts.key.endswith("0004"))
    assert not later.warnings and (stops.timeliness.state, stops.timeliness.days_since_update) == ("on-time", 16)
