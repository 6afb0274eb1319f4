"""Inventories: the one header matcher reads columns by name, title or alias in any order, the
two-row header of a national template as one header, and names what it cannot place: the field an
unknown header probably is, a header fitting two fields, values under a blank header."""
from __future__ import annotations

import copy

from audits.inventory.schema import InventorySchema, load_schema
from audits.validate import inspect_file
from builders import AS_OF, NAMES, TITLES, flat, item, values, xlsx_bytes


def inspect(tmp_path, rows, schema=None):
    path = tmp_path / "ukt.xlsx"
    path.write_bytes(xlsx_bytes([("Аркуш1", rows)]))
    return inspect_file(path, AS_OF, "ukt", schema=schema)


def test_columns_in_reverse_order_are_read_by_name(tmp_path):
    inspection = inspect(tmp_path, [TITLES[::-1], values(item(1))[::-1]])
    assert flat(inspection.report) == []
    assert inspection.rows[0].values["id"] == "ds-001"


def test_two_row_header_machine_names_above_titles(tmp_path):
    inspection = inspect(tmp_path, [NAMES, TITLES, values(item(1)), values(item(2))])
    assert flat(inspection.report) == []
    assert [r.number for r in inspection.rows] == [3, 4]


def test_an_unknown_header_says_which_field_it_probably_is(tmp_path):
    header = list(TITLES)
    header[5] = "Електронна пошта відповідальної"
    inspection = inspect(tmp_path, [header, values(item(1))])
    unknown = [f for f in inspection.report.findings if f.code == "unknown-column"]
    assert [(f.column_letter, f.column) for f in unknown] == [("F", "Електронна пошта відповідальної")]
    assert unknown[0].message.endswith("Схоже, це «Електронна пошта відповідальної особи» (responsible_email).")


def test_values_under_a_blank_header_name_the_column_by_letter_and_number(tmp_path):
    header = list(TITLES) + ["", "Ще колонка"]
    row = values(item(1)) + ["щось", ""]
    inspection = inspect(tmp_path, [header, row])
    blank = [f for f in inspection.report.findings if f.code == "blank-column"]
    assert [(f.row, f.column_letter) for f in blank] == [(1, "X")]
    assert "колонка X (24) не має заголовка" in blank[0].message and "«»" not in blank[0].message


def test_a_header_of_10000_characters_is_cut(tmp_path):
    inspection = inspect(tmp_path, [list(TITLES) + ["Ш" * 10_000], values(item(1)) + ["x"]])
    unknown = [f for f in inspection.report.findings if f.code == "unknown-column"]
    assert len(unknown) == 1 and len(unknown[0].message) < 400


def test_the_same_header_twice_uses_the_first(tmp_path):
    inspection = inspect(tmp_path, [list(TITLES) + [TITLES[1]], values(item(1)) + ["інша назва"]])
    assert [f[1:] for f in flat(inspection.report)] == [("X", "title", "duplicate-column")]
    assert inspection.rows[0].values["title"] == values(item(1))[1]


def test_a_header_fitting_two_fields_is_used_for_neither(tmp_path):
    descriptor = copy.deepcopy(load_schema().descriptor)
    for f in descriptor["fields"]:
        if f["name"] in ("purpose", "notes"):
            f["x-header-aliases"] = list(f.get("x-header-aliases", [])) + ["Коментар"]
    header = list(TITLES)
    header[7] = "коментар"
    inspection = inspect(tmp_path, [header, values(item(1))], InventorySchema(descriptor))
    found = [f for f in inspection.report.findings if f.code == "ambiguous-column"]
    assert [(f.column_letter, f.field) for f in found] == [("H", None)]
    assert "«Мета збору» (purpose), «Примітки» (notes)" in found[0].message
