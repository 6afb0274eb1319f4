"""The templates: generated from the schema, with hints, dropdowns, checks, the department
locked, the identity embedded; a clerk filling one gets zero findings."""
from __future__ import annotations

import json
import re
import zipfile
from datetime import date

import pytest
from openpyxl import load_workbook

from audits.campaign import pipeline
from audits.campaign.config import load_campaign
from audits.inventory.schema import InventorySchema, load_schema
from audits.templates import texts
from audits.templates.build import template_spec, write_templates
from audits.templates.identity import read_identity
from audits.templates.spec import columns
from audits.validate import inspect_file
from builders import flat
from clerk import clerk_row, fill, header_columns
from conftest import DEMO

SCHEMA = load_schema()
AS_OF = date(2020, 6, 1)
ENUMS = {f["name"]: f["constraints"]["enum"] for f in SCHEMA.fields if "enum" in f.get("constraints", {})}
BOOLEANS = [f["name"] for f in SCHEMA.fields if f["type"] == "boolean"]


@pytest.fixture(scope="module")
def demo():
    return load_campaign(DEMO)


@pytest.fixture(scope="module")
def written(demo, tmp_path_factory):
    out = tmp_path_factory.mktemp("templates")
    [ukt] = write_templates(demo, out, [demo.department("ukt")])
    return ukt


def test_inventory_sheet_headers_hints_and_layout(written):
    book = load_workbook(written.xlsx)
    assert book.sheetnames == [texts.INSTRUCTIONS_SHEET, texts.INVENTORY_SHEET, texts.LISTS_SHEET, texts.META_SHEET]
    assert [ws.sheet_state for ws in book] == ["visible", "visible", "hidden", "hidden"]
    ws = book[texts.INVENTORY_SHEET]
    header, cols = header_columns(ws)
    assert header == 3 and list(cols) == SCHEMA.names
    for f in SCHEMA.fields:
        cell = ws.cell(header, cols[f["name"]])
        assert cell.value == f["title"]
        assert cell.comment.text.startswith(f["description"])
        assert cell.font.b == bool(f.get("constraints", {}).get("required"))
        assert ws.column_dimensions[cell.column_letter].width >= 12
    assert ws.freeze_panes == "B4"
    assert "Управління інформаційно-комунікаційних технологій" in ws["A2"].value and "29.05.2020" in ws["A2"].value


def test_every_enum_and_boolean_has_a_dropdown_from_the_lists_sheet(written):
    book = load_workbook(written.xlsx)
    ws, lists = book[texts.INVENTORY_SHEET], book[texts.LISTS_SHEET]
    _, cols = header_columns(ws)
    by_column = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv for dv in ws.data_validations.dataValidation}
    letter = {name: ws.cell(1, col).column_letter for name, col in cols.items()}
    for name in list(ENUMS) + BOOLEANS:
        dv = by_column[letter[name]]
        assert dv.type == "list" and str(dv.sqref) == f"{letter[name]}4:{letter[name]}5003", name
        sheet, cells = dv.formula1.split("!")
        assert sheet == f"'{texts.LISTS_SHEET}'"
        values = [c.value for row in lists[cells.replace("$", "")] for c in row]
        assert values == (ENUMS[name] if name in ENUMS else ["так", "ні"]), name
    for name in ("last_updated", "current_as_of"):
        dv = by_column[letter[name]]
        assert (dv.type, dv.operator, dv.formula1, dv.formula2) == ("date", "between", "DATE(1950,1,1)",
                                                                     "DATE(2020,6,1)")
    for name in ("records", "requests_per_year"):
        dv = by_column[letter[name]]
        assert (dv.type, dv.operator, dv.formula1) == ("whole", "greaterThanOrEqual", "0")
    prompts = {name: by_column[letter[name]].prompt for name in cols}
    assert prompts["title"] == SCHEMA.field("title")["description"]
    assert all(prompts.values())


def test_department_prefilled_and_locked_the_rest_open(written):
    ws = load_workbook(written.xlsx)[texts.INVENTORY_SHEET]
    _, cols = header_columns(ws)
    assert ws.protection.sheet is True
    dept = cols["department"]
    name = "Управління інформаційно-комунікаційних технологій"
    assert {ws.cell(r, dept).value for r in range(4, 204)} == {name}
    assert all(ws.cell(r, dept).protection.locked for r in range(4, 204))
    assert ws.cell(3, dept).protection.locked                                # the header too
    assert not any(ws.cell(r, c).protection.locked for r in (4, 203) for n, c in cols.items() if n != "department")
    assert ws.cell(204, dept).value is None


def test_identity_in_document_properties_and_hidden_sheet(written):
    expected = {"odaudit_template": "1", "odaudit_campaign": "lutsk-2020", "odaudit_department": "ukt"}
    for path in (written.xlsx, written.ods):
        found = read_identity(path, 10**8)
        assert {k: found[k] for k in expected} == expected
        assert re.fullmatch(r"[0-9a-f]{12}", found["odaudit_schema"])
    meta = load_workbook(written.xlsx)[texts.META_SHEET]
    assert {r[0]: r[1] for r in meta.iter_rows(values_only=True)}["odaudit_department"] == "ukt"


def test_instructions_carry_deadline_contact_and_a_worked_example(written, demo):
    ws = load_workbook(written.xlsx)[texts.INSTRUCTIONS_SHEET]
    rows = [[c for c in r if c is not None] for r in ws.iter_rows(values_only=True)]
    text = "\n".join(str(c) for r in rows for c in r)
    assert "29.05.2020" in text and "ikt@lutskrada.gov.ua" in text and demo.name in text
    titles = [f["title"] for f in SCHEMA.fields]
    example = {r[0]: r[3] for r in rows if len(r) == 4 and r[0] in titles}    # one column per line
    assert list(example) == titles
    assert example["Виконавчий орган"] == "Управління інформаційно-комунікаційних технологій"
    assert example["Дата останнього оновлення"].date() == date(2020, 1, 15)
    assert example["Ідентифікатор"] == "ukt-001" and example["Періодичність оновлення"] == "Щомісяця"


def test_unfilled_template_has_no_rows_and_the_reader_ignores_prefilled_department(written):
    report = inspect_file(written.xlsx, AS_OF).report
    assert (report.rows, flat(report)) == (0, [(3, None, None, "no-rows")])


def test_clerk_fills_template_and_renames_it_zero_findings(written, tmp_path):
    rows = [clerk_row(1), clerk_row(2, published="так", portal_url="https://data.gov.ua/dataset/lutsk-zvernennia"),
            clerk_row(3, language="українська, англійська", records=0, notes="=не формула")]
    saved = fill(written.xlsx, rows, tmp_path / "Перелік ІКТ остаточний (2).xlsx")
    report = inspect_file(saved, AS_OF).report
    assert report.findings == [] and report.rows == 3 and report.sheet == texts.INVENTORY_SHEET


def test_renamed_template_is_recognised_by_the_campaign(written, tmp_path):
    from campaigns import make_campaign

    directory = make_campaign(tmp_path / "c", {"ukt": "Управління ІКТ", "fin": "Департамент фінансів"},
                              slug="lutsk-2020")
    fill(written.xlsx, [clerk_row(1)], directory / "Перелік від управління.xlsx")
    (directory / "notes.xlsx").write_bytes(b"PK\x03\x04 not a zip")      # an odd file stays unassigned
    planned = {i.path.name: i.department for i in pipeline.plan(load_campaign(directory))}
    assert planned == {"Перелік від управління.xlsx": "ukt", "notes.xlsx": None}


def test_template_follows_the_schema_not_a_hand_made_list():
    """A new list field in the schema becomes a dropdown without touching the template code."""
    descriptor = json.loads(json.dumps(SCHEMA.descriptor))
    descriptor["fields"].append({"name": "licence", "title": "Ліцензія", "description": "Умови використання.",
                                 "example": "CC BY 4.0", "type": "string",
                                 "constraints": {"enum": ["CC BY 4.0", "CC0", "інша"]}})
    cols = columns(InventorySchema(descriptor), AS_OF)
    assert (cols[-1].title, cols[-1].letter, cols[-1].kind, cols[-1].choices) == (
        "Ліцензія", "X", "list", ("CC BY 4.0", "CC0", "інша"))


def test_ods_variant_has_dropdowns_locked_department_and_hints(written):
    with zipfile.ZipFile(written.ods) as archive:
        content = archive.read("content.xml").decode("utf-8")
    conditions = ods_conditions(content)
    for i, name in enumerate([n for n in SCHEMA.names if n in ENUMS or n in BOOLEANS]):
        letter = "ABCDEFG"[i]
        assert conditions[name].startswith("of:cell-content-is-in-list([$Списки.$" + letter), name
    assert conditions["records"] == "of:cell-content-is-whole-number() and cell-content()>=0"
    assert "DATE(2020;6;1)" in conditions["last_updated"]
    assert re.search(r'<table:table (?=[^>]*table:name="Інвентаризація")(?=[^>]*table:protected="true")', content)
    report = inspect_file(written.ods, AS_OF).report
    assert flat(report) == [(3, None, None, "no-rows")]


def ods_conditions(content: str) -> dict[str, str]:
    """Field name → condition of each content validation named v-<field> in an ODS content.xml."""
    from xml.etree.ElementTree import fromstring

    table = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    return {v.get(table + "name")[2:]: v.get(table + "condition")
            for v in fromstring(content.encode()).iter(table + "content-validation") if v.get(table + "condition")}


def test_template_spec_prefill_is_bounded_and_in_order(demo):
    spec = template_spec(demo, demo.department("fin"), [{"id": "a"}, {"id": "b"}], "lutsk-2019")
    assert [r["id"] for r in spec.prefill] == ["a", "b"]
    assert {r["department"] for r in spec.prefill} == {"Департамент фінансів, бюджету та аудиту"}
    assert spec.filled_rows == 202 and spec.previous == "lutsk-2019"
