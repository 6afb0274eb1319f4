"""Templates carry the department's accepted items of the previous campaign (from the register,
SQLite and PostgreSQL), and the odaudit template command's contract."""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import yaml
from openpyxl import load_workbook

from audits.campaign import pipeline
from audits.campaign.config import load_campaign
from audits.campaign.verbs import previous_items
from audits.store.db import open_database
from audits.templates import texts
from audits.templates.build import write_templates
from audits.validate import inspect_file
from campaigns import good_row, make_campaign, write_inventory
from clerk import clerk_row, fill, header_columns
from cli_runner import odaudit

AS_OF = date(2020, 6, 1)


def store_previous(tmp_path: Path, db_url: str) -> None:
    """Campaign test-2019: ukt accepted with two items, fin sent a file with errors."""
    directory = make_campaign(tmp_path / "c2019", {"ukt": "Управління ІКТ", "fin": "Департамент фінансів"},
                              slug="test-2019")
    set_year(directory, 2019)
    write_inventory(directory / "ukt.xlsx", [good_row(1, notes="@SUM(1+1)*cmd"),
                                             good_row(2, published="так", portal_url="https://data.gov.ua/dataset/x")])
    write_inventory(directory / "fin.xlsx", [good_row(1, responsible_email="ні")])
    config = load_campaign(directory)
    engine = open_database(db_url)
    try:
        pipeline.audit(engine, config, AS_OF, datetime(2019, 5, 20))
    finally:
        engine.dispose()


def set_year(directory: Path, year: int) -> None:
    path = directory / "campaign.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump({**raw, "year": year}, allow_unicode=True), encoding="utf-8")


def new_campaign(tmp_path: Path):
    directory = make_campaign(tmp_path / "c2020", {"ukt": "Управління ІКТ", "fin": "Департамент фінансів"},
                              slug="test-2020")
    return directory, load_campaign(directory)


def test_previous_items_prefill_the_template_and_it_validates_clean(tmp_path, db_url):
    store_previous(tmp_path, db_url)
    _, config = new_campaign(tmp_path)
    found, items = previous_items(db_url, config, AS_OF)
    assert found == "test-2019" and list(items) == ["ukt"]            # fin had no accepted file
    [ukt, fin] = write_templates(config, tmp_path / "t", list(config.departments), found, items)
    assert (ukt.prefilled, fin.prefilled) == (2, 0)

    ws = load_workbook(ukt.xlsx)[texts.INVENTORY_SHEET]
    header, cols = header_columns(ws)
    assert [ws.cell(header + 1 + i, cols["id"]).value for i in range(3)] == ["ds-001", "ds-002", None]
    row2 = {name: ws.cell(header + 2, col).value for name, col in cols.items()}
    assert row2["department"] == "Управління ІКТ" and row2["published"] == "так"
    assert row2["last_updated"].date() == date(2020, 3, 1) and row2["records"] == 120
    notes = ws.cell(header + 1, cols["notes"])
    assert (notes.value, notes.data_type) == ("@SUM(1+1)*cmd", "s")     # as the department wrote it, a text cell

    as_sent = inspect_file(ukt.xlsx, AS_OF).report
    assert (as_sent.rows, as_sent.findings) == (2, [])
    updated = fill(ukt.xlsx, [{"last_updated": date(2020, 5, 4)}], tmp_path / "ukt.xlsx")      # update a row
    fill(updated, [clerk_row(3)], updated, start=2)                                              # add one
    report = inspect_file(updated, AS_OF).report
    assert (report.rows, report.findings) == (3, [])


def test_no_database_file_means_nothing_to_carry_over(tmp_path):
    _, config = new_campaign(tmp_path)
    assert previous_items(f"sqlite:///{tmp_path / 'none.sqlite'}", config, AS_OF) == (None, {})
    assert not (tmp_path / "none.sqlite").exists()


def test_template_command_json_and_exit_codes(tmp_path):
    directory, _ = new_campaign(tmp_path)
    db = f"sqlite:///{tmp_path / 'r.sqlite'}"
    result = odaudit("template", "--campaign", directory, "--out", tmp_path / "out", "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert (out["campaign"], out["previous"]) == ("test-2020", None)
    assert [(t["department"], Path(t["xlsx"]).name, Path(t["ods"]).name, t["prefilled"]) for t in out["templates"]] == [
        ("ukt", "ukt_test-2020.xlsx", "ukt_test-2020.ods", 0), ("fin", "fin_test-2020.xlsx", "fin_test-2020.ods", 0)]
    one = odaudit("template", "--campaign", directory, "--department", "fin", "--out", tmp_path / "one", "--db", db)
    assert one.returncode == 0 and sorted(p.name for p in (tmp_path / "one").iterdir()) == [
        "fin_test-2020.ods", "fin_test-2020.xlsx"]
    for bad in (["--department", "nope"], ["--previous", "test-1999"]):
        failed = odaudit("template", "--campaign", directory, "--out", tmp_path / "x", "--db", db, *bad)
        assert failed.returncode == 2 and "Traceback" not in failed.stderr, bad
    assert odaudit("template", "--campaign", tmp_path / "missing", "--out", tmp_path / "x").returncode == 2
