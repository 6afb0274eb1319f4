"""A row one cell short whose values look moved one column left (a cell was left out, not
added at the end): one ``row-shifted`` finding for the row instead of a type error per cell.

Conservative: the row has exactly one cell fewer than the header, and at least
``MIN_EVIDENCE`` of its cells fail their own field but are valid for the next column's field."""
from __future__ import annotations

from .header import Layout
from .readers import cell_readers
from .report import RawError
from .schemas import DatasetSchema

MIN_EVIDENCE = 2
REPLACED = {"type-error", "constraint-error", "missing-cell"}


def shifted_rows(short_rows: dict[int, list], layout: Layout, schema: DatasetSchema) -> dict[int, tuple[str, int]]:
    """Row number → (field, file column number) where the shift starts, for the rows that look shifted."""
    if not short_rows:
        return {}
    readers = _readers(schema)
    columns = layout.match.columns
    out = {}
    for row, cells in short_rows.items():
        evidence, start = 0, None
        for i, value in enumerate(cells):
            own, following = columns[i], columns[i + 1] if i + 1 < len(columns) else None
            if following is None or value in (None, ""):
                continue
            if _fits(readers, following, value) and not (own and _fits(readers, own, value)):
                evidence += 1
                if start is None:
                    start = i
        if evidence >= MIN_EVIDENCE and start is not None:
            out[row] = (columns[start] or "", start + 1)
    return out


def replace_shifted(errors: list[RawError], shifted: dict[int, tuple[str, int]]) -> list[RawError]:
    """The cell errors of a shifted row replaced by one ``row-shifted`` error."""
    if not shifted:
        return errors
    kept = [e for e in errors if not (e.row in shifted and e.code in REPLACED)]
    kept += [RawError(row, field or None, "row-shifted", "", None, number) for row, (field, number) in shifted.items()]
    return kept


def _readers(schema: DatasetSchema) -> dict:
    """Each field's cell reader (frictionless's default missing values): the fast path's own for
    text fields (:mod:`audits.data.readers`), else frictionless's."""
    fields = [{k: v for k, v in f.items() if not k.startswith("x-")} for f in schema.fields]
    native = cell_readers(fields, [""])
    if native is not None:
        return {f["name"]: reader for f, (_, reader, _, _) in zip(fields, native)}
    from frictionless import Schema

    fl = Schema.from_descriptor({"fields": fields})
    return {f.name: f.create_cell_reader() for f in fl.fields}


def _fits(readers: dict, field: str, value) -> bool:
    reader = readers.get(field)
    if reader is None:
        return False
    _, notes = reader(value)
    return not notes
