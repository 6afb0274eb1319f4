"""The data-checks flow under the Prefect test harness: a campaign's files (a local file with
personal data and a remote file that fails once, then answers) checked concurrently, the
remote one retried, results stored per item so the item with personal data is blocked."""
from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from audits.store.data_checks import blocked_items
from audits.store.db import open_database, transaction
from audits.store.models import Campaign

ROOT = Path(__file__).resolve().parents[2]
STOPS = ROOT / "schemas" / "datasets" / "transport-stops" / "valid.csv"
PERSONAL = ROOT / "tests" / "data" / "privacy" / "leased-property-with-personal-data.csv"


@pytest.mark.flow
def test_flow_checks_local_and_remote_files_with_retries(prefect_harness, httpserver, tmp_path):
    from flows.data_checks import data_checks_flow

    httpserver.expect_ordered_request("/opendata/stops.csv").respond_with_data("busy", status=503)
    httpserver.expect_ordered_request("/opendata/stops.csv").respond_with_data(STOPS.read_bytes(),
                                                                              content_type="text/csv")
    folder = tmp_path / "campaign"
    (folder / "data").mkdir(parents=True)
    shutil.copy(PERSONAL, folder / "data" / "tenants.csv")
    (folder / "data-files.yaml").write_text(
        "files:\n"
        "  - {item: 'trans:trans-001', schema: transport-stops, "
        f"url: '{httpserver.url_for('/opendata/stops.csv')}'}}\n"
        "  - {item: 'mist:mist-007', file: data/tenants.csv}\n", encoding="utf-8")
    db_url = f"sqlite:///{tmp_path / 'register.sqlite'}"
    engine = open_database(db_url)
    with transaction(engine) as session:
        session.add(Campaign(slug="lutsk-2020", name="Аудит даних", year=2020))

    summary = data_checks_flow(str(folder), out=str(tmp_path / "out"), as_of=date(2020, 6, 1), expectations=True,
                               db_url=db_url, campaign="lutsk-2020", retry_delay_seconds=0)

    assert (summary["files"], summary["checked"], summary["failed"], summary["stored"]) == (2, 2, [], 2)
    by_item = {r["item"]: r for r in summary["results"]}
    assert by_item["trans:trans-001"]["valid"] is True and by_item["trans:trans-001"]["expectations_share"] == 1.0
    assert by_item["mist:mist-007"]["privacy_kinds"] == {"email": 1, "full-name": 1, "iban": 1, "phone": 1, "rnokpp": 1}
    assert len(httpserver.log) == 2                                      # failed once, retried once
    written = json.loads((tmp_path / "out" / "data-checks.json").read_text(encoding="utf-8"))
    assert written["blocked"] == [str((folder / "data" / "tenants.csv").resolve())]
    assert (tmp_path / "out" / "data-docs" / "index.html").is_file()
    with transaction(engine) as session:
        campaign_id = session.query(Campaign).one().id
        assert list(blocked_items(session, campaign_id)) == ["mist:mist-007"]

    # the next version of the stops file has 1 row where the last had 2: not yet a collapse (≥ 50 %)
    (folder / "data" / "stops.csv").write_text("stopId,stopCode,stopName,stopDesc,lat,lon,atuCode\n"
                                               "st-0001,101,Театральний майдан,Маршрут 2,50.7394,25.3253,"
                                               "UA32060110010087428\n",
                                               encoding="utf-8")
    (folder / "data-files.yaml").write_text(
        "files:\n  - {item: 'trans:trans-001', schema: transport-stops, file: data/stops.csv}\n", encoding="utf-8")
    again = data_checks_flow(str(folder), out=str(tmp_path / "out2"), as_of=date(2020, 6, 1), db_url=db_url,
                             campaign="lutsk-2020", retry_delay_seconds=0)
    [result] = again["results"]
    assert result["expectations_share"] == 1.0
    assert result["expectations"] == by_item["trans:trans-001"]["expectations"] + 1      # the row-count floor
    engine.dispose()
