"""The dataset Table Schemas: each names a Resolution 835 item a council owes, has Ukrainian
titles and a primary key, accepts its valid sample and rejects its invalid one (both paths)."""
from __future__ import annotations

import re

import pytest

from audits.catalogue.catalogue import load_catalogue
from audits.data.schemas import all_schemas, load_schema, schema_names
from audits.data.validate import validate_file

COUNCIL_ITEMS = {item.id for item in load_catalogue("council")}
CYRILLIC = re.compile(r"[А-ЯІЇЄҐа-яіїєґ]")


def test_at_least_twelve_schemas_each_for_a_different_item():
    items = [s.catalogue for s in all_schemas()]
    assert len(items) >= 12
    assert len(set(items)) == len(items)


@pytest.mark.parametrize("name", schema_names())
def test_schema_names_its_item_and_speaks_ukrainian(name):
    schema = load_schema(name)
    assert schema.catalogue in COUNCIL_ITEMS
    assert CYRILLIC.search(schema.title)
    assert all(CYRILLIC.search(f["title"]) for f in schema.fields)
    assert schema.primary_key and set(schema.primary_key) <= set(schema.field_names)
    for sample in ("valid.csv", "invalid.csv"):
        assert (schema.path.parent / sample).is_file()


@pytest.mark.parametrize("name", schema_names())
def test_valid_sample_passes_and_invalid_sample_fails_on_both_paths(name):
    schema = load_schema(name)
    folder = schema.path.parent
    for engine in ("fast", "frictionless"):
        assert validate_file(folder / "valid.csv", schema, engine).findings == [], engine
    fast = validate_file(folder / "invalid.csv", schema, "fast")
    reference = validate_file(folder / "invalid.csv", schema, "frictionless")
    assert fast.keys() and fast.keys() == reference.keys()
    assert not fast.valid


def test_invalid_transport_stops_exactly():
    schema = load_schema("transport-stops")
    report = validate_file(schema.path.parent / "invalid.csv", schema)
    assert report.keys() == [
        (2, "lon", "type-error"), (2, "atuCode", "constraint-error"),
        (3, "stopName", "constraint-error"), (3, "lat", "type-error"),
        (3, "stopId", "unique-error"), (3, None, "primary-key"),
    ]
    assert report.findings[0].message == (
        "Рядок 2, поле «Географічна довгота»: «25,3253» — це не число. Приклад правильного значення: «12.5».")


def test_every_shipped_pattern_is_worded_for_a_clerk():
    """A pattern error names what to write, not only the regular expression: every pattern of the
    shipped schemas is in messages.PATTERN_UK (or its field says it in x-pattern-uk)."""
    from audits.data.schemas import all_schemas
    from audits.messages import PATTERN_UK

    bare = [(s.name, f["name"]) for s in all_schemas() for f in s.fields
            if f.get("constraints", {}).get("pattern") not in (None, *PATTERN_UK) and not f.get("x-pattern-uk")]
    assert bare == []


def test_a_pattern_error_says_what_to_write(tmp_path):
    from audits.data.schemas import load_schema
    from audits.data.validate import validate_file

    csv = tmp_path / "stations.csv"
    csv.write_text("uid,ownerName,ownerId,ownerTelephone,ownerEmail\nev-1,ТОВ «Тока»,4123456,050 123 45 67,a@b.ua\n",
                   encoding="utf-8")
    messages = {f.field: f.message for f in validate_file(csv, load_schema("ev-charging")).findings}
    assert messages["ownerId"].endswith("«4123456» не відповідає шаблону \\d{8}: потрібно 8 цифр коду ЄДРПОУ, "
                                        "наприклад 41234567.")
    assert "потрібно номер у форматі +380 і 9 цифр" in messages["ownerTelephone"]
