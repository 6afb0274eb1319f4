"""Data files: the header is matched to the schema by name, title or alias (never by position),
on both engines, with the same findings; bad headers are findings, never a crash or a hang.
The schema is the tests' own (tests/data/header/stops.schema.yaml: national machine names)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from audits.data.schemas import load_schema
from audits.data.validate import validate_file
from audits.inventory.header_match import Matcher
from cli_runner import odaudit

HERE = Path(__file__).resolve().parents[1] / "data" / "header"
SCHEMA = load_schema(HERE / "stops.schema.yaml")
ENGINES = ("fast", "frictionless")
ROW = "s1,101,Театральний майдан,50.7394,25.3253,UA07080170010015555\n"


def both(path: Path, schema=SCHEMA):
    fast, reference = (validate_file(path, schema, engine) for engine in ENGINES)
    assert fast.engine == "fast" and reference.engine == "frictionless"
    assert fast.keys() == reference.keys()
    assert fast.rows == reference.rows
    return fast


def test_national_names_are_clean():
    assert both(HERE / "national.csv").keys() == []


def test_titles_and_aliases_in_another_order_any_case():
    report = both(HERE / "reordered-titles.csv")
    assert report.keys() == [(4, "lat", "type-error")]
    assert "«oops» — це не число" in report.findings[0].message


def test_two_row_header_is_one_header_and_rows_keep_their_numbers():
    report = both(HERE / "two-row.csv")
    assert report.rows == 2
    assert report.keys() == [(4, "lat", "type-error")]


def test_unknown_missing_duplicate_and_blank_columns_reported_once():
    report = both(HERE / "unknown-missing-duplicate.csv")
    assert sorted(report.keys(), key=str) == sorted([
        (None, "stopCode", "missing-field-column"), (None, "stopName", "missing-field-column"),
        (None, "lat", "missing-field-column"), (None, None, "unknown-field-column"),
        (None, None, "unknown-field-column"), (None, "lon", "duplicate-field-column"),
        (None, None, "blank-column")], key=str)        # no cell error for the missing required fields
    messages = [f.message for f in report.findings]
    assert ("Колонка «stop_lat» (C1) не належить до схеми набору, її не перевірено. "
            "Схоже, це «Широта» (lat).") in messages
    assert any("Схоже, це «Назва зупинки» (stopName)" in m for m in messages)
    assert any("колонка F (6) не має заголовка" in m for m in messages)
    assert not any("порожньо»" in m or "«»" in m for m in messages)


def test_a_shifted_row_is_one_finding():
    report = both(HERE / "shifted.csv")
    assert report.keys() == [(3, "lat", "row-shifted"), (4, "atuCode", "missing-cell")]
    assert "зсунуті на одну колонку ліворуч" in report.findings[0].message


def test_a_label_fitting_two_fields_is_used_for_neither(tmp_path):
    schema_path = tmp_path / "schema.yaml"
    text = (HERE / "stops.schema.yaml").read_text(encoding="utf-8")
    schema_path.write_text(text.replace("x-header-aliases: [КАТОТТГ, katottg]", "x-header-aliases: [код, katottg]")
                           .replace("  title: Код зупинки\n", "  title: Код зупинки\n  x-header-aliases: [код]\n"),
                           encoding="utf-8")
    schema = load_schema(schema_path)
    path = tmp_path / "stops.csv"
    path.write_text("stopId,stopName,lat,lon,код\n" + "s1,Вокзал,50.7,25.3,XX\n", encoding="utf-8")
    report = both(path, schema)
    assert sorted(report.keys(), key=str) == sorted([(None, None, "ambiguous-column"),
                                                     (None, "stopCode", "missing-field-column"),
                                                     (None, "atuCode", "missing-field-column")], key=str)
    ambiguous = next(f for f in report.findings if f.code == "ambiguous-column")
    assert "«Код зупинки» (stopCode), «Код КАТОТТГ» (atuCode)" in ambiguous.message


def test_a_header_of_10000_characters_is_cut_in_the_message(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("stopId,stopCode,stopName,lat,lon,atuCode," + "Ш" * 10_000 + "\n" + ROW.rstrip() + ",x\n",
                    encoding="utf-8")
    report = both(path)
    assert report.keys() == [(None, None, "unknown-field-column")]
    assert len(report.findings[0].message) < 300


def test_16384_columns_are_bounded(tmp_path):
    path = tmp_path / "wide.csv"
    extra = [f"колонка_{i}_" + "x" * 10 for i in range(16_384 - 6)]
    path.write_text(",".join(["stopId", "stopCode", "stopName", "lat", "lon", "atuCode"] + extra) + "\n"
                    + ROW.rstrip() + "," * len(extra) + "\n", encoding="utf-8")
    report = validate_file(path, SCHEMA, "fast")
    codes = [f.code for f in report.findings]
    assert codes.count("unknown-field-column") == 50 and codes.count("more-unknown-columns") == 1
    assert report.keys()[-1] == (None, None, "more-unknown-columns")
    assert "Ще 16328 колонок (починаючи з BE1)" in report.findings[-1].message


def test_the_matcher_compares_at_most_50_unknown_labels():
    match = Matcher(SCHEMA.fields).match([f"lat_{i}" for i in range(16_384)])
    assert match.unsuggested == 16_384 - 50
    assert sum(1 for i in match.issues if i.field and i.kind == "unknown") <= 50


@pytest.mark.parametrize("content", [b"\n" + ROW.encode(), b",,,,,,\n" + ROW.encode()])
def test_an_empty_header_row_is_one_finding(tmp_path, content):
    path = tmp_path / "empty-header.csv"
    path.write_bytes(content)
    for engine in ENGINES:
        report = validate_file(path, SCHEMA, engine)
        assert report.keys() == [(None, None, "no-field-columns")] or report.keys() == [(None, None, "source-error")]
        assert "Traceback" not in report.findings[0].message


def test_a_binary_header_is_one_finding(tmp_path):
    path = tmp_path / "garbage.csv"
    path.write_bytes(os.urandom(300).replace(b"\n", b"") + b"\n" + ROW.encode())
    for engine in ENGINES:
        report = validate_file(path, SCHEMA, engine)
        assert [f.code for f in report.findings] in (["no-field-columns"], ["source-error"])


def test_suggestions_are_by_words_not_by_position():
    matcher = Matcher(SCHEMA.fields)
    assert [matcher.suggest(x) for x in ("stop_lat", "stop_name", "Шырота", "STOP-ID", "zzz")] == [
        "lat", "stopName", "lat", "stopId", None]


def test_cli_on_a_national_file_with_titles_reordered(tmp_path):
    ran = odaudit("data", "validate", HERE / "reordered-titles.csv", "--schema", HERE / "stops.schema.yaml")
    assert "Traceback" not in ran.stderr
    assert "Широта" in ran.stdout and "oops" in ran.stdout
    assert "Колонка" not in ran.stdout          # no header finding: titles, aliases and order are accepted


def test_a_shifted_row_in_a_text_only_file(tmp_path):
    """ev-charging's fields are all text: the shifted-row check reads them with the fast path's own reader."""
    csv = tmp_path / "stations.csv"
    csv.write_text("uid,ownerName,ownerId,ownerTelephone,ownerEmail\n"
                   "ev-1,ТОВ «Тока»,41234567,+380501234567,a@charge.example.org\n"
                   "ev-2,41234567,+380501234568,b@charge.example.org\n", encoding="utf-8")     # ownerName left out
    assert both(csv, load_schema("ev-charging")).keys() == [(3, "ownerId", "row-shifted")]
