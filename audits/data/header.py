"""A data file's header matched to its dataset schema by name (never by position), for both
engines and the expectation suite: which file column is which field, what the header says
wrong (as :class:`RawError`, turned into findings in :mod:`audits.data.report`), and the
descriptor frictionless gets for this file (its columns in the file's order)."""
from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from ..files import regular
from ..inventory.header_match import (
    AMBIGUOUS,
    BLANK,
    DUPLICATE,
    MISSING,
    SUGGEST_AT_MOST,
    UNKNOWN,
    HeaderMatch,
    Matcher,
    matcher_of,
)
from .report import RawError
from .schemas import DatasetSchema
from .sniff import sniff

CSV_SUFFIXES = {".csv", ".tsv", ".txt"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
PLACEHOLDER = "_odaudit_column_"     # frictionless name of a file column no field owns (its errors are dropped)
HEADER_CODES = {UNKNOWN: "unknown-field-column", MISSING: "missing-field-column", DUPLICATE: "duplicate-field-column",
                AMBIGUOUS: "ambiguous-column", BLANK: "blank-column"}
UNKNOWN_FINDINGS = SUGGEST_AT_MOST   # unknown columns reported one by one; the rest in one finding


@dataclass(frozen=True)
class Layout:
    """The file's columns as the engines read them."""
    match: HeaderMatch

    @property
    def width(self) -> int:
        return len(self.match.columns)

    @property
    def header_rows(self) -> int:
        return self.match.header_rows

    def names(self) -> list[str]:
        """One unique name per file column: its field, or a placeholder."""
        return [c if c is not None else f"{PLACEHOLDER}{i + 1}" for i, c in enumerate(self.match.columns)]

    def position(self, field: str) -> int | None:
        return self.match.positions.get(field)


def matcher(schema: DatasetSchema) -> Matcher:
    """The schema's matcher, built once per loaded schema."""
    return matcher_of(schema, schema.fields)


def header_cells(path: Path) -> tuple[list, list]:
    """The first two rows of a CSV or a workbook's first sheet, as written."""
    path = Path(path)
    if path.suffix.lower() in EXCEL_SUFFIXES:
        return _excel_rows(path)
    fmt = sniff(path)
    return fmt.header, fmt.second


def _excel_rows(path: Path) -> tuple[list, list]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(regular(path), read_only=True, data_only=True)
    except Exception as exc:  # a broken workbook is a source-error finding, whatever openpyxl raises
        raise ValueError(f"{type(exc).__name__}: {exc}"[:200]) from exc
    try:
        rows = [list(r) for r in book.worksheets[0].iter_rows(min_row=1, max_row=2, values_only=True)]
    finally:
        book.close()
    rows += [[], []]
    return _trim(rows[0]), _trim(rows[1])


def _trim(cells: list) -> list:
    cells = ["" if c is None else str(c) for c in cells]
    while cells and not cells[-1].strip():
        cells.pop()
    return cells


def file_layout(path: Path, schema: DatasetSchema) -> Layout:
    first, second = header_cells(path)
    return Layout(matcher(schema).match(first, second))


def header_errors(layout: Layout, schema: DatasetSchema) -> list[RawError]:
    """The header's findings as RawErrors: row None, ``cell`` the label, ``field_number`` the
    1-based file column; an unknown column's suggestion in ``note``. No field matched at all:
    one ``no-field-columns`` error instead of one per column."""
    match = layout.match
    if match.matched == 0:
        return [RawError(None, None, "no-field-columns")]
    errors, unknown = [], 0
    for issue in match.issues:
        number = issue.index + 1 if issue.index is not None else None
        if issue.kind == UNKNOWN:
            unknown += 1
            if unknown > UNKNOWN_FINDINGS:
                continue
            errors.append(RawError(None, None, HEADER_CODES[UNKNOWN], issue.field or "", issue.label, number))
        elif issue.kind == AMBIGUOUS:
            errors.append(RawError(None, None, HEADER_CODES[AMBIGUOUS], ", ".join(issue.candidates), issue.label, number))
        else:
            errors.append(RawError(None, issue.field, HEADER_CODES[issue.kind], "", issue.label, number))
    if unknown > UNKNOWN_FINDINGS:
        first = next(i for n, i in enumerate(x for x in match.issues if x.kind == UNKNOWN) if n == UNKNOWN_FINDINGS)
        errors.append(RawError(None, None, "more-unknown-columns", str(unknown - UNKNOWN_FINDINGS), None,
                               first.index + 1))
    return errors


def file_descriptor(layout: Layout, schema: DatasetSchema, keys: tuple[str, ...]) -> dict:
    """The schema as it fits this file: its fields in the file's column order, a column no field
    owns as a plain ``any`` field (its errors are dropped), missing fields left out, and keys
    over a missing field dropped (the missing column is reported once instead)."""
    by_name = {f["name"]: f for f in schema.fields}
    fields = [copy.deepcopy(by_name[c]) if c else {"name": f"{PLACEHOLDER}{i + 1}", "type": "any"}
              for i, c in enumerate(layout.match.columns)]
    fields = [{k: v for k, v in f.items() if not k.startswith("x-")} for f in fields]
    descriptor = {k: copy.deepcopy(schema.descriptor[k]) for k in keys if k in schema.descriptor and k != "fields"}
    descriptor["fields"] = fields
    present = set(layout.match.positions)
    if not set(schema.primary_key) <= present:
        descriptor.pop("primaryKey", None)
    if "foreignKeys" in descriptor:
        descriptor["foreignKeys"] = [k for k in descriptor["foreignKeys"] if set(_as_list(k.get("fields"))) <= present]
        if not descriptor["foreignKeys"]:
            descriptor.pop("foreignKeys")
    return descriptor


def _as_list(value) -> list:
    return [value] if isinstance(value, str) else list(value or [])


def is_placeholder(error: RawError) -> bool:
    """An error about a cell of a column no field owns (frictionless's, dropped)."""
    return bool(error.field) and error.field.startswith(PLACEHOLDER)
