"""The working group's round trip on the demo campaign: proposals.xlsx out, filled the way a
secretary would (openpyxl), decisions back in (all or nothing, history kept), the plan out,
and the plan judged against a later portal snapshot. SQLite and PostgreSQL."""
from __future__ import annotations

import json
import shutil
from datetime import date, datetime

from docx import Document
from openpyxl import load_workbook

from audits.proposals.sheet import COLUMNS, META_SHEET, SHEET
from audits.store.db import open_database, transaction
from audits.store.proposals import decision_history
from audits.store.repository import get_campaign
from cli_runner import odaudit
from conftest import DATA, DEMO, build_demo

AS_OF = date(2020, 6, 1)
LETTER = {c.key: chr(ord("A") + i) for i, c in enumerate(COLUMNS)}


def export(db: str, out) -> dict:
    result = odaudit("proposals", "--db", db, "--out", out, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def fill(source, target, decisions: dict[int, dict]) -> None:
    """decisions: sheet row → {column key: value}, as the secretary types them."""
    book = load_workbook(source)
    sheet = book[SHEET]
    for row, values in decisions.items():
        for key, value in values.items():
            sheet[f"{LETTER[key]}{row}"] = value
    book.save(target)


def decisions(db: str) -> list[tuple]:
    with transaction(open_database(db)) as session:
        return [(d.item_id, d.decision, d.deadline, d.superseded_by is None, d.decided_by)
                for d in decision_history(session, get_campaign(session))]


def test_demo_proposals_json_contract(demo_db, tmp_path):
    data = export(demo_db, tmp_path)
    assert [p["item_id"] for p in data["compliance_gaps"]] == [
        "trans-003", "trans-007", "zhkg-006", "osv-003", "trans-008", "ukt-004", "zhkg-017", "zhkg-018", "zhkg-005",
        "zhkg-011", "ukt-005"]
    # the archive trans-009 is not published: its title's package is trans-001's, a package is one item
    assert [p["item_id"] for p in data["proposals"][:3]] == ["osv-005", "trans-009", "eco-001"]
    assert [(b["item_id"], b["reason"].split(" (")[0].split(",")[0]) for b in data["blocked"]] == [
        ("soc-001", "містить персональні дані"), ("soc-009", "обмежений доступ")]
    for p in data["compliance_gaps"] + data["proposals"]:
        assert set(p) >= {"rank", "item_id", "title", "department", "score", "components", "justification"}
        assert round(sum(p["components"].values()), 2) == p["score"]
    for table in (data["compliance_gaps"], data["proposals"]):   # the rows follow the rank, the rank the score
        assert [p["rank"] for p in table] == list(range(1, len(table) + 1))
        assert [p["score"] for p in table] == sorted((p["score"] for p in table), reverse=True)
    fares = next(p for p in data["proposals"] if p["item_id"] == "trans-005")
    assert "2 запити на публічну інформацію" in fares["justification"]      # nine requests, two requesters
    assert [s["signal_id"] for s in data["unmatched_demand"]] == [
        "EK-2020-025", "EK-2020-033", "ЗПІ-2020-0204", "ЗПІ-2020-0281", "1290"]
    assert data["weights"]["file"] == "config/proposals.yaml"


def test_the_sheet_has_dropdowns_locks_and_the_export_id(demo_db, tmp_path):
    data = export(demo_db, tmp_path)
    book = load_workbook(tmp_path / "proposals.xlsx")
    sheet = book[SHEET]
    assert [c.value for c in sheet[1]] == [c.header for c in COLUMNS]
    rules = {str(v.sqref): (v.type, v.formula1) for v in sheet.data_validations.dataValidation}
    rows = len(data["compliance_gaps"]) + len(data["proposals"]) + 1
    assert rules[f"{LETTER['decision']}2:{LETTER['decision']}{rows}"] == ("list", '"схвалити,відхилити,відкласти"')
    assert rules[f"{LETTER['deadline']}2:{LETTER['deadline']}{rows}"][0] == "date"
    assert sheet.protection.sheet and not sheet[f"{LETTER['decision']}2"].protection.locked
    assert sheet[f"{LETTER['title']}2"].protection.locked
    meta = book[META_SHEET]
    assert meta.sheet_state == "hidden" and [meta["A2"].value, meta["B2"].value] == ["export", data["export"]]


def test_review_round_trip_records_decisions_and_keeps_history(demo_db_url, tmp_path):
    db_url = demo_db_url
    export(db_url, tmp_path)
    sheet = tmp_path / "proposals.xlsx"
    fill(sheet, tmp_path / "рішення.xlsx", {
        2: {"decision": "схвалити", "deadline": datetime(2020, 9, 1), "comment": "Перевізники — пріоритет"},
        3: {"decision": "Відкласти ", "comment": "Після оцифрування"},
        13: {"decision": "схвалити", "deadline": "01.10.2020", "responsible": "Ковальчук О. П."}})
    first = odaudit("review", "import", tmp_path / "рішення.xlsx", "--db", db_url, "--by", "Секретар", "--json")
    assert first.returncode == 0, first.stdout + first.stderr
    assert json.loads(first.stdout)["recorded"] == 3
    again = json.loads(odaudit("review", "import", tmp_path / "рішення.xlsx", "--db", db_url, "--json").stdout)
    assert (again["recorded"], again["unchanged"]) == (0, 3)               # importing twice changes nothing

    fill(sheet, tmp_path / "друге.xlsx", {3: {"decision": "схвалити", "deadline": datetime(2020, 12, 1)}})
    assert odaudit("review", "import", tmp_path / "друге.xlsx", "--db", db_url, "--by", "Секретар").returncode == 0
    assert decisions(db_url) == [
        ("osv-005", "схвалити", date(2020, 10, 1), True, "Секретар"),
        ("trans-003", "схвалити", date(2020, 9, 1), True, "Секретар"),
        ("trans-007", "відкласти", None, False, "Секретар"),                # superseded, still visible
        ("trans-007", "схвалити", date(2020, 12, 1), True, "Секретар")]
    export(db_url, tmp_path / "after")
    html = (tmp_path / "after" / "proposals.html").read_text(encoding="utf-8")
    assert html.count('class="superseded"') == 1 and html.count('class="in-force"') == 3   # the old one stays visible

    carried = load_workbook(tmp_path / "after" / "proposals.xlsx")[SHEET]  # the next meeting sees what it decided
    shown = {r[3]: (r[-4], r[-3], r[-1]) for r in carried.iter_rows(min_row=2, values_only=True) if r[-4]}
    assert shown == {"trans-003": ("схвалити", "Перевізники — пріоритет", datetime(2020, 9, 1)),
                     "trans-007": ("схвалити", None, datetime(2020, 12, 1)),
                     "osv-005": ("схвалити", None, datetime(2020, 10, 1))}
    assert carried[f"{LETTER['responsible']}13"].value == "Ковальчук О. П."
    unchanged = odaudit("review", "import", tmp_path / "after" / "proposals.xlsx", "--db", db_url, "--json")
    assert unchanged.returncode == 0, unchanged.stdout
    assert (json.loads(unchanged.stdout)["recorded"], json.loads(unchanged.stdout)["unchanged"]) == (0, 3)
    assert len(decisions(db_url)) == 4                                       # no duplicates


def test_a_sheet_with_errors_records_nothing(demo_db, tmp_path):
    export(demo_db, tmp_path)
    before = decisions(demo_db)
    fill(tmp_path / "proposals.xlsx", tmp_path / "bad.xlsx", {
        2: {"decision": "так"}, 3: {"decision": "схвалити"}, 4: {"score": 99, "decision": "відхилити"},
        5: {"decision": "схвалити", "deadline": "завтра"}, 6: {"decision": "відхилити"},
        7: {"comment": "Подумати"}})
    result = odaudit("review", "import", tmp_path / "bad.xlsx", "--db", demo_db, "--json")
    assert result.returncode == 1
    found = json.loads(result.stdout)["findings"]
    assert [(f["row"], f["column_letter"], f["code"]) for f in found] == [
        (2, LETTER["decision"], "review-unknown-decision"), (3, LETTER["deadline"], "review-missing-deadline"),
        (4, LETTER["score"], "review-edited"), (5, LETTER["deadline"], "review-bad-deadline"),
        (7, LETTER["comment"], "review-no-decision")]
    assert "було «" in found[2]["message"] and "стало «99»" in found[2]["message"]
    assert decisions(demo_db) == before                                     # row 6 was fine, and still not recorded


def test_a_file_that_is_not_the_sheet_is_refused(demo_db, tmp_path):
    other = tmp_path / "notes.xlsx"
    shutil.copy(DEMO / "ukt.xlsx", other)
    result = odaudit("review", "import", other, "--db", demo_db, "--json")
    assert result.returncode == 1
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["review-not-a-sheet"]
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04garbage")
    broken = odaudit("review", "import", tmp_path / "broken.xlsx", "--db", demo_db, "--json")
    assert broken.returncode == 1 and json.loads(broken.stdout)["findings"][0]["code"] == "source-error"


def test_a_proposal_that_changed_since_export_is_decided_again(tmp_path):
    folder = tmp_path / "campaign"
    shutil.copytree(DEMO, folder)
    db = f"sqlite:///{tmp_path / 'r.sqlite'}"
    build_demo(db, folder)
    data = export(db, tmp_path)
    row = 2 + len(data["compliance_gaps"])                        # the first proposal: osv-005, the nursery queue
    assert data["proposals"][0]["item_id"] == "osv-005"
    votes = folder / "demand" / "e-consultations.csv"
    votes.write_text(votes.read_text(encoding="utf-8").replace(",143,", ",1430,"), encoding="utf-8")
    build_demo(db, folder)                                        # more votes since: the proposal changed
    fill(tmp_path / "proposals.xlsx", tmp_path / "late.xlsx", {row: {"decision": "відхилити"}})
    result = odaudit("review", "import", tmp_path / "late.xlsx", "--db", db, "--json")
    assert result.returncode == 1
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["review-proposal-changed"]


def test_the_plan_is_exported_and_judged_against_the_portal(demo_db, tmp_path):
    db = demo_db
    data = export(db, tmp_path)
    gaps = {p["item_id"]: i + 2 for i, p in enumerate(data["compliance_gaps"])}
    fill(tmp_path / "proposals.xlsx", tmp_path / "signed.xlsx", {
        gaps["trans-003"]: {"decision": "схвалити", "deadline": datetime(2020, 8, 1)},
        gaps["trans-007"]: {"decision": "схвалити", "deadline": datetime(2020, 7, 1)},
        gaps["ukt-004"]: {"decision": "схвалити", "deadline": datetime(2020, 7, 15)},
        gaps["zhkg-011"]: {"decision": "схвалити", "deadline": datetime(2020, 12, 1)}})
    assert odaudit("review", "import", tmp_path / "signed.xlsx", "--db", db).returncode == 0

    packages = [package("perevizn", "Перелік перевізників на міських автобусних маршрутах", "2020-07-20"),
                package("zaryadni", "Перелік зарядних станцій для електромобілів", "2020-07-10")]
    saved = tmp_path / "september.json"
    saved.write_text(json.dumps(packages, ensure_ascii=False), encoding="utf-8")
    run = odaudit("monitor", "--from-file", saved, "--as-of", "2020-09-01", "--db", db, "--out", tmp_path / "m",
                  "--json")                                        # a later monitor run marks the plan
    expected = [("trans-007", "published-late", "2020-07-10"), ("ukt-004", "overdue", None),
                ("trans-003", "published-on-time", "2020-07-20"), ("zhkg-011", "pending", None)]
    assert [(i["item_id"], i["status"], i["published_on"]) for i in json.loads(run.stdout)["plan"]] == expected
    assert 'id="plan-status"' in (tmp_path / "m" / "quality.html").read_text(encoding="utf-8")
    status = odaudit("plan", "status", "--db", db, "--json")
    assert status.returncode == 1                                  # one late, one overdue
    assert [(i["item_id"], i["status"], i["published_on"]) for i in json.loads(status.stdout)] == expected

    assert odaudit("plan", "export", "--format", "docx", "--out", tmp_path / "plan.docx", "--db", db).returncode == 0
    table = Document(tmp_path / "plan.docx").tables[0]
    assert [c.text for c in table.rows[0].cells][:6] == ["№ з/п", "Назва набору даних",
                                                         "Відповідальний виконавчий орган", "Відповідальна особа",
                                                         "Термін оприлюднення", "Періодичність оновлення"]
    assert [(r.cells[0].text, r.cells[1].text, r.cells[4].text) for r in table.rows[1:]] == [
        ("1", "Перелік зарядних станцій для електромобілів", "01.07.2020"),
        ("2", "Перелік камер відеоспостереження «Безпечне місто»", "15.07.2020"),
        ("3", "Перелік перевізників на міських автобусних маршрутах", "01.08.2020"),
        ("4", "Перелік контейнерних майданчиків", "01.12.2020")]
    assert odaudit("plan", "export", "--format", "xlsx", "--out", tmp_path / "plan.xlsx", "--db", db).returncode == 0
    rows = list(load_workbook(tmp_path / "plan.xlsx").active.iter_rows(values_only=True))
    assert rows[0][0] == "Додаток" and rows[7][:2] == (1, "Перелік зарядних станцій для електромобілів")
    assert odaudit("plan", "export", "--format", "pdf", "--out", tmp_path / "plan.pdf", "--db", db).returncode == 2


def package(name: str, title: str, created: str) -> dict:
    return {"id": f"id-{name}", "name": name, "title": title, "metadata_created": f"{created}T10:00:00",
            "metadata_modified": f"{created}T10:00:00", "organization": {"name": "lutska-miska-rada"},
            "update_frequency": "once a month", "resources": [{"format": "CSV", "url": "https://x/1.csv"}]}


def test_an_item_whose_data_file_holds_personal_data_is_set_aside_until_cleared(demo_db, tmp_path):
    from audits.data.check import check_file
    from audits.store.data_checks import item_key, record_check

    db = demo_db
    personal = check_file(DATA / "privacy" / "leased-property-with-personal-data.csv", as_of=AS_OF,
                          expectations=False)
    engine = open_database(db)
    with transaction(engine) as session:
        campaign_id = get_campaign(session).id
        record_check(session, campaign_id, item_key("eco", "eco-001"), personal, datetime(2020, 6, 1, 12))
    blocked = {b["item_id"]: b["reason"] for b in export(db, tmp_path)["blocked"]}
    assert "leased-property-with-personal-data.csv" in blocked["eco-001"]
    assert odaudit("data", "review", "eco:nothing-here", "--cleared", "--by", "Ткачук", "--db", db).returncode == 2
    cleared = odaudit("data", "review", "eco:eco-001", "--cleared", "--by", "Ткачук В. П.", "--db", db)
    assert cleared.returncode == 0, cleared.stderr
    assert "eco-001" not in {b["item_id"] for b in export(db, tmp_path)["blocked"]}


def test_a_package_that_is_another_items_is_not_this_items_publication(demo_db_url, tmp_path):
    """The demo's own case: the only title match for the approved osv-003 («Територія обслуговування
    закладів загальної середньої освіти», score 85) is osv-009's archive package, which osv-009
    declared by its portal link; and the only match for «громадських вбиралень» is the archive
    package that the register's zhkg-017 matches better. Neither approved item is published, and
    every state names the package and the evidence."""
    db = demo_db_url
    data = export(db, tmp_path)
    gaps = {p["item_id"]: i + 2 for i, p in enumerate(data["compliance_gaps"])}
    fill(tmp_path / "proposals.xlsx", tmp_path / "signed.xlsx", {
        gaps["zhkg-005"]: {"decision": "схвалити", "deadline": datetime(2020, 8, 1)},
        gaps["osv-003"]: {"decision": "схвалити", "deadline": datetime(2020, 8, 1)},
        gaps["trans-003"]: {"decision": "схвалити", "deadline": datetime(2020, 8, 1)}})
    assert odaudit("review", "import", tmp_path / "signed.xlsx", "--db", db).returncode == 0
    packages = [package("vbyralni-2017", "Перелік громадських вбиралень (архів 2017)", "2020-07-01"),
                package("lutsk-osv-009", "Перелік закладів загальної середньої освіти (архів 2009)", "2017-03-01"),
                package("perevizn", "Перелік перевізників на міських автобусних маршрутах", "2020-07-20")]
    saved = tmp_path / "september.json"
    saved.write_text(json.dumps(packages, ensure_ascii=False), encoding="utf-8")
    run = odaudit("monitor", "--from-file", saved, "--as-of", "2020-09-01", "--db", db, "--out", tmp_path / "m",
                  "--json")
    assert run.returncode in (0, 1), run.stderr
    status = json.loads(odaudit("plan", "status", "--db", db, "--json").stdout)
    assert [(i["item_id"], i["status"], (i["package"] or {}).get("id")) for i in status] == [
        ("osv-003", "overdue", None), ("trans-003", "published-on-time", "id-perevizn"),
        ("zhkg-005", "overdue", None)]
    assert status[1]["package"]["method"] == "title" and status[1]["package"]["score"] >= 72
    assert "пакет «Перелік перевізників на міських автобусних маршрутах» (збіг назви, бал" in status[1]["evidence"]
    assert status[0]["evidence"] == status[2]["evidence"] == "на порталі немає пакета, пов'язаного з цим набором"
    text = odaudit("plan", "status", "--db", db).stdout
    assert "Перелік громадських вбиралень (zhkg), до 01.08.2020: термін минув, не оприлюднено — на порталі немає" \
        in text
    html = (tmp_path / "m" / "quality.html").read_text(encoding="utf-8")
    assert "оприлюднено вчасно" in html and html.count("на порталі немає пакета") == 2
    assert odaudit("plan", "export", "--format", "docx", "--out", tmp_path / "plan.docx", "--db", db).returncode == 0
    cells = [r.cells[6].text for r in Document(tmp_path / "plan.docx").tables[0].rows[1:]]
    assert cells[1].startswith("оприлюднено вчасно (20.07.2020): пакет «Перелік перевізників")
    assert cells[0] == cells[2] == "термін минув, не оприлюднено: на порталі немає пакета, пов'язаного з цим набором"


def test_the_weights_section_reads_as_settings_not_dicts(demo_db, tmp_path):
    import re

    export(demo_db, tmp_path)
    html = (tmp_path / "proposals.html").read_text(encoding="utf-8")
    table = html[html.index('id="weights-table"'):html.index('id="themes-table"')]
    cells = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td></tr>", table)
    assert len(cells) == 6 and all("{" not in text and "&#39;" not in text for _, text in cells)
    assert any("units: vote = 1, info_request = 5" in text for _, text in cells)


def test_a_deadline_already_past_is_recorded_with_a_warning(demo_db, tmp_path):
    export(demo_db, tmp_path)
    fill(tmp_path / "proposals.xlsx", tmp_path / "late.xlsx", {
        2: {"decision": "схвалити", "deadline": datetime(2020, 9, 1)},
        3: {"decision": "схвалити", "deadline": datetime(date.today().year + 1, 9, 1)}})   # within the horizon
    result = odaudit("review", "import", tmp_path / "late.xlsx", "--db", demo_db, "--json")
    assert result.returncode == 0, result.stdout                          # a warning: the decision is recorded
    answer = json.loads(result.stdout)
    assert answer["recorded"] == 2
    assert [(f["row"], f["column_letter"], f["code"], f["severity"]) for f in answer["findings"]] == [
        (2, LETTER["deadline"], "review-deadline-past", "warning")]
    assert "з терміном 01.09.2020, який уже минув" in answer["findings"][0]["message"]
    again = json.loads(odaudit("review", "import", tmp_path / "late.xlsx", "--db", demo_db, "--json").stdout)
    assert (again["recorded"], again["findings"]) == (0, [])               # said once, when it was decided


def test_the_evidence_says_how_the_package_was_linked():
    from audits.proposals.plan import Found

    declared = Found(date(2020, 7, 1), "https://data.gov.ua/dataset/x", "x", "Перелік укриттів", "link", 100.0)
    matched = Found(date(2020, 7, 1), None, "y", "Перелік укриттів", "title", 85.1)
    assert declared.evidence == "пакет «Перелік укриттів» (посилання, яке вказав орган)"
    assert matched.evidence == "пакет «Перелік укриттів» (збіг назви, бал 85.1)"
