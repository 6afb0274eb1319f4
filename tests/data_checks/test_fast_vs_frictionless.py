"""The vectorised path reports the same (row, field, code) findings as frictionless, for
frictionless's own kinds of errors, whatever the block size; what it does not cover goes to
frictionless and says why."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from audits.data.fast import FastValidator
from audits.data.schemas import load_schema
from audits.data.validate import validate_file

DATA = Path(__file__).resolve().parents[1] / "data" / "datafiles"
STOPS = load_schema("transport-stops")

EVERY_KIND = [
    (3, "lat", "type-error"),                      # 50.75x
    (4, "lon", "constraint-error"),                # 55.1 > maximum 41
    (5, "lon", "constraint-error"),                # required, and the cell is missing
    (5, "lon", "missing-cell"), (5, "atuCode", "missing-cell"),
    (6, None, "extra-cell"), (6, None, "extra-cell"),
    (7, "stopId", "unique-error"), (7, None, "primary-key"),      # st-1 again
    (8, None, "blank-row"), (8, None, "primary-key"),            # an empty line
    (9, None, "blank-row"), (9, None, "primary-key"),            # ,,,,,,
    (10, "stopName", "constraint-error"), (10, "atuCode", "constraint-error"),   # empty name; UA123 is no КАТОТТГ code
    (11, "lat", "type-error"),                     # 2023-02-30 is no number; the cell before spans two lines
    (12, "lat", "constraint-error"),               # 53.0000000000000000001: over 53 only as a decimal
    (13, "lat", "constraint-error"),               # 1e1 < 44
]


def _keys(errors):
    return [(e.row, e.field, e.code) for e in errors]


def test_every_kind_of_error_the_same_on_both_paths():
    fast = validate_file(DATA / "stops-every-error-kind.csv", STOPS, "fast")
    reference = validate_file(DATA / "stops-every-error-kind.csv", STOPS, "frictionless")
    assert fast.engine == "fast" and reference.engine == "frictionless"
    assert fast.keys() == EVERY_KIND
    assert reference.keys() == EVERY_KIND
    assert fast.rows == reference.rows == 12


@pytest.mark.parametrize("block_bytes", [100, 160, 400, 1 << 20])
def test_block_size_changes_nothing(block_bytes):
    validator = FastValidator(STOPS, block_bytes=block_bytes)
    errors = validator.validate(DATA / "stops-every-error-kind.csv")
    assert sorted(_keys(errors), key=str) == sorted(EVERY_KIND, key=str)
    assert validator.rows == 12


def test_windows_1251_with_semicolons():
    fast = validate_file(DATA / "stops-cp1251-semicolon.csv", STOPS, "fast")
    reference = validate_file(DATA / "stops-cp1251-semicolon.csv", STOPS, "frictionless")
    assert fast.keys() == reference.keys() == [(3, "lat", "type-error"), (3, "stopId", "unique-error"),
                                               (3, None, "primary-key")]
    assert "«50,75»" in fast.findings[0].message


def test_xlsx_goes_to_frictionless_with_the_reason():
    report = validate_file(DATA / "stops-two-errors.xlsx", STOPS)
    assert report.engine == "frictionless" and "frictionless" in report.fallback
    assert report.keys() == [(3, "lat", "type-error"), (3, "atuCode", "constraint-error"),
                             (3, "stopId", "unique-error"), (3, None, "primary-key")]


def test_a_header_unlike_the_schema_stays_on_the_fast_path(tmp_path):
    path = tmp_path / "stops-renamed-column.csv"
    text = (STOPS.path.parent / "valid.csv").read_text(encoding="utf-8").replace("stopDesc", "маршрут_ид", 1)
    path.write_text(text, encoding="utf-8")
    report = validate_file(path, STOPS)
    reference = validate_file(path, STOPS, "frictionless")
    assert report.engine == "fast" and report.fallback is None
    assert report.keys() == reference.keys()
    assert sorted(report.keys(), key=str) == sorted([(None, "stopDesc", "missing-field-column"),
                                                     (None, None, "unknown-field-column")], key=str)


def test_ragged_row_after_a_line_break_goes_to_frictionless(tmp_path):
    path = tmp_path / "break-then-ragged.csv"
    path.write_text("stopId,stopCode,stopName,stopDesc,lat,lon,atuCode\n"
                    'st-1,1,"два\nрядки",,50.7,25.3,UA32060110010087428\n'
                    "st-2,2,Вокзал,,50.7\n", encoding="utf-8")
    report = validate_file(path, STOPS)
    assert report.engine == "frictionless" and "line break" in report.fallback
    assert report.keys() == [(3, "lon", "constraint-error"), (3, "lon", "missing-cell"),
                             (3, "atuCode", "missing-cell")]


def test_unreadable_file_is_a_source_error_finding(tmp_path):
    path = tmp_path / "not-a-table.csv"
    shutil.copy(Path(__file__).resolve().parents[1] / "data" / "not-a-spreadsheet.pdf", path)
    report = validate_file(path, STOPS)
    assert not report.valid
    assert report.findings and report.findings[0].code in ("source-error", "no-field-columns")


@pytest.mark.parametrize("name, rows, keys", [
    ("stops-bom-crlf-trailing-blank-lines.csv", 3,
     [(3, None, "blank-row"), (3, None, "primary-key"), (4, None, "blank-row"), (4, None, "primary-key")]),
    ("stops-header-only.csv", 0, []),
])
def test_edge_files_the_same_on_both_paths(name, rows, keys):
    fast = validate_file(DATA / name, STOPS, "fast")
    reference = validate_file(DATA / name, STOPS, "frictionless")
    assert (fast.rows, fast.keys()) == (reference.rows, reference.keys()) == (rows, keys)


def test_random_bytes_are_a_source_error_not_a_crash():
    from audits.data.privacy.screen import screen_file

    report = validate_file(DATA / "random-bytes.csv", STOPS)
    assert report.keys() == [(None, None, "source-error")]
    screened = screen_file(DATA / "random-bytes.csv")
    assert [f.code for f in screened.findings] == ["source-error"] and screened.blocked   # unscreened = blocked
