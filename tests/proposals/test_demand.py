"""Demand signals: each kind read against its own Table Schema (mistakes become findings at
their cell), matched to register items with the catalogue matcher."""
from __future__ import annotations

import itertools
from datetime import date

from audits.proposals.demand.match import match_signals
from audits.proposals.demand.read import Signal, read_demand
from conftest import DATA, DEMO

AS_OF = date(2020, 6, 1)


def test_the_demo_demand_files_read_cleanly():
    files = [read_demand(DEMO / "demand" / name, kind, AS_OF) for name, kind in (
        ("e-consultations.csv", "econsult"), ("info-requests.csv", "info_request"),
        ("portal-requests.xlsx", "portal_request"))]
    assert [(f.kind, len(f.signals), f.findings) for f in files] == [
        ("econsult", 10, []), ("info_request", 20, []), ("portal_request", 5, [])]
    first = files[0].signals[0]
    assert (first.signal_id, first.weight, first.date, first.file) == ("EK-2020-003", 212, date(2020, 2, 11),
                                                                       "e-consultations.csv")
    assert files[1].signals[0].requester == "R-0007" and files[2].signals[3].weight == 1 + 8   # request + supporters


def test_mistakes_in_a_demand_file_are_findings_at_their_cell():
    found = read_demand(DATA / "demand" / "econsult-mistakes.csv", "econsult", AS_OF)
    assert [(f.row, f.column_letter, f.code) for f in found.findings] == [
        (2, "C", "bad-number"), (3, "B", "missing-value"), (4, "A", "duplicate-id"), (4, "D", "bad-date")]
    assert {f.file for f in found.findings} == {"econsult-mistakes.csv"}
    assert found.signals == []          # every row has an error: none is counted


def test_an_unreadable_demand_file_is_a_finding(tmp_path):
    broken = tmp_path / "votes.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    found = read_demand(broken, "econsult", AS_OF)
    assert [f.code for f in found.findings] == ["source-error"] and found.signals == []


REGISTER = [
    {"department_code": "osv", "department_name": "Управління освіти", "row": 5, "id": "osv-002",
     "title": "Перелік закладів дошкільної освіти"},
    {"department_code": "osv", "department_name": "Управління освіти", "row": 8, "id": "osv-005",
     "title": "Черга дітей до закладів дошкільної освіти (знеособлена)"},
    {"department_code": "zhkg", "department_name": "Департамент ЖКГ", "row": 9, "id": "zhkg-005",
     "title": "Перелік громадських вбиралень"},
    {"department_code": "zhkg", "department_name": "Департамент ЖКГ", "row": 22, "id": "zhkg-017",
     "title": "Перелік громадських вбиралень (архів 2017)"},
    {"department_code": "trans", "department_name": "Департамент транспорту", "row": 9, "id": "trans-005",
     "title": "Тарифи на проїзд у міському транспорті"},
]


ROWS = itertools.count(2)


def signal(text: str, department: str | None = None) -> Signal:
    return Signal("info_request", text[:10], next(ROWS), text, department=department)


def test_signals_meet_the_most_specific_item_they_name():
    found = match_signals([
        signal("Черга дітей до закладів дошкільної освіти, позиція моєї дитини"),   # not just «заклади освіти»
        signal("Перелік закладів дошкільної освіти з кількістю місць"),
        signal("Перелік громадських вбиралень"),                                     # the current one, not the archive
        signal("Тарифи на проїзд у міському транспорті на 2020 рік", "Департамент транспорту"),
        signal("Тарифи на проїзд", "osv"),                               # named department holds nothing like it
        signal("Дані про якість атмосферного повітря"),                              # nobody holds it
    ], REGISTER)
    assert [(m.signal.text[:20], m.item_id) for m in found] == [
        ("Черга дітей до закла", "osv-005"), ("Перелік закладів дош", "osv-002"), ("Перелік громадських ", "zhkg-005"),
        ("Тарифи на проїзд у м", "trans-005"), ("Тарифи на проїзд", None), ("Дані про якість атмо", None)]
