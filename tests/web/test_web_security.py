"""What the web app refuses: another department's pages by URL, forms without or with a stale
CSRF token, a hand-edited session, repeated wrong passwords, huge and hostile uploads; and
what it never shows: a script from user text unescaped, a stack trace."""
from __future__ import annotations

import base64
import io
import json
import zipfile

import pytest

from audits.campaign import verbs
from conftest import DEMO
from webkit import app, client, csrf_of, sign_in, token, web_sqlite, web_url  # noqa: F401

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
KAP = "/campaigns/lutsk-2020/departments/kap"
SCRIPT = "<script>alert(1)</script>"


def kap_submission(web_url) -> int:
    """A version of kap's (sent by its own clerk, through the library)."""
    from datetime import datetime

    from audits.campaign import upload

    return upload.submit(verbs.engine_for(web_url), "lutsk-2020", "kap", "kap-secret-name.xlsx",
                         (DEMO / "eco.xlsx").read_bytes(), datetime(2020, 6, 2, 9)).submission_id


def test_a_department_cannot_open_another_departments_anything(client, web_url):
    sid = kap_submission(web_url)
    sign_in(client, "fin1")
    for path in (KAP, f"{KAP}/template.xlsx", f"{KAP}/feedback.xlsx", f"{KAP}/submissions/{sid}",
                 f"{KAP}/submissions/{sid}/file", f"/campaigns/lutsk-2020/departments/fin/submissions/{sid}",
                 f"/campaigns/lutsk-2020/departments/fin/submissions/{sid}/file",
                 "/campaigns/lutsk-2020/departments/nosuch", "/campaigns/no-such-campaign/departments/fin"):
        response = client.get(path)
        assert response.status_code == 403, path
        assert "kap-secret-name" not in response.text and "капітального" not in response.text
        assert "Доступ заборонено" in response.text
    assert client.post(f"{KAP}/submissions", headers={"x-csrf-token": token(client)},
                       files={"file": ("kap.xlsx", b"x", XLSX)}).status_code == 403
    versions = verbs.history(verbs.engine_for(web_url), "lutsk-2020", "kap")["departments"][0]["versions"]
    assert len(versions) == 1


def test_an_unknown_version_and_a_foreign_one_look_the_same(client, web_url):
    sid = kap_submission(web_url)
    sign_in(client, "fin1")
    base = "/campaigns/lutsk-2020/departments/fin/submissions"
    assert client.get(f"{base}/{sid}").text == client.get(f"{base}/999999").text


@pytest.mark.parametrize("given", [None, "", "forged", "stale"])
def test_a_form_without_the_sessions_csrf_token_is_refused(client, web_url, given):
    stale = csrf_of(client.get("/login").text)          # the anonymous session's token, before sign-in
    sign_in(client, "fin1")
    data = {} if given is None else {"csrf_token": stale if given == "stale" else given}
    response = client.post("/campaigns/lutsk-2020/departments/fin/submissions", data=data,
                           files={"file": ("fin.xlsx", (DEMO / "eco.xlsx").read_bytes(), XLSX)})
    assert response.status_code == 403
    assert len(verbs.history(verbs.engine_for(web_url), "lutsk-2020", "fin")["departments"][0]["versions"]) == 1


def test_sign_in_without_the_forms_token_is_refused(client):
    client.get("/login")
    response = client.post("/login", data={"username": "ict1", "password": "password-ict1"}, follow_redirects=False)
    assert response.status_code == 403 and "odaudit_session" not in response.headers.get("set-cookie", "x=1")[:20]


def test_sign_out_needs_the_token_too(client):
    sign_in(client, "fin1")
    assert client.post("/logout").status_code == 403
    assert client.post("/logout", data={"csrf_token": token(client)}, follow_redirects=False).status_code == 303


def edited(cookie: str, **changes) -> str:
    body, signature = cookie.split(".")
    raw = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    new = base64.urlsafe_b64encode(json.dumps({**raw, **changes}).encode()).decode().rstrip("=")
    return f"{new}.{signature}"


@pytest.mark.parametrize("change", [{"u": "ict1"}, {"t": 4102444800000}, "garbage", "no-signature"])
def test_a_hand_edited_session_cookie_is_nobody(client, change):
    sign_in(client, "fin1")
    cookie = client.cookies["odaudit_session"]
    value = {"garbage": "a.b.c", "no-signature": cookie.split(".")[0]}.get(change) if isinstance(change, str) \
        else edited(cookie, **change)
    client.cookies.clear()
    client.cookies.set("odaudit_session", value)
    response = client.get("/campaigns/lutsk-2020", follow_redirects=False)
    assert (response.status_code, response.headers.get("location")) == (303, "/login")


def test_repeated_wrong_passwords_lock_the_account_then_the_address(client):
    for _ in range(5):
        assert sign_in(client, "fin1", "wrong").status_code == 401
    assert sign_in(client, "fin1").status_code == 429           # even the right password, for a while
    assert "Забагато невдалих спроб" in client.post("/login", data={
        "username": "fin1", "password": "password-fin1", "csrf_token": csrf_of(client.get("/login").text)}).text
    for n in range(15):
        sign_in(client, f"nobody{n}", "wrong")
    assert sign_in(client, "ict1").status_code == 429           # the address has had 20 failures


def test_the_limiter_forgets_after_the_window():
    from audits.web.limits import WINDOW_S, SignInLimiter

    now = [0.0]
    limiter = SignInLimiter(clock=lambda: now[0])
    for _ in range(5):
        limiter.failed("fin1", "10.0.0.1")
    assert limiter.blocked("FIN1", "10.0.0.2")
    now[0] = WINDOW_S + 1
    assert not limiter.blocked("fin1", "10.0.0.1")


def test_a_script_in_every_user_text_is_shown_escaped(client, tmp_path):
    """A file name, a title and a value in the findings, a decision's comment, a user name."""
    from rows import row, write_inventory

    sign_in(client, "fin1")
    path = write_inventory(tmp_path / "fin.xlsx", [row(1, title=SCRIPT, responsible_email=f"{SCRIPT}@x")])
    response = client.post("/campaigns/lutsk-2020/departments/fin/submissions",
                           headers={"x-csrf-token": token(client)},
                           files={"file": (f"{SCRIPT}.xlsx", path.read_bytes(), XLSX)})
    assert response.status_code == 201
    assert SCRIPT not in response.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    page = client.get("/campaigns/lutsk-2020/departments/fin").text
    assert SCRIPT not in page and "&lt;script&gt;" in page
    client.cookies.clear()
    sign_in(client, "sec1")
    page = client.get("/campaigns/lutsk-2020/proposals").text
    decided = client.post("/campaigns/lutsk-2020/decisions", data={
        "csrf_token": csrf_of(page), "department": "osv", "item_id": "osv-005", "decision": "відкласти",
        "comment": SCRIPT, "responsible": SCRIPT})
    assert decided.status_code == 200 and SCRIPT not in decided.text
    client.cookies.clear()
    login = client.post("/login", data={"username": SCRIPT, "password": "x",
                                         "csrf_token": csrf_of(client.get("/login").text)})
    assert SCRIPT not in login.text and "&lt;script&gt;" in login.text


def test_a_huge_upload_is_refused_before_it_is_read(web_url, monkeypatch):
    from starlette.testclient import TestClient

    from audits.web.app import create_app

    monkeypatch.setenv("ODAUDIT_MAX_FILE_MB", "0.2")
    app = create_app(web_url, secret="s")
    with TestClient(app, raise_server_exceptions=False) as client:
        sign_in(client, "fin1")
        big = b"\0" * 400_000
        declared = client.post("/campaigns/lutsk-2020/departments/fin/submissions",
                               headers={"x-csrf-token": token(client)}, files={"file": ("fin.xlsx", big, XLSX)})
        assert declared.status_code == 413 and "Файл завеликий" in declared.text

        def chunks():
            for _ in range(40):
                yield b"\0" * 10_000

        streamed = client.post("/campaigns/lutsk-2020/departments/fin/submissions", content=chunks(),
                               headers={"x-csrf-token": token(client),
                                        "content-type": "multipart/form-data; boundary=xyz"})
        assert streamed.status_code == 413 and "Завеликий файл" in streamed.text
    versions = verbs.history(verbs.engine_for(web_url), "lutsk-2020", "fin")["departments"][0]["versions"]
    assert len(versions) == 1
    app.state.engine.dispose()


def test_a_file_over_the_file_limit_but_under_the_body_limit_is_a_finding(client, monkeypatch):
    """The same limit as in a folder: a file a few bytes over max_file_mb is read no further."""
    sign_in(client, "fin1")
    monkeypatch.setenv("ODAUDIT_MAX_FILE_MB", "0.005")
    response = client.post("/campaigns/lutsk-2020/departments/fin/submissions", headers={
        "x-csrf-token": token(client), "accept": "application/json"},
        files={"file": ("fin.xlsx", (DEMO / "eco.xlsx").read_bytes(), XLSX)})
    assert response.status_code == 201 and [f["code"] for f in response.json()["findings"]] == ["file-too-large"]


def test_a_zip_bomb_is_a_finding_not_a_crash(client, monkeypatch):
    monkeypatch.setenv("ODAUDIT_MAX_UNPACKED_MB", "1")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO((DEMO / "fin.xlsx").read_bytes())) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            bomb.writestr(item, source.read(item))
        bomb.writestr("xl/media/filler.bin", b"\0" * 5_000_000)
    assert len(out.getvalue()) < 100_000
    sign_in(client, "fin1")
    response = client.post("/campaigns/lutsk-2020/departments/fin/submissions", headers={
        "x-csrf-token": token(client), "accept": "application/json"},
        files={"file": ("fin.xlsx", out.getvalue(), XLSX)})
    assert response.status_code == 201 and [f["code"] for f in response.json()["findings"]] == ["archive-bomb"]


def test_a_file_name_with_dots_and_slashes_is_kept_as_its_own_name_only(client, web_url, tmp_path):
    sign_in(client, "fin1")
    response = client.post("/campaigns/lutsk-2020/departments/fin/submissions", headers={
        "x-csrf-token": token(client), "accept": "application/json"},
        files={"file": ("../../../../tmp/evil\\..\\fin.xlsx", (DEMO / "eco.xlsx").read_bytes(), XLSX)})
    assert response.json()["file"] == "fin.xlsx"
    versions = verbs.history(verbs.engine_for(web_url), "lutsk-2020", "fin")["departments"][0]["versions"]
    assert versions[-1]["file"] == "fin.xlsx"


def test_safe_names():
    from audits.campaign.upload import safe_name

    assert safe_name("../../etc/passwd", "fin") == "passwd"
    assert safe_name("..", "fin") == "fin" and safe_name("", "fin") == "fin" and safe_name(None, "fin") == "fin"
    assert safe_name("a\x00b:c.xlsx", "fin") == "a_b_c.xlsx"
    assert len(safe_name("я" * 500 + ".xlsx", "fin")) == 200 and safe_name("я" * 500 + ".xlsx", "fin").endswith(".xlsx")


def test_no_stack_trace_ever_reaches_a_page(client, app):
    import sqlalchemy as sa

    sign_in(client, "ict1")
    with app.state.engine.begin() as connection:
        connection.execute(sa.text("DROP TABLE coverage_link"))
        connection.execute(sa.text("ALTER TABLE finding RENAME TO finding_gone"))
    response = client.get("/campaigns/lutsk-2020")
    assert response.status_code == 500 and "Внутрішня помилка" in response.text
    for word in ("Traceback", "sqlalchemy", "finding", "File \"", "OperationalError"):
        assert word not in response.text


def test_pages_allow_no_outside_script_or_style(client):
    sign_in(client, "ict1")
    response = client.get("/campaigns/lutsk-2020")
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert "<script" not in response.text and "<link" not in response.text


def test_odd_requests_get_ukrainian_pages_without_traces(client):
    sign_in(client, "fin1")
    base = "/campaigns/lutsk-2020/departments/fin/submissions"
    cases = [
        (client.get("/logout"), 405, "Дія недоступна"),
        (client.get("/no/such/page"), 404, "Сторінку не знайдено"),
        (client.post(base, data={"csrf_token": token(client)}), 400, "Не вибрано файл"),
        (client.post(base, headers={"x-csrf-token": token(client)},
                     files=[("file", ("a.xlsx", b"1", XLSX)), ("file", ("b.xlsx", b"2", XLSX))]), 400,
         "Неправильний запит"),
        (client.post(base, headers={"x-csrf-token": token(client), "content-type": "multipart/form-data"},
                     content=b"--x\r\nbroken"), 400, "Неправильний запит"),
    ]
    for response, status, title in cases:
        assert (response.status_code, title in response.text) == (status, True), response.text[:300]
        assert "Traceback" not in response.text and "starlette" not in response.text.lower()


def test_a_session_is_over_once_its_owner_signs_out(client):
    sign_in(client, "fin1")
    copied = client.cookies["odaudit_session"]
    assert client.post("/logout", data={"csrf_token": token(client)}, follow_redirects=False).status_code == 303
    client.cookies.set("odaudit_session", copied)
    assert client.get("/campaigns/lutsk-2020/departments/fin", follow_redirects=False).status_code == 303
    client.cookies.clear()
    sign_in(client, "fin1")                                   # signing in again works at once
    assert client.get("/campaigns/lutsk-2020/departments/fin").status_code == 200


def test_an_expired_session_is_nobody():
    from audits.web.session import MAX_AGE, decode, encode, new_session

    session = new_session("fin1")
    value = encode(session, b"k")
    assert decode(value, b"k") == session and decode(value, b"other") is None
    assert decode(value, b"k", now=session.issued / 1000 + MAX_AGE + 1) is None
