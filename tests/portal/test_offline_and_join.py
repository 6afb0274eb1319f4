"""Offline snapshots (every accepted shape, clear errors) and joining packages to the register."""
from __future__ import annotations

import json

import pytest

from audits.portal.join import PortalIndex, catalogue_links, link_register, slug_of
from audits.portal.offline import SnapshotFileError, load_packages
from conftest import DEMO

PACKAGES = [{"id": "a1", "name": "zupynky", "title": "Перелік зупинок громадського транспорту", "resources": []},
            {"id": "b2", "name": "biudzhet", "title": "Бюджет Луцької міської територіальної громади", "resources": []}]


@pytest.mark.parametrize("shape", [
    {"success": True, "result": {"count": 2, "results": PACKAGES}},
    {"count": 2, "results": PACKAGES},
    PACKAGES,
])
def test_saved_responses_in_every_shape(tmp_path, shape):
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(shape, ensure_ascii=False), encoding="utf-8")
    assert [p["id"] for p in load_packages(path)] == ["a1", "b2"]


def test_a_package_show_response(tmp_path):
    path = tmp_path / "show.json"
    path.write_text(json.dumps({"success": True, "result": PACKAGES[0]}), encoding="utf-8")
    assert load_packages(path) == [PACKAGES[0]]


@pytest.mark.parametrize("content, message", [
    (b"{not json", "not a JSON file"), (b"\xff\xfe\x00", "not a JSON file"),
    (b'{"success": false, "error": {}}', "expected a package_search response"),
    (b'{"hello": 1}', "expected a package_search response")])
def test_unreadable_saved_responses(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(SnapshotFileError, match=message):
        load_packages(path)


def test_the_demo_snapshot_is_a_package_search_response():
    packages = load_packages(DEMO / "portal" / "package_search.json")
    assert len(packages) == 12 and all(p["organization"]["name"] == "lutska-miska-rada" for p in packages)


def test_slug_of_portal_links():
    assert [slug_of(u) for u in ("https://data.gov.ua/dataset/zupynky", "https://data.gov.ua/dataset/A1/resource/x",
                                 "http://data.gov.ua/dataset/zupynky?x=1#top", "https://example.org/", None)] \
        == ["zupynky", "a1", "zupynky", None, None]


def row(dept, number, title, url=None):
    return {"department_code": dept, "row": number, "title": title, "portal_url": url, "published": bool(url)}


def test_register_rows_join_by_link_then_by_title_and_a_package_is_one_item():
    index = PortalIndex.of(PACKAGES)
    links = link_register([row("trans", 5, "Зупинки", "https://data.gov.ua/dataset/zupynky"),
                           row("trans", 6, "Перелік зупинок громадського транспорту (архів)"),
                           row("fin", 4, "Бюджет Луцької міської територіальної громади на 2020 рік"),
                           row("fin", 7, "Результати внутрішнього аудиту", "https://data.gov.ua/dataset/nope")], index)
    assert [(x.package_id, x.department, x.row, x.method) for x in links] == [
        ("a1", "trans", 5, "link"), ("b2", "fin", 4, "title")]


def test_packages_link_to_catalogue_items_only_when_confident():
    packages = PACKAGES + [{"id": "c3", "title": "Перелік паркувальних майданчиків"}]
    assert catalogue_links(packages) == {"c3": "oms-19"}


def test_a_package_matched_by_two_titles_goes_to_the_best_and_a_tie_to_none():
    index = PortalIndex.of([{"id": "v", "title": "Перелік громадських вбиралень (архів 2017)"},
                            {"id": "m", "title": "Перелік дитячих майданчиків"}])
    links = link_register([row("zhkg", 5, "Перелік громадських вбиралень"),
                           row("zhkg", 17, "Перелік громадських вбиралень (архів 2017)"),
                           row("zhkg", 6, "Перелік дитячих майданчиків"),
                           row("osv", 6, "Перелік дитячих майданчиків")], index)
    assert [(x.package_id, x.department, x.row) for x in links] == [("v", "zhkg", 17)]
