"""Hostile portal snapshots through `odaudit monitor --from-file` (issue 14, item 3): nesting
past the depth limit, a file over the size limit, more packages than the package-count limit
are one line and exit 2 (nothing stored); a lone surrogate escape in one package's title skips
that package with a warning naming it, and the others are scored and stored."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from audits.json_limits import JsonLimitError, loads, max_depth
from audits.portal.offline import load_snapshot
from cli_runner import odaudit


def package(n: int, title: str = "Бюджет") -> dict:
    return {"id": f"p{n}", "name": f"budget-{n}", "title": title, "organization": {"name": "hromada"},
            "metadata_modified": "2020-05-01T10:00:00", "resources": [{"id": f"r{n}", "format": "CSV"}]}


def monitor(tmp_path: Path, content: bytes, *extra):
    saved = tmp_path / "saved.json"
    saved.write_bytes(content)
    return odaudit("monitor", "--from-file", saved, "--as-of", "2020-06-01",
                   "--db", f"sqlite:///{tmp_path / 'm.sqlite'}", *extra)


def refused(tmp_path: Path, content: bytes) -> str:
    result = monitor(tmp_path, content)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "m.sqlite").exists()
    [line] = result.stderr.strip().splitlines()
    return line


@pytest.mark.parametrize("opening", [b"[", b'{"a":'])
def test_deep_nesting_is_one_line_not_a_recursion_error(tmp_path, opening):
    closing = b"]" if opening == b"[" else b"}"
    line = refused(tmp_path, opening * 100_000 + b"1" + closing * 100_000)
    assert "nested 100000 levels deep" in line and "json_max_depth" in line


def test_a_file_over_the_size_limit_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("ODAUDIT_JSON_MAX_MB", "0.001")
    line = refused(tmp_path, json.dumps([package(n) for n in range(20)]).encode())
    assert "too large" in line and "json_max_mb" in line


def test_more_packages_than_the_limit_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("ODAUDIT_SNAPSHOT_MAX_PACKAGES", "1000")
    line = refused(tmp_path, b"[" + b",".join([b"{}"] * 1001) + b"]")
    assert "1,001 packages" in line and "snapshot_max_packages" in line


def test_empty_packages_under_the_limit_are_scored_without_a_traceback(tmp_path):
    result = monitor(tmp_path, b"[" + b",".join([b"{}"] * 200) + b"]", "--json")
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["summary"]["packages"] == 200


def test_a_lone_surrogate_skips_that_package_with_a_warning(tmp_path):
    content = json.dumps([package(1), package(2, "Бюджет \ud800 2020"), package(3)]).encode()
    assert b"\\ud800" in content
    result = monitor(tmp_path, content, "--json")
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr, result.stderr
    summary = json.loads(result.stdout)["summary"]
    assert summary["packages"] == 2
    [warning] = [w for w in summary["warnings"] if "p2" in w]
    assert "пропущено" in warning


def test_a_valid_surrogate_pair_is_kept(tmp_path):
    path = tmp_path / "pair.json"
    path.write_text(json.dumps([package(1, "Мапа \U0001F5FA")]), encoding="utf-8")   # written as \ud83d\uddfa
    snapshot = load_snapshot(path)
    assert [p["title"] for p in snapshot.packages] == ["Мапа \U0001F5FA"] and snapshot.unreadable == ()


def test_brackets_inside_strings_do_not_count_toward_the_depth():
    text = json.dumps({"title": "[" * 1000 + '\\"{' * 100, "tags": [["a"]]}).encode()
    assert max_depth(text) == 3
    assert loads(text, depth=3)["tags"] == [["a"]]
    with pytest.raises(JsonLimitError, match="nested 3 levels"):
        loads(text, depth=2)


def test_the_live_portal_is_read_with_the_same_limits(httpserver):
    from audits.portal.client import PortalClient, PortalError

    found = [package(1), package(2, "Бюджет \ud800"), 5, package(3)]
    body = json.dumps({"success": True, "result": {"count": 4, "results": found}})
    httpserver.expect_request("/api/3/action/package_search").respond_with_data(body, content_type="application/json")
    with PortalClient(httpserver.url_for("/").rstrip("/"), timeout_s=2, retries=0, min_interval_s=0) as client:
        assert [p["id"] for p in client.organization_packages("hromada")] == ["p1", "p3"]
    httpserver.clear()
    httpserver.expect_request("/api/3/action/package_search").respond_with_data("[" * 10_000 + "]" * 10_000)
    with PortalClient(httpserver.url_for("/").rstrip("/"), timeout_s=2, retries=0, min_interval_s=0) as client, \
            pytest.raises(PortalError, match="nested 10000 levels deep"):
        client.organization_packages("hromada")
