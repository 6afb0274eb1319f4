"""The templates in LibreOffice itself (Debian's libreoffice-calc, headless): the .xlsx opens and
keeps its dropdowns, checks and identity when converted to .ods; the .ods opens and keeps them
when converted to .xlsx, and a clerk filling that file gets zero findings.

Required in CI (CI=true; .ci/run installs LibreOffice when it is missing); skipped elsewhere
when LibreOffice is not installed."""
from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from audits.campaign.config import load_campaign
from audits.inventory.schema import load_schema
from audits.templates import texts
from audits.templates.build import write_templates
from audits.templates.identity import read_identity
from audits.validate import inspect_file
from clerk import clerk_row, fill, header_columns
from conftest import DEMO

SCHEMA = load_schema()
LISTED = [f["name"] for f in SCHEMA.fields if "enum" in f.get("constraints", {}) or f["type"] == "boolean"]


def libreoffice() -> str:
    found = shutil.which("libreoffice") or shutil.which("soffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is required in CI (.ci/run installs libreoffice-calc)")
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc)")
    return found


def convert(source: Path, to: str, tmp_path: Path) -> Path:
    """``libreoffice --headless --convert-to`` with a profile of its own (parallel runs never share one)."""
    outdir = tmp_path / f"converted-{to}"
    result = subprocess.run([libreoffice(), f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
                             "--convert-to", to, "--outdir", str(outdir), str(source)],
                            capture_output=True, text=True, timeout=300)
    converted = outdir / f"{source.stem}.{to}"
    assert converted.is_file(), result.stdout + result.stderr
    return converted


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    config = load_campaign(DEMO)
    [ukt] = write_templates(config, tmp_path_factory.mktemp("t"), [config.department("ukt")])
    return ukt


def test_xlsx_template_keeps_its_dropdowns_in_libreoffice(written, tmp_path):
    ods = convert(written.xlsx, "ods", tmp_path)
    with zipfile.ZipFile(ods) as archive:
        conditions = ods_conditions_by_column(archive.read("content.xml").decode("utf-8"))
    assert sorted(c for c in conditions if "cell-content-is-in-list" in c) == sorted(
        f"of:cell-content-is-in-list([$Списки.${letter}$1:.${letter}${n}])"
        for letter, n in zip("ABCDEFG", [len(SCHEMA.field(name).get("constraints", {}).get("enum", ["так", "ні"]))
                                          for name in LISTED]))
    assert sum("cell-content-is-date()" in c for c in conditions) == 1          # one check shared by both date columns
    assert sum("cell-content-is-whole-number()" in c for c in conditions) == 1
    assert read_identity(ods, 10**8)["odaudit_department"] == "ukt"
    assert inspect_file(ods, date(2020, 6, 1)).report.rows == 0                # the prefilled department is no row


def ods_conditions_by_column(content: str) -> list[str]:
    """The distinct validation conditions LibreOffice wrote (it names validations val1, val2, ...)."""
    from xml.etree.ElementTree import fromstring

    table = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    return sorted({v.get(table + "condition") for v in fromstring(content.encode()).iter(table + "content-validation")
                   if v.get(table + "condition")})


def test_ods_template_opens_in_libreoffice_keeps_dropdowns_and_round_trips(written, tmp_path):
    xlsx = convert(written.ods, "xlsx", tmp_path)
    book = load_workbook(xlsx)
    assert [ws.sheet_state for ws in book] == ["visible", "visible", "hidden", "hidden"]
    ws = book[texts.INVENTORY_SHEET]
    _, cols = header_columns(ws)
    kinds = {str(dv.sqref).split(":")[0]: dv.type for dv in ws.data_validations.dataValidation}
    letters = {name: ws.cell(1, col).column_letter for name, col in cols.items()}
    assert {name: kinds.get(f"{letters[name]}4") for name in LISTED} == {name: "list" for name in LISTED}
    assert kinds[f"{letters['last_updated']}4"] == "date" and kinds[f"{letters['records']}4"] == "whole"
    assert ws.protection.sheet and ws.cell(4, cols["department"]).protection.locked
    assert read_identity(xlsx, 10**8)["odaudit_campaign"] == "lutsk-2020"
    saved = fill(xlsx, [clerk_row(1), clerk_row(2, records=7)], tmp_path / "заповнений.xlsx")
    report = inspect_file(saved, date(2020, 6, 1)).report
    assert (report.rows, report.findings) == (2, [])
