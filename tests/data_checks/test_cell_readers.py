"""The fast path's own reader for text fields gives what frictionless's reader gives, cell by cell."""
from __future__ import annotations

import pytest
from frictionless import Schema

from audits.data.readers import cell_readers

FIELDS = [
    {"name": "uid", "type": "string",
     "constraints": {"required": True, "pattern": r"[0-9A-Za-zА-ЯІЇЄҐа-яіїєґ._/-]{1,64}"}},
    {"name": "code", "constraints": {"pattern": r"\d{8}", "minLength": 8}},          # type left out: string
    {"name": "either", "type": "string", "constraints": {"pattern": "a|b"}},        # anchored as frictionless does
    {"name": "name", "type": "string", "constraints": {"required": True, "maxLength": 5}},
    {"name": "kind", "type": "string", "constraints": {"enum": ["так", "ні"], "required": False}},
    {"name": "free", "type": "string"},
]
CELLS = ["", "NA", "n/a", " ", "12345678", "1234567", "12345678\n", "a", "b", "ab", "xb", "так", "Так",
         "ні ", "довгий рядок", "ev-1", "ev 1", "x" * 65, "ІЇЄҐ", "\u00a0", "-", "None"]


@pytest.mark.parametrize("missing", [[""], ["", "NA", "n/a"], ["NA"]])
def test_the_same_value_and_notes_as_frictionless(missing):
    ours = cell_readers(FIELDS, missing)
    assert ours is not None
    theirs = Schema.from_descriptor({"fields": FIELDS, "missingValues": missing}).fields
    for (ftype, reader, _, constraints), field in zip(ours, theirs):
        assert ftype == field.type
        assert constraints == {k: v for k, v in field.constraints.items()
                               if k in field.supported_constraints and v is not None}
        fl = field.create_cell_reader()
        for cell in CELLS:
            assert reader(cell) == fl(cell), (field.name, cell)


@pytest.mark.parametrize("field", [
    {"name": "n", "type": "integer"},
    {"name": "u", "type": "string", "format": "uri"},
    {"name": "p", "type": "string", "constraints": {"pattern": "("}},              # does not compile
    {"name": "m", "type": "string", "constraints": {"maxLength": "5"}},            # not a number
    {"name": "r", "type": "string", "constraints": {"required": "yes"}},
    {"name": "e", "type": "string", "constraints": {"enum": [1, 2]}},
    {"name": 7, "type": "string"},
])
def test_anything_else_is_left_to_frictionless(field):
    assert cell_readers([FIELDS[0], field], [""]) is None


def test_labelled_missing_values_are_left_to_frictionless():
    assert cell_readers(FIELDS, [{"value": "", "label": "empty"}]) is None
