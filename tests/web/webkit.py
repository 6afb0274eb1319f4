"""The web app's test fixtures (imported by the tests of this folder): the demo campaign's
database with one account per role, a client on the app in process (Starlette's TestClient:
real HTTP semantics, real database), sign-in."""
from __future__ import annotations

import re
import shutil
from datetime import datetime

import pytest

from audits.campaign import accounts
from audits.store.db import open_database
from conftest import private_copy

NOW = datetime(2020, 6, 2, 10, 0)
USERS = {"ict1": ("ict", None), "fin1": ("department", "fin"), "kap1": ("department", "kap"),
         "wg1": ("working-group", None), "sec1": ("secretary", None)}
SECRET = "test-secret"


def password(name: str) -> str:
    return f"password-{name}"


def add_users(url: str) -> None:
    engine = open_database(url)
    try:
        for name, (role, department) in USERS.items():
            accounts.add_user(engine, name, role, password(name), department=department, now=NOW)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def web_sqlite(demo_sqlite, tmp_path_factory):
    """The demo campaign with the accounts, built once; tests take a copy."""
    path = tmp_path_factory.mktemp("web") / "web.sqlite"
    shutil.copy(demo_sqlite, path)
    add_users(f"sqlite:///{path}")
    return path


@pytest.fixture
def web_url(web_sqlite, tmp_path) -> str:
    return private_copy(web_sqlite, tmp_path)


@pytest.fixture
def app(web_url):
    from audits.web.app import create_app

    made = create_app(web_url, secret=SECRET, clock=lambda: NOW)
    yield made
    made.state.engine.dispose()


@pytest.fixture
def client(app):
    from starlette.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as found:
        yield found


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def sign_in(client, name: str, secret: str | None = None):
    """Sign in through the form, as a browser does; returns the response of POST /login."""
    token = csrf_of(client.get("/login").text)
    return client.post("/login", data={"username": name, "password": secret or password(name), "csrf_token": token},
                       follow_redirects=False)


def token(client) -> str:
    return client.get("/api/token").json()["csrf_token"]
