"""The CKAN client against a real local HTTP server serving recorded-shape responses."""
from __future__ import annotations

import json
import time

import pytest
from werkzeug import Response

from audits.portal.client import PortalClient, PortalError

ORG = "lutska-miska-rada"


def packages(n: int, start: int = 0) -> list[dict]:
    return [{"id": f"id-{i:03d}", "name": f"ds-{i:03d}", "title": f"Набір {i}", "resources": []}
            for i in range(start, start + n)]


def search_page(request) -> Response:
    start, rows = int(request.args["start"]), int(request.args["rows"])
    assert request.args["fq"] == f"organization:{ORG}"
    body = {"success": True, "result": {"count": 7, "results": packages(max(0, min(rows, 7 - start)), start)}}
    return Response(json.dumps(body), content_type="application/json")


def client(httpserver, **options) -> PortalClient:
    defaults = {"timeout_s": 2, "retries": 2, "backoff_s": 0.01, "min_interval_s": 0, "page_size": 3}
    return PortalClient(httpserver.url_for("/").rstrip("/"), **{**defaults, **options})


def test_package_search_pages_through_every_package(httpserver):
    httpserver.expect_request("/api/3/action/package_search").respond_with_handler(search_page)
    with client(httpserver) as c:
        found = c.organization_packages(ORG)
    assert [p["name"] for p in found] == [f"ds-{i:03d}" for i in range(7)]
    assert [int(r.args["start"]) for r, _ in httpserver.log] == [0, 3, 6]


def test_an_organisation_id_is_searched_as_owner_org(httpserver):
    org_id = "2f4c1a52-6b1e-4c57-9a3e-0c1d2e3f4a5b"
    httpserver.expect_request("/api/3/action/package_search", query_string={
        "fq": f"owner_org:{org_id}", "rows": "3", "start": "0", "sort": "name asc", "include_private": "false"}
    ).respond_with_json({"success": True, "result": {"count": 1, "results": packages(1)}})
    with client(httpserver) as c:
        assert len(c.organization_packages(org_id)) == 1


def test_package_show(httpserver):
    httpserver.expect_request("/api/3/action/package_show", query_string={"id": "ds-001"}).respond_with_json(
        {"success": True, "result": packages(1, 1)[0]})
    with client(httpserver) as c:
        assert c.package_show("ds-001")["title"] == "Набір 1"


def test_a_500_is_retried_then_succeeds(httpserver):
    httpserver.expect_ordered_request("/api/3/action/package_show").respond_with_data("oops", status=500)
    httpserver.expect_ordered_request("/api/3/action/package_show").respond_with_json(
        {"success": True, "result": {"id": "x"}})
    with client(httpserver) as c:
        assert c.package_show("x") == {"id": "x"}
    assert len(httpserver.log) == 2


def test_a_portal_that_keeps_failing_is_a_clear_error(httpserver):
    httpserver.expect_request("/api/3/action/package_search").respond_with_data("down", status=503)
    with client(httpserver) as c, pytest.raises(PortalError, match=r"HTTP 503 after 3 attempts.*--from-file"):
        c.organization_packages(ORG)
    assert len(httpserver.log) == 3


def test_a_timeout_is_retried_and_reported(httpserver):
    def slow(request):
        time.sleep(0.6)
        return Response("{}", content_type="application/json")

    httpserver.expect_request("/api/3/action/package_show").respond_with_handler(slow)
    with client(httpserver, timeout_s=0.2, retries=1) as c, pytest.raises(PortalError, match="no answer within 0.2 s"):
        c.package_show("x")


def test_malformed_json_is_a_clear_error(httpserver):
    httpserver.expect_request("/api/3/action/package_search").respond_with_data('{"success": true, "resu',
                                                                                content_type="application/json")
    with client(httpserver) as c, pytest.raises(PortalError, match="not JSON"):
        c.organization_packages(ORG)


def test_ckan_refusal_is_reported_with_its_error(httpserver):
    httpserver.expect_request("/api/3/action/package_show").respond_with_json(
        {"success": False, "error": {"message": "Not found", "__type": "Not Found Error"}}, status=404)
    with client(httpserver) as c, pytest.raises(PortalError, match="refused package_show .HTTP 404.*Not found"):
        c.package_show("nope")


def test_an_unreachable_portal_is_a_clear_error():
    with PortalClient("http://127.0.0.1:9", timeout_s=1, retries=1, backoff_s=0.01, min_interval_s=0) as c, \
            pytest.raises(PortalError, match="cannot connect"):
        c.package_show("x")


def test_requests_are_spaced_by_the_polite_interval(httpserver):
    httpserver.expect_request("/api/3/action/package_search").respond_with_handler(search_page)
    with client(httpserver, min_interval_s=0.05) as c:
        started = time.monotonic()
        c.organization_packages(ORG)
    assert time.monotonic() - started >= 0.1        # three requests, two pauses between them
