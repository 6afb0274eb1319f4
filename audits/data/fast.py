"""The fast path: pyarrow reads a CSV in blocks (memory bounded by the block size, not the
file), every rule runs on whole columns, and only the cells a vectorised test cannot clear
are read by frictionless's own cell reader. A cell is therefore reported exactly when
frictionless would report it: the vectorised tests only decide which cells are certainly fine.

The column tests are in :mod:`audits.data.cells`. What the fast path does not cover raises
:class:`NotCovered`; :mod:`audits.data.validate` then hands the file to frictionless (foreign
keys, types other than string/integer/number/boolean/date/year, string formats, custom number
syntax, ragged rows after a cell with a line break).

The header is matched by name (:mod:`audits.data.header`): every column of the file is read as
text, a field's checks run on the column its header names, a column no field owns only counts
for blank rows, and a field without a column is reported once (by the caller), not per cell."""
from __future__ import annotations

from dataclasses import dataclass, field as dc_field
from pathlib import Path

import numpy as np
import pyarrow.compute as pc

from .arrow import as_bools, text_array
from .blocks import BLOCK_BYTES, NotCovered, prefetch, read_blocks
from .cells import as_float, byte_lengths, constraint_suspects, type_ok
from .header import Layout, file_layout
from .readers import cell_readers
from .report import RawError
from .schemas import DatasetSchema
from .seen import SeenKeys, combine, hash_numbers, hash_text_column
from .sniff import CsvFormat, sniff

TYPES = {"string", "integer", "number", "boolean", "date", "year"}
CONSTRAINTS = {"required", "unique", "minimum", "maximum", "minLength", "maxLength", "pattern", "enum"}
NUMBER_OPTIONS = {"groupChar", "decimalChar", "bareNumber", "floatNumber"}


@dataclass
class FieldCheck:
    name: str
    number: int                    # 1-based file column, as frictionless counts on the file's own schema
    type: str
    descriptor: dict
    reader: object                 # frictionless's cell reader: the final word on a suspect cell
    value_reader: object
    constraints: dict = dc_field(default_factory=dict)


def gap(schema: DatasetSchema, fmt: CsvFormat) -> str | None:
    """Why the fast path cannot check this file, or None."""
    if schema.descriptor.get("foreignKeys"):
        return "foreign keys"
    for f in schema.fields:
        ftype = f.get("type", "string")
        if ftype not in TYPES:
            return f"field {f['name']}: type {ftype}"
        if f.get("format", "default") != "default" and ftype != "date":
            return f"field {f['name']}: format {f['format']}"
        if f.get("format") == "any" or NUMBER_OPTIONS & set(f) or "missingValues" in f:
            return f"field {f['name']}: options the fast path does not read"
        extra = set(f.get("constraints", {})) - CONSTRAINTS
        if extra:
            return f"field {f['name']}: constraints {', '.join(sorted(extra))}"
    return None


def field_checks(schema: DatasetSchema, layout: Layout | None = None) -> list[FieldCheck]:
    """One check per field that has a column, in the file's column order (without a layout:
    the schema's fields in its order)."""
    positions = layout.match.positions if layout else {f["name"]: i for i, f in enumerate(schema.fields)}
    readers = cell_readers(schema.fields, schema.missing_values) or _frictionless_readers(schema)
    checks = [FieldCheck(f["name"], positions[f["name"]] + 1, ftype, f, reader, value_reader, constraints)
              for f, (ftype, reader, value_reader, constraints) in zip(schema.fields, readers)
              if f["name"] in positions]
    return sorted(checks, key=lambda c: c.number)


def _frictionless_readers(schema: DatasetSchema) -> list[tuple]:
    from frictionless import Schema

    fl = Schema.from_descriptor({k: v for k, v in schema.descriptor.items()
                                 if k in ("fields", "primaryKey", "missingValues")})
    return [(f.type, f.create_cell_reader(), f.create_value_reader(),
             {k: v for k, v in f.constraints.items() if k in set(f.supported_constraints) and v is not None})
            for f in fl.fields]


SHORT_ROWS_KEPT = 10_000      # rows one cell short, kept for the shifted-row check


class FastValidator:
    def __init__(self, schema: DatasetSchema, block_bytes: int = BLOCK_BYTES, layout: Layout | None = None) -> None:
        """``layout``: the file's header matched to the schema (read from the file when None)."""
        self.schema = schema
        self.block_bytes = block_bytes
        self.layout = layout
        self.rows = 0
        self.short_rows: dict[int, list[str]] = {}       # rows one cell short: their cells
        if layout is not None:
            self._prepare(layout)

    def _prepare(self, layout: Layout) -> None:
        schema = self.schema
        self.layout = layout
        self.checks = field_checks(schema, layout)
        self.width = layout.width
        owned = {c.number - 1 for c in self.checks}
        self.unowned = [i for i in range(self.width) if i not in owned]
        self.missing = text_array(schema.missing_values)
        self.missing_is_empty = schema.missing_values == [""]
        self.unique = {c.name: SeenKeys() for c in self.checks if c.descriptor.get("constraints", {}).get("unique")}
        by_name = {c.name: c for c in self.checks}
        self.pk = [by_name[k] for k in schema.primary_key] if all(k in by_name for k in schema.primary_key) else []
        self.pk_seen = SeenKeys()
        # a one-field primary key that is also unique: its duplicates are the unique-error rows
        self.pk_is_unique = len(self.pk) == 1 and self.pk[0].name in self.unique
        self._unique_dups: dict[str, list[tuple[int, int]]] = {}

    # --- reading ------------------------------------------------------------------------
    def validate(self, path: Path) -> list[RawError]:
        fmt = sniff(path)
        reason = gap(self.schema, fmt)
        if reason:
            raise NotCovered(reason)
        if self.layout is None:
            self._prepare(file_layout(path, self.schema))
        if not self.checks:
            return []
        from concurrent.futures import ThreadPoolExecutor

        self.pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="odaudit-fields")
        errors: list[RawError] = []
        try:
            for block in prefetch(self._blocks(path, fmt)):
                errors.extend(self._check_block(*block))
        finally:
            self.pool.shutdown()
        return errors

    def _blocks(self, path: Path, fmt: CsvFormat):
        return read_blocks(path, fmt, self.layout.names(), self.block_bytes, self.layout.header_rows)

    # --- checking -----------------------------------------------------------------------
    def _check_block(self, columns, rows, ncells, extra) -> list[RawError]:
        self.rows += len(rows)
        errors: list[RawError] = []
        # fields are checked side by side: pyarrow's kernels run without the GIL
        per_field = list(self.pool.map(lambda check: self._check_field(check, columns[check.number - 1], rows, ncells),
                                       self.checks))
        empties, values = [], {}
        for check, (empty, value_hashes, field_errors) in zip(self.checks, per_field):
            errors.extend(field_errors)
            empties.append(empty)
            values[check.name] = value_hashes
        empties.extend(self._empty(columns[i], i, ncells) for i in self.unowned)
        blank = np.logical_and.reduce(empties) if empties else np.zeros(len(rows), bool)
        short = np.flatnonzero(ncells < self.width)
        for i in short:
            if not blank[i]:
                n = int(ncells[i])
                errors.extend(RawError(int(rows[i]), c.name, "missing-cell", "", "", c.number)
                              for c in self.checks if c.number > n)
                if n == self.width - 1 and len(self.short_rows) < SHORT_ROWS_KEPT:
                    self.short_rows[int(rows[i])] = [columns[j][int(i)].as_py() for j in range(n)]
        for number, cells in extra.items():
            pos = int(np.searchsorted(rows, number))
            if not blank[pos]:
                errors.extend(RawError(number, None, "extra-cell", "", cell, self.width + j + 1)
                              for j, cell in enumerate(cells))
        if blank.any():
            blank_rows = set(rows[blank].tolist())
            errors = [e for e in errors if e.row not in blank_rows]
            errors.extend(RawError(r, None, "blank-row") for r in sorted(blank_rows))
        errors.extend(self._unique_errors(rows, values, columns))
        errors.extend(self._primary_key_errors(rows, values))
        return errors

    def _empty(self, column, index: int, ncells):
        """Which cells of a column are empty (a missing value, or past the row's end)."""
        present = ncells > index
        if self.missing_is_empty:               # the usual missingValues [""]: empty cells, from the offsets
            return (byte_lengths(column) == 0) | ~present
        return as_bools(pc.is_in(column, value_set=self.missing)) | ~present

    def _check_field(self, check: FieldCheck, column, rows, ncells):
        errors: list[RawError] = []
        n = len(rows)
        empty = self._empty(column, check.number - 1, ncells)
        ok, numeric = type_ok(check, column)
        suspect = ~empty & ~ok
        cons = check.constraints
        if cons.get("required"):
            for i in np.flatnonzero(empty):
                errors.append(RawError(int(rows[i]), check.name, "constraint-error",
                                       'constraint "required" is "True"', "", check.number, "required"))
        fine = ok & ~empty
        suspect |= fine & constraint_suspects(check, column, numeric)
        parsed = {}
        for i in np.flatnonzero(suspect):
            raw = column[int(i)].as_py()
            value, notes = check.reader(raw)
            notes = dict(notes or {})
            if "type" in notes:
                errors.append(RawError(int(rows[i]), check.name, "type-error", notes.pop("type"), raw, check.number))
                ok[i] = False
                continue
            ok[i] = True
            parsed[int(i)] = value
            for name, note in notes.items():
                errors.append(RawError(int(rows[i]), check.name, "constraint-error", note, raw, check.number, name))
        hashes = None
        if check.name in self.unique or check in self.pk:
            valid = ok & ~empty
            hashes = (self._hashes(check, column, numeric, parsed, n), valid)
        return empty, hashes, errors

    def _hashes(self, check, column, numeric, parsed, n):
        if check.type == "string":
            return hash_text_column(column)
        values = np.array(numeric, dtype="float64", copy=True) if numeric is not None else np.zeros(n)
        for i, value in parsed.items():
            values[i] = as_float(value)
        return hash_numbers(np.nan_to_num(values, nan=-1.5e308))

    def _unique_errors(self, rows, values, columns):
        out = []
        for check in self.checks:
            if check.name not in self.unique:
                continue
            hashes, valid = values[check.name]
            idx = np.flatnonzero(valid)
            previous = self.unique[check.name].check(hashes[idx], rows[idx])
            self._unique_dups[check.name] = [(int(rows[idx[j]]), int(previous[j])) for j in np.flatnonzero(previous)]
            for j in np.flatnonzero(previous):
                i = idx[j]
                out.append(RawError(int(rows[i]), check.name, "unique-error",
                                    f"the same as in the row at position {int(previous[j])}",
                                    columns[check.number - 1][int(i)].as_py(), check.number, None, int(previous[j])))
        return out

    def _primary_key_errors(self, rows, values):
        if not self.pk:
            return []
        parts, valids = [], []
        for check in self.pk:
            hashes, valid = values[check.name]
            parts.append(np.where(valid, hashes, np.uint64(0x9E3779B97F4A7C15)))
            valids.append(valid)
        any_value = np.logical_or.reduce(valids)
        out = [RawError(int(r), None, "primary-key", 'cells composing the primary keys are all "None"')
               for r in rows[~any_value]]
        if self.pk_is_unique:
            dups = self._unique_dups[self.pk[0].name]
        else:
            idx = np.flatnonzero(any_value)
            previous = self.pk_seen.check(combine(parts)[idx], rows[idx])
            dups = [(int(rows[idx[j]]), int(previous[j])) for j in np.flatnonzero(previous)]
        out.extend(RawError(row, None, "primary-key", f"the same as in the row at position {other}", None, None, None, other)
                   for row, other in dups)
        return out
