"""A second council on an installation that already holds the demo (Lutsk): its templates carry
nothing of Lutsk (no items, people, addresses or examples), carry-over comes from its own earlier
campaign only, and --no-previous switches it off. SQLite and PostgreSQL."""
from __future__ import annotations

import json
import zipfile
from datetime import date, datetime
from pathlib import Path

import yaml

from audits.campaign import pipeline
from audits.campaign.config import load_campaign
from audits.store.db import open_database
from audits.templates import texts
from campaigns import good_row, write_inventory
from cli_runner import odaudit

DEPARTMENTS = {"fin": "Фінансовий відділ", "osv": "Відділ освіти", "zhkg": "Відділ житлово-комунального господарства",
               "ist": "Загальний відділ"}
DOMAIN = "kivertsi-rada.gov.ua"


def council_folder(root: Path, slug: str, year: int) -> Path:
    """A small hromada's campaign: four departments, its own council block."""
    directory = root / slug
    directory.mkdir(parents=True)
    config = {"campaign": slug, "name": f"Аудит даних виконавчих органів Ківерцівської міської ради, {year}",
              "city": "Ківерці", "year": year, "as_of": f"{year}-06-01", "deadline": f"{year}-05-29",
              "council": {"name": "Ківерцівська міська рада", "domain": DOMAIN},
              "contact": {"name": "Загальний відділ", "email": f"info@{DOMAIN}"},
              "departments": [{"code": code, "name": name, "contact": {"person": "Іваненко Марія",
                                                                         "email": f"{code}@{DOMAIN}"}}
                              for code, name in DEPARTMENTS.items()]}
    (directory / "campaign.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return directory


def lutsk_in(path: Path) -> list[str]:
    """Every part of the .xlsx/.ods (a zip of XML) that mentions Lutsk."""
    with zipfile.ZipFile(path) as archive:
        return [name for name in archive.namelist()
                if any(word in archive.read(name).decode("utf-8", "replace").casefold()
                       for word in ("луцьк", "lutsk"))]


def templates(directory: Path, db: str, out: Path, *more) -> dict:
    result = odaudit("template", "--campaign", directory, "--out", out, "--db", db, "--json", *more)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_new_council_gets_nothing_of_lutsk(tmp_path, demo_db_url):
    directory = council_folder(tmp_path, "kivertsi-2021", 2021)
    written = templates(directory, demo_db_url, tmp_path / "t")
    assert written["previous"] is None                              # lutsk-2020 is another council's
    assert sorted(t["department"] for t in written["templates"]) == sorted(DEPARTMENTS)
    assert all(t["prefilled"] == 0 for t in written["templates"])
    for t in written["templates"]:
        assert lutsk_in(Path(t["xlsx"])) == [] and lutsk_in(Path(t["ods"])) == [], t
    from openpyxl import load_workbook

    instructions = load_workbook(written["templates"][0]["xlsx"])[texts.INSTRUCTIONS_SHEET]
    cells = [str(c.value) for row in instructions.iter_rows() for c in row if c.value]
    assert f"o.kovalenko@{DOMAIN}" in cells                         # the example is its own council's

    refused = odaudit("template", "--campaign", directory, "--out", tmp_path / "x", "--db", demo_db_url,
                      "--previous", "lutsk-2020")
    assert refused.returncode == 2 and "belongs to another council" in refused.stderr
    assert "Traceback" not in refused.stderr and not (tmp_path / "x").exists()
    unknown = odaudit("template", "--campaign", directory, "--out", tmp_path / "x", "--db", demo_db_url,
                      "--previous", "nope")
    assert unknown.returncode == 2 and unknown.stderr.strip() == (
        "odaudit: cannot run: no campaign 'nope' in the database; stored: lutsk-2020")


def test_the_second_round_carries_its_own_items_over_unless_told_not_to(tmp_path, demo_db_url):
    first = council_folder(tmp_path, "kivertsi-2021", 2021)
    write_inventory(first / "fin.xlsx", [good_row(n, department=DEPARTMENTS["fin"], responsible_email=f"o.k@{DOMAIN}",
                                                  responsible_person="Іваненко Марія") for n in (1, 2)])
    engine = open_database(demo_db_url)
    try:
        pipeline.audit(engine, load_campaign(first), date(2021, 6, 1), datetime(2021, 6, 1, 9))
    finally:
        engine.dispose()
    second = council_folder(tmp_path, "kivertsi-2022", 2022)
    written = templates(second, demo_db_url, tmp_path / "t")
    assert written["previous"] == "kivertsi-2021"
    assert {t["department"]: t["prefilled"] for t in written["templates"]} == {"fin": 2, "osv": 0, "zhkg": 0, "ist": 0}
    assert all(lutsk_in(Path(t["xlsx"])) == [] for t in written["templates"])
    empty = templates(second, demo_db_url, tmp_path / "e", "--no-previous")
    assert empty["previous"] is None and all(t["prefilled"] == 0 for t in empty["templates"])
