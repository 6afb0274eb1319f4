"""The web app in a real browser: Debian's Chromium (headless) driven by Playwright's Python
client, against `odaudit serve` started on a free port on 127.0.0.1 and stopped by its PID.
Each role signs in; the clerk uploads a demo file and downloads the feedback; the secretary
records a decision. Screenshots stay in the test's temporary folder."""
from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from openpyxl import load_workbook

from conftest import DEMO, ROOT
from webkit import password, web_sqlite, web_url  # noqa: F401

CHROMIUM = Path("/usr/bin/chromium")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(web_url, tmp_path):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ODAUDIT_WEB_SECRET": "browser-test", "ODAUDIT_DATABASE_URL": ""}
    log = (tmp_path / "server.log").open("w")
    process = subprocess.Popen([sys.executable, "-c", "from audits.cli.main import main; main()", "serve",
                                "--db", web_url, "--port", str(port)], env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail((tmp_path / "server.log").read_text())
        yield base
    finally:
        os.kill(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
        log.close()


@pytest.fixture
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is required in CI (apt-get install chromium)")
        pytest.skip("no /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        found = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        yield found
        found.close()


def signed_in(browser, base: str, name: str):
    page = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{base}/login")
    page.fill("#username", name)
    page.fill("#password", password(name))
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return page


def test_every_role_works_in_a_real_browser(server, browser, tmp_path):
    shots = tmp_path / "screenshots"
    shots.mkdir()

    ict = signed_in(browser, server, "ict1")
    assert ict.url.endswith("/campaigns")
    ict.click("text=Аудит даних виконавчих органів Луцької міської ради, 2020")
    assert ict.locator("h2", has_text="Що зробити насамперед").is_visible()
    assert ict.locator("svg").count() == 4
    ict.screenshot(path=shots / "dashboard.png", full_page=True)

    clerk = signed_in(browser, server, "fin1")
    assert clerk.url.endswith("/campaigns/lutsk-2020/departments/fin")
    clerk.set_input_files("#file", str(DEMO / "eco.xlsx"))
    started = time.perf_counter()
    clerk.click("text=Надіслати і перевірити")
    clerk.wait_for_selector("[role=status]")
    assert "перелік прийнято" in clerk.inner_text("[role=status]")
    (tmp_path / "upload-seconds.txt").write_text(f"{time.perf_counter() - started:.2f}")
    clerk.screenshot(path=shots / "department-after-upload.png", full_page=True)
    clerk.set_input_files("#file", str(DEMO / "fin.xlsx"))
    clerk.click("text=Надіслати і перевірити")
    clerk.wait_for_selector("[role=status]")
    assert "помилок 3" in clerk.inner_text("[role=status]")
    with clerk.expect_download() as download:
        clerk.click("text=Завантажити файл із позначеними зауваженнями (XLSX)")
    saved = tmp_path / "feedback.xlsx"
    download.value.save_as(saved)
    assert load_workbook(io.BytesIO(saved.read_bytes())).sheetnames[0] == "Зауваження"
    clerk.goto(f"{server}/campaigns/lutsk-2020/departments/kap")
    assert "Доступ заборонено" in clerk.inner_text("h1")

    group = signed_in(browser, server, "wg1")
    assert group.url.endswith("/campaigns/lutsk-2020/proposals")
    group.select_option("#department", "osv")
    group.click("text=Показати")
    assert "department=osv" in group.url
    group.screenshot(path=shots / "proposals-filtered.png", full_page=False)

    secretary = signed_in(browser, server, "sec1")
    card = secretary.locator("#p-osv-osv-005")
    card.locator("summary", has_text="Записати рішення").click()
    card.locator("select[name=decision]").select_option("схвалити")
    card.locator("input[name=deadline]").fill("2020-12-01")
    card.locator("input[name=comment]").fill("<b>протокол № 3</b>")
    card.locator("button", has_text="Записати").click()
    secretary.wait_for_selector("[role=status]")
    assert "Внесено рішень: 1" in secretary.inner_text("[role=status]")
    assert "<b>протокол № 3</b>" in secretary.inner_text("#p-osv-osv-005")
    secretary.screenshot(path=shots / "decision.png", full_page=False)
    assert sorted(p.name for p in shots.iterdir()) == ["dashboard.png", "decision.png", "department-after-upload.png",
                                                       "proposals-filtered.png"]
