"""A tampered review sheet is refused whole: duplicated №, conflicting decisions, an export id
that is not one, a deadline beyond the plan's horizon, a text over the limit, a live formula.
Each is an error naming the row and column, and the register is unchanged (rows counted before
and after). Texts that are recorded are plain. SQLite and PostgreSQL, on a real export."""
from __future__ import annotations

import json
from datetime import datetime

from openpyxl import load_workbook

from audits.proposals.sheet import COLUMNS, META_SHEET, SHEET
from audits.store.db import open_database, transaction
from audits.store.proposals import decision_history
from audits.store.repository import get_campaign
from cli_runner import odaudit

LETTER = {c.key: chr(ord("A") + i) for i, c in enumerate(COLUMNS)}
APPROVED = {"decision": "схвалити", "deadline": datetime(2020, 9, 1)}


def _export(db: str, out) -> dict:
    result = odaudit("proposals", "--db", db, "--out", out, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _count(db: str) -> int:
    with transaction(open_database(db)) as session:
        return len(decision_history(session, get_campaign(session)))


def _tamper(source, target, rows: dict[int, dict] = (), meta: dict | None = None, copy_row: tuple | None = None):
    """rows: sheet row → {column key: value}; meta: hidden-sheet cell → value; copy_row: (from,
    to, {column key: value}) appends a copy of a row with some cells changed."""
    book = load_workbook(source)
    sheet = book[SHEET]
    if copy_row:
        origin, to, changes = copy_row
        for index, cell in enumerate(sheet[origin]):
            sheet.cell(row=to, column=index + 1, value=cell.value)
        rows = {**dict(rows), to: changes}
    for row, values in dict(rows).items():
        for key, value in values.items():
            sheet[f"{LETTER[key]}{row}"] = value
    for cell, value in (meta or {}).items():
        book[META_SHEET][cell] = value
    book.save(target)


def _cases(last: int) -> dict[str, tuple[dict, list[tuple]]]:
    """name → (_tamper arguments, the (code, row, column letter) expected among the findings)."""
    big, long = "ж" * 1_000_000, "к" * 2001
    return {
        "duplicate №, conflicting decision": (
            dict(rows={2: APPROVED}, copy_row=(2, last + 1, {"decision": "відхилити", "deadline": None})),
            [("review-duplicate-row", last + 1, LETTER["position"]),
             ("review-conflicting-decision", last + 1, LETTER["decision"])]),
        "duplicate №, same decision": (
            dict(rows={2: APPROVED}, copy_row=(2, last + 1, APPROVED)),
            [("review-duplicate-row", last + 1, LETTER["position"])]),
        "export id 1e308": (dict(rows={2: APPROVED}, meta={"B2": 1e308}), [("review-bad-export-id", 2, "B")]),
        "export id negative": (dict(rows={2: APPROVED}, meta={"B2": -1}), [("review-bad-export-id", 2, "B")]),
        "export id float": (dict(rows={2: APPROVED}, meta={"B2": 1.5}), [("review-bad-export-id", 2, "B")]),
        "export id text": (dict(rows={2: APPROVED}, meta={"B2": "перше"}), [("review-bad-export-id", 2, "B")]),
        "export id of no export": (dict(rows={2: APPROVED}, meta={"B2": 999_999}),
                                   [("review-unknown-export", None, None)]),
        "campaign not a name": (dict(rows={2: APPROVED}, meta={"B1": 42}), [("review-bad-export-id", 1, "B")]),
        "row № 1e308": (dict(rows={2: {"position": 1e308, **APPROVED}}), [("review-unknown-row", 2, None)]),
        "row № inf text": (dict(rows={2: {"position": "inf", **APPROVED}}), [("review-unknown-row", 2, None)]),
        "deadline 31.12.9999": (dict(rows={2: {"decision": "схвалити", "deadline": "31.12.9999"}}),
                                [("review-deadline-too-late", 2, LETTER["deadline"])]),
        "deadline 9999 as a date": (dict(rows={2: {"decision": "схвалити", "deadline": datetime(9999, 12, 31)}}),
                                    [("review-deadline-too-late", 2, LETTER["deadline"])]),
        "a 1 MB comment": (dict(rows={2: {**APPROVED, "comment": big}}),
                           [("review-text-too-long", 2, LETTER["comment"])]),
        "2,001 characters responsible": (dict(rows={3: {**APPROVED, "responsible": long}}),
                                         [("review-text-too-long", 3, LETTER["responsible"])]),
        "=HYPERLINK in a comment": (dict(rows={2: {**APPROVED, "comment": '=HYPERLINK("http://x.example","клік")'}}),
                                    [("review-formula", 2, LETTER["comment"])]),
        "=cmd in responsible": (dict(rows={3: {**APPROVED, "responsible": "=cmd|' /C calc'!A0"}}),
                                [("review-formula", 3, LETTER["responsible"])]),
        "a formula giving a decision": (dict(rows={4: {"decision": '=IF(1,"відхилити")'}}),
                                        [("review-formula", 4, LETTER["decision"])]),
        "+ text in a decision (a string, not a formula)": (dict(rows={4: {"decision": "+1+1"}}),
                                                           [("review-unknown-decision", 4, LETTER["decision"])]),
        "formula in the hidden sheet": (dict(rows={2: APPROVED}, meta={"B2": "=1+1"}), [("review-formula", 2, "B")]),
    }


def test_hostile_sheets_are_refused_whole(demo_db_url, tmp_path):
    data = _export(demo_db_url, tmp_path)
    last = 1 + len(data["compliance_gaps"]) + len(data["proposals"])
    before = _count(demo_db_url)
    wrong = []
    for number, (name, (tamper, expected)) in enumerate(_cases(last).items()):
        target = tmp_path / f"case-{number}.xlsx"
        _tamper(tmp_path / "proposals.xlsx", target, **tamper)
        result = odaudit("review", "import", target, "--db", demo_db_url, "--json")
        found = json.loads(result.stdout)["findings"] if result.stdout.startswith("{") else []
        got = {(f["code"], f["row"], f["column_letter"]) for f in found if f["severity"] == "error"}
        if result.returncode != 1 or not set(expected) <= got or _count(demo_db_url) != before \
                or any(not {"рядок", "рядку", "клітин"} & set(_words(f["message"])) for f in found if f["row"]):
            wrong.append((name, result.returncode, sorted(got), [f["message"][:150] for f in found]))
    assert wrong == []


def _words(message: str) -> list[str]:
    """The message's words, lower case, and the prefix «клітин» of «клітинка/клітинці»."""
    words = message.lower().replace("(", " ").split()
    return words + ["клітин" for w in words if w.startswith("клітин")]


def test_the_messages_name_the_cell_in_ukrainian(demo_db, tmp_path):
    data = _export(demo_db, tmp_path)
    last = 1 + len(data["compliance_gaps"]) + len(data["proposals"])
    _tamper(tmp_path / "proposals.xlsx", tmp_path / "dup.xlsx", rows={2: APPROVED},
            copy_row=(2, last + 1, {"decision": "відхилити", "deadline": None}))
    found = json.loads(odaudit("review", "import", tmp_path / "dup.xlsx", "--db", demo_db, "--json").stdout)["findings"]
    messages = {f["code"]: f["message"] for f in found}
    assert f"Рядок {last + 1} має той самий № «1»" in messages["review-duplicate-row"]
    assert "рядку 2 — «схвалити»" in messages["review-conflicting-decision"]
    _tamper(tmp_path / "proposals.xlsx", tmp_path / "link.xlsx", rows={2: {**APPROVED, "comment": "=HYPERLINK(1)"}})
    link = odaudit("review", "import", tmp_path / "link.xlsx", "--db", demo_db, "--json")
    found = json.loads(link.stdout)["findings"]
    assert [f["message"] for f in found] == [
        f"Клітинка {LETTER['comment']}2 аркуша «Пропозиції» містить формулу. Рішення не внесено: замініть формулу "
        "її значенням (текстом або датою) і завантажте файл ще раз."]


def test_recorded_texts_are_plain(demo_db_url, tmp_path):
    _export(demo_db_url, tmp_path)
    _tamper(tmp_path / "proposals.xlsx", tmp_path / "plain.xlsx",
            rows={2: {**APPROVED, "comment": " Перевізники\t\u202eпріоритет\r\nдругий рядок ",
                      "responsible": "- Ковальчук\u200f О. П."}})
    result = odaudit("review", "import", tmp_path / "plain.xlsx", "--db", demo_db_url, "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    with transaction(open_database(demo_db_url)) as session:
        stored = [(d.comment, d.responsible) for d in decision_history(session, get_campaign(session))]
    assert stored == [("Перевізникипріоритет\nдругий рядок", "- Ковальчук О. П.")]
