"""The cell readers the fast path asks about the cells its vectorised tests cannot clear.

For a plain text field (type string, default format, constraints of the usual types) the reader
is a copy of frictionless's own (``frictionless.schema.field.Field.create_cell_reader`` with the
string field's value reader, frictionless 5.18): the same missing values, the same constraint
order, the same anchored pattern and the same note texts, so a cell is reported exactly as
frictionless would (tests/data_checks/test_readers.py compares the two cell by cell). It spares
a file whose fields are all text the 0.16 s of importing frictionless. Every other field gets
frictionless's reader."""
from __future__ import annotations

import re
from typing import Any, Callable

STRING_CONSTRAINTS = ("required", "minLength", "maxLength", "pattern", "enum")   # frictionless's order

Reader = Callable[[Any], tuple[Any, dict | None]]


def cell_readers(fields: list[dict], missing_values: list) -> list[tuple[str, Reader, Reader, dict]] | None:
    """Per field: (type, cell reader, value reader, the constraints the reader checks); None when a
    field needs frictionless's own readers."""
    if not all(isinstance(v, str) for v in missing_values):
        return None
    out = []
    for field in fields:
        native = _string_reader(field, missing_values)
        if native is None:
            return None
        out.append(native)
    return out


def _string_reader(field: dict, missing_values: list[str]):
    if not isinstance(field.get("name"), str) or field.get("type", "string") != "string" or field.get("format", "default") != "default" \
            or not isinstance(field.get("constraints", {}), dict):
        return None
    given = field.get("constraints", {})
    constraints = {name: given[name] for name in STRING_CONSTRAINTS if given.get(name) is not None}
    checks = []
    for name, value in constraints.items():
        check = _check(name, value)
        if check is None:
            return None
        checks.append((name, check, f'constraint "{name}" is "{value}"'))
    missing = set(missing_values)

    def cell_reader(cell: Any):
        notes = None
        if str(cell) in missing:
            cell = None
        for name, check, note in checks:
            if not check(cell):
                notes = notes or {}
                notes[name] = note
        return cell, notes

    return "string", cell_reader, _same, constraints


def _same(cell: Any):
    return cell


def _check(name: str, value) -> Callable[[Any], bool] | None:
    """frictionless's check_<name> for a constraint value of the type it expects, else None."""
    if name == "required":
        return (lambda cell: cell is not None) if value is True else (lambda cell: True) if value is False else None
    if name in ("minLength", "maxLength"):
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        if name == "minLength":
            return lambda cell: cell is None or len(cell) >= value
        return lambda cell: cell is None or len(cell) <= value
    if name == "pattern":
        if not isinstance(value, str):
            return None
        try:
            compiled = re.compile("^{0}$".format(value))
        except re.error:
            return None
        return lambda cell: cell is None or bool(compiled.match(cell))
    if name == "enum":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return None
        return lambda cell: cell is None or cell in value
    return None
