"""Routes of the web app against the demo campaign: each role's pages, the upload as the
campaign folder would take it, the feedback, the secretary's decision, the downloads."""
from __future__ import annotations

import io
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from audits.campaign import verbs
from conftest import DEMO
from webkit import NOW, add_users, app, client, csrf_of, sign_in, token, web_sqlite, web_url  # noqa: F401

FIN = (DEMO / "fin.xlsx").read_bytes()
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(client, code: str, name: str, data: bytes, json: bool = False, slug: str = "lutsk-2020"):
    headers = {"x-csrf-token": token(client)} | ({"accept": "application/json"} if json else {})
    return client.post(f"/campaigns/{slug}/departments/{code}/submissions", files={"file": (name, data, XLSX)},
                       headers=headers)


def test_health_answers_when_the_database_does(client):
    assert client.get("/healthz").status_code == 200


@pytest.mark.parametrize(("name", "home"), [("ict1", "/campaigns"), ("fin1", "/campaigns/lutsk-2020/departments/fin"),
                                            ("wg1", "/campaigns/lutsk-2020/proposals"),
                                            ("sec1", "/campaigns/lutsk-2020/proposals")])
def test_each_role_signs_in_and_lands_on_its_page(client, name, home):
    assert sign_in(client, name).status_code == 303
    assert client.get("/", follow_redirects=False).headers["location"] == home
    page = client.get(home)
    assert page.status_code == 200 and name in page.text


def test_a_page_without_a_session_leads_to_the_sign_in(client):
    response = client.get("/campaigns/lutsk-2020", follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/login")


def test_the_session_cookie_is_httponly_and_samesite_lax(client):
    cookie = sign_in(client, "ict1").headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie


def test_behind_https_the_cookie_is_secure(app):
    from starlette.testclient import TestClient

    with TestClient(app, base_url="https://testserver") as client:
        assert "Secure" in sign_in(client, "ict1").headers["set-cookie"]


def test_wrong_password_is_refused_in_ukrainian(client):
    response = sign_in(client, "ict1", "wrong-password")
    assert response.status_code == 401 and "Неправильне ім&#39;я користувача або пароль" in response.text


def test_the_dashboard_puts_what_to_fix_first_then_the_charts(client):
    sign_in(client, "ict1")
    page = client.get("/campaigns/lutsk-2020").text
    assert page.index("Що зробити насамперед") < page.index("<svg") < page.index("Усі органи")
    assert "Департамент фінансів, бюджету та аудиту" in page and "надіслати заповнений перелік" in page
    assert "3</span> з 73 обов'язкових наборів оприлюднено" in page
    assert "кінцевий строк минув 4 дн. тому" in page and "<td>20</td><td>3</td>" in page
    assert page.count("<svg") == 4 and "http://" not in page.replace("http://www.w3.org", "")


def test_a_councils_campaigns_side_by_side(client):
    sign_in(client, "ict1")
    page = client.get("/councils/lutska-miska-rada")
    assert page.status_code == 200 and "lutsk-2020" in page.text and "<svg" in page.text


def test_the_department_page_shows_deadline_versions_template_and_findings(client):
    sign_in(client, "fin1")
    page = client.get("/campaigns/lutsk-2020/departments/fin").text
    assert "29.05.2020" in page and "потребує виправлень" in page and "версія 1 від 01.06.2020" in page
    assert "template.xlsx" in page and "feedback.xlsx" in page and "F6" in page and "рядків 20, помилок 3" in page
    template = client.get("/campaigns/lutsk-2020/departments/fin/template.xlsx")
    assert template.status_code == 200 and template.content[:2] == b"PK"


def test_an_upload_is_checked_at_once_and_becomes_the_current_version(client, web_url):
    sign_in(client, "fin1")
    form = client.get("/campaigns/lutsk-2020/departments/fin").text
    response = client.post("/campaigns/lutsk-2020/departments/fin/submissions",
                           data={"csrf_token": csrf_of(form)},
                           files={"file": ("fin_v2.xlsx", (DEMO / "eco.xlsx").read_bytes(), XLSX)})
    assert response.status_code == 201 and "Файл «fin_v2.xlsx» отримано і перевірено" in response.text
    found = verbs.history(verbs.engine_for(web_url), "lutsk-2020", "fin")["departments"][0]["versions"]
    assert [(v["file"], v["current"]) for v in found] == [("fin.xlsx", False), ("fin_v2.xlsx", True)]


def test_a_tool_uploads_with_the_token_in_a_header_and_gets_json(client):
    sign_in(client, "fin1")
    response = upload(client, "fin", "fin.xlsx", FIN, json=True)
    body = response.json()
    assert response.status_code == 201
    assert (body["department"], body["status"], body["errors"]) == ("fin", "invalid", 3)
    assert {f["code"] for f in body["findings"]} >= {"bad-email", "not-in-list", "missing-value"}


def test_the_web_upload_is_stored_as_the_same_file_in_the_folder_would_be(client, web_url, tmp_path):
    """The department that sent nothing (kap) sends a file: through the web, and, on a copy of
    the database before it, in the campaign folder; the register says the same of both."""
    from conftest import build_demo

    data = (DEMO / "trans.xlsx").read_bytes()
    sign_in(client, "kap1")
    assert upload(client, "kap", "kap.xlsx", data).status_code == 201
    folder = tmp_path / "folder"
    shutil.copytree(DEMO, folder)
    (folder / "kap.xlsx").write_bytes(data)
    build_demo(f"sqlite:///{tmp_path / 'folder.sqlite'}", folder)
    web = verbs.open_result(verbs.engine_for(web_url), "lutsk-2020", date(2020, 6, 2))
    run = verbs.open_result(verbs.engine_for(f"sqlite:///{tmp_path / 'folder.sqlite'}"), "lutsk-2020",
                            date(2020, 6, 2))
    flat = lambda r: sorted((f.department, f.row, f.code, f.message) for f in r.current_findings)  # noqa: E731
    assert flat(web) == flat(run)
    assert [(d["code"], d["status"], d["register_items"]) for d in web.summary["departments"]] == \
        [(d["code"], d["status"], d["register_items"]) for d in run.summary["departments"]]


def test_the_feedback_is_the_marked_copy_of_the_current_file(client):
    sign_in(client, "fin1")
    response = client.get("/campaigns/lutsk-2020/departments/fin/feedback.xlsx")
    assert response.status_code == 200 and "fin_feedback.xlsx" in response.headers["content-disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[0] == "Зауваження" and book["Інвентаризація"]["F6"].fill.fgColor.rgb.endswith("FFC7CE")


def test_a_version_and_its_original_bytes(client, web_url):
    sign_in(client, "fin1")
    sid = upload(client, "fin", "fin.xlsx", (DEMO / "eco.xlsx").read_bytes(), json=True).json()["submission"]
    page = client.get(f"/campaigns/lutsk-2020/departments/fin/submissions/{sid}")
    assert page.status_code == 200 and "fin.xlsx" in page.text
    original = client.get(f"/campaigns/lutsk-2020/departments/fin/submissions/{sid}/file")
    assert original.content == (DEMO / "eco.xlsx").read_bytes()


def test_the_working_group_sees_proposals_with_components_and_filters(client):
    sign_in(client, "wg1")
    page = client.get("/campaigns/lutsk-2020/proposals").text
    assert "Черга дітей до закладів дошкільної освіти (знеособлена)" in page and "Складові бала" in page
    assert "Записати рішення" not in page
    only = client.get("/campaigns/lutsk-2020/proposals", params={"department": "osv"}).text
    assert only.count('class="card proposal"') < page.count('class="card proposal"')
    assert "Департамент фінансів" not in only.split("<article", 1)[1]
    themed = client.get("/campaigns/lutsk-2020/proposals", params={"theme": "education"}).text
    assert "тема «освіта»" in themed and "тема «бюджет" not in themed


@pytest.mark.parametrize("path", ["/campaigns/lutsk-2020", "/campaigns/lutsk-2020/departments/fin", "/users",
                                  "/campaigns"])
def test_the_working_group_sees_no_drafts_and_no_dashboard(client, path):
    sign_in(client, "wg1")
    assert client.get(path).status_code == 403


@pytest.mark.parametrize("path", ["/campaigns/lutsk-2020", "/campaigns/lutsk-2020/proposals", "/users",
                                  "/campaigns/lutsk-2020/plan.xlsx"])
def test_a_department_sees_neither_the_dashboard_nor_proposals(client, path):
    sign_in(client, "fin1")
    assert client.get(path).status_code == 403


def decide(client, **form):
    page = client.get("/campaigns/lutsk-2020/proposals").text
    return client.post("/campaigns/lutsk-2020/decisions", data={"csrf_token": csrf_of(page), **form})


APPROVE = {"department": "osv", "item_id": "osv-005", "decision": "схвалити", "deadline": "2020-12-01",
           "responsible": "Поліщук Н. І.", "comment": "на засіданні 02.06.2020"}


def test_the_secretary_records_a_decision_and_the_plan_has_it(client, web_url):
    sign_in(client, "sec1")
    response = decide(client, **APPROVE)
    assert response.status_code == 200 and "Внесено рішень: 1" in response.text
    assert "Рішення: схвалити</b>, термін 01.12.2020" in response.text
    history = verbs.open_result(verbs.engine_for(web_url), "lutsk-2020", date(2020, 6, 2)).inputs.history
    assert [(h["item_id"], h["decision"], h["decided_by"]) for h in history] == [("osv-005", "схвалити", "sec1")]
    plan = load_workbook(io.BytesIO(client.get("/campaigns/lutsk-2020/plan.xlsx").content)).active
    assert any("Черга дітей" in str(c.value) for row in plan.iter_rows() for c in row)


def test_a_decision_breaking_a_sheet_rule_is_refused_with_its_message(client):
    sign_in(client, "sec1")
    response = decide(client, **{**APPROVE, "deadline": ""})
    assert response.status_code == 400 and "не вказано «Термін»" in response.text


def test_the_filled_sheet_is_imported_as_odaudit_review_import_does(client):
    sign_in(client, "sec1")
    sheet = client.get("/campaigns/lutsk-2020/proposals.xlsx").content
    book = load_workbook(io.BytesIO(sheet))
    ws = book["Пропозиції"]
    header = {c.value: c.column for c in ws[1]}
    ws.cell(2, header["Рішення"]).value = "відкласти"
    out = io.BytesIO()
    book.save(out)
    page = client.get("/campaigns/lutsk-2020/proposals").text
    response = client.post("/campaigns/lutsk-2020/decisions", data={"csrf_token": csrf_of(page)},
                           files={"file": ("signed.xlsx", out.getvalue(), XLSX)})
    assert response.status_code == 200 and "Внесено рішень: 1" in response.text


@pytest.mark.parametrize("name", ["wg1", "ict1", "fin1"])
def test_only_the_secretary_records_decisions(client, name):
    sign_in(client, name)
    assert client.post("/campaigns/lutsk-2020/decisions", data={**APPROVE, "csrf_token": token(client)}).status_code \
        == 403


def test_every_upload_and_decision_is_in_the_audit_log(client, app):
    from audits.campaign import accounts

    sign_in(client, "fin1")
    upload(client, "fin", "fin.xlsx", FIN)
    client.cookies.clear()
    sign_in(client, "sec1")
    decide(client, **APPROVE)
    found = [(e["username"], e["action"], e["campaign"], e["department"], e["address"])
             for e in accounts.events(app.state.engine) if e["action"] in ("upload", "decision")]
    assert found == [("sec1", "decision", "lutsk-2020", "osv", "testclient"),
                     ("fin1", "upload", "lutsk-2020", "fin", "testclient")]
    assert all(e["at"] == NOW for e in accounts.events(app.state.engine))
    client.cookies.clear()
    sign_in(client, "ict1")
    page = client.get("/users").text
    assert "надіслано перелік" in page and "рішення робочої групи" in page and "argon2" not in page


def test_the_same_routes_on_postgresql_and_sqlite(demo_db_url):
    """The routes on both databases: sign in, dashboard, upload, 403 elsewhere."""
    from starlette.testclient import TestClient

    from audits.web.app import create_app

    add_users(demo_db_url)
    app = create_app(demo_db_url, secret="s", clock=lambda: datetime(2020, 6, 2, 10))
    try:
        with TestClient(app, raise_server_exceptions=False) as client:
            sign_in(client, "ict1")
            assert client.get("/campaigns/lutsk-2020").status_code == 200
            client.cookies.clear()
            sign_in(client, "fin1")
            assert upload(client, "fin", "fin.xlsx", (DEMO / "eco.xlsx").read_bytes(), json=True).json()["status"] \
                == "accepted"
            assert client.get("/campaigns/lutsk-2020/departments/kap").status_code == 403
            assert client.get("/campaigns/lutsk-2020/departments/fin/feedback.xlsx").status_code == 200
            assert client.post("/campaigns/lutsk-2020/departments/fin/submissions", data={"csrf_token": "stale"},
                               files={"file": ("fin.xlsx", FIN, XLSX)}).status_code == 403
            client.cookies.clear()
            sign_in(client, "sec1")
            assert "Внесено рішень: 1" in decide(client, **APPROVE).text
            history = verbs.open_result(app.state.engine, "lutsk-2020", date(2020, 6, 2)).inputs.history
            assert [(h["item_id"], h["decided_by"]) for h in history] == [("osv-005", "sec1")]
    finally:
        app.state.engine.dispose()


def run_cli(args, input=""):
    from typer.testing import CliRunner

    from audits.cli.main import app as cli
    from cli_runner import ENV

    return CliRunner().invoke(cli, args, input=input, env=ENV)


def test_the_cli_manages_accounts(web_url, tmp_path):
    result = run_cli(["user", "add", "clerk", "--role", "department", "--department", "osv", "--db", web_url],
                     input="a-long-password\n")
    assert result.exit_code == 0, result.output
    listed = run_cli(["user", "list", "--json", "--db", web_url])
    assert {"name": "clerk", "role": "department", "department": "osv", "council": None, "disabled": False} \
        .items() <= next(u for u in __import__("json").loads(listed.stdout) if u["name"] == "clerk").items()
    assert "password" not in listed.stdout
    assert run_cli(["user", "add", "x", "--role", "boss", "--db", web_url], input="a-long-password\n").exit_code == 2
    assert run_cli(["user", "add", "y", "--role", "ict", "--db", web_url], input="short\n").exit_code == 2
    assert run_cli(["user", "disable", "clerk", "--db", web_url]).exit_code == 0
    assert run_cli(["user", "disable", "nobody", "--db", web_url]).exit_code == 2


def test_a_disabled_user_is_out_at_the_next_request(client, web_url):
    from audits.campaign import accounts

    sign_in(client, "fin1")
    assert client.get("/campaigns/lutsk-2020/departments/fin").status_code == 200
    accounts.disable_user(verbs.engine_for(web_url), "fin1")
    assert client.get("/campaigns/lutsk-2020/departments/fin", follow_redirects=False).status_code == 303
    assert sign_in(client, "fin1").status_code == 401


def test_demo_file_paths_exist():
    assert Path(DEMO / "fin.xlsx").is_file()


def test_an_account_of_another_council_sees_none_of_this_one(client, app):
    from audits.campaign import accounts

    accounts.add_user(app.state.engine, "ict-other", "ict", "password-ict-other", council="other-rada", now=NOW)
    accounts.add_user(app.state.engine, "fin-other", "department", "password-fin-other", department="fin",
                      council="other-rada", now=NOW)
    sign_in(client, "ict-other")
    assert "lutsk-2020" not in client.get("/campaigns").text
    for path in ("/campaigns/lutsk-2020", "/councils/lutska-miska-rada", "/campaigns/lutsk-2020/proposals"):
        assert client.get(path).status_code == 403, path
    client.cookies.clear()
    sign_in(client, "fin-other")
    assert client.get("/campaigns/lutsk-2020/departments/fin").status_code == 403
    assert "Кампаній ще немає" in client.get("/").text
