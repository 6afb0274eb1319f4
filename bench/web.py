"""Benchmark: the web app on the demo campaign. Builds the demo database in a temporary folder,
adds a clerk and an ICT account, starts `odaudit serve` on a free port on 127.0.0.1 (stopped
by its PID), and prints the dashboard's page weight and the time from an upload to the
feedback workbook downloaded, for a few demo files with planted mistakes.

    python bench/web.py [ROUNDS]
"""
from __future__ import annotations

import io
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

import httpx
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "inventories" / "lutsk-2020"
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 5


def prepare(folder: Path) -> str:
    from audits.campaign import accounts, pipeline
    from audits.campaign.config import load_campaign
    from audits.store.db import open_database

    url = f"sqlite:///{folder / 'web.sqlite'}"
    engine = open_database(url)
    pipeline.audit(engine, load_campaign(DEMO), date(2020, 6, 1), datetime(2020, 6, 1, 9))
    for name, role, department in (("ict", "ict", None), ("clerk", "department", "fin")):
        accounts.add_user(engine, name, role, f"{name}-password", department=department, now=datetime.now())
    engine.dispose()
    return url


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sign_in(client: httpx.Client, name: str) -> None:
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)
    client.post("/login", data={"username": name, "password": f"{name}-password", "csrf_token": token})


def variant(n: int) -> bytes:
    """fin.xlsx (3 errors) with one unused cell changed: a new file each round."""
    book = load_workbook(DEMO / "fin.xlsx")
    book.active["Z1"] = f"round {n}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def measure(base: str) -> None:
    with httpx.Client(base_url=base, timeout=60) as client:
        sign_in(client, "ict")
        page = client.get("/campaigns/lutsk-2020")
        print(f"dashboard: {len(page.content)} bytes (HTTP {page.status_code}), one request, no other asset")
    with httpx.Client(base_url=base, timeout=60) as client:
        sign_in(client, "clerk")
        token = client.get("/api/token").json()["csrf_token"]
        for n in range(ROUNDS):
            data = variant(n)
            started = time.perf_counter()
            sent = client.post("/campaigns/lutsk-2020/departments/fin/submissions", files={"file": ("fin.xlsx", data)},
                               headers={"x-csrf-token": token, "accept": "application/json"})
            feedback = client.get("/campaigns/lutsk-2020/departments/fin/feedback.xlsx")
            took = time.perf_counter() - started
            body = sent.json()
            print(f"upload -> feedback: {took:.2f} s ({body['status']}, {body['errors']} errors; "
                  f"feedback {len(feedback.content)} bytes)")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = prepare(Path(folder))
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT), "ODAUDIT_WEB_SECRET": "bench"}
        server = subprocess.Popen([sys.executable, "-c", "from audits.cli.main import main; main()", "serve",
                                   "--db", url, "--port", str(port)], env=env, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    if httpx.get(f"{base}/healthz").status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            measure(base)
        finally:
            os.kill(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
