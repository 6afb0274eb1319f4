"""odaudit notify against a real SMTP server process on 127.0.0.1 (aiosmtpd with STARTTLS and
login): .eml files by default, what the server received with --send, a refused recipient, and a
second --send right after the first that sends nothing."""
from __future__ import annotations

import datetime as dt
import email
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest

from cli_runner import odaudit
from conftest import DEMO, ROOT
from prefect_processes import free_port, stop

REFUSED = "k.mazur@lutskrada.gov.ua"        # mizh: the server refuses this mailbox


def _certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (the client trusts it through ?cafile=)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.fixture(scope="module")
def smtp(tmp_path_factory):
    """(ODAUDIT_SMTP_URL, the folder of received messages) of a running server process."""
    folder = tmp_path_factory.mktemp("smtp")
    cert, key = _certificate(folder)
    port = free_port()
    args = [sys.executable, str(ROOT / "tests" / "smtp_server.py"), str(port), str(folder / "inbox"), str(cert),
            str(key), "audit", "s3cret", REFUSED]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, start_new_session=True)
    try:
        assert process.stdout.readline().strip() == b"ready"
        yield f"smtp://audit:s3cret@127.0.0.1:{port}?cafile={cert}", folder / "inbox"
    finally:
        stop(process)


@pytest.fixture(scope="module")
def campaign_db(tmp_path_factory):
    from conftest import build_demo

    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'register.sqlite'}"
    build_demo(url, DEMO)
    return url


def received(inbox: Path) -> list:
    return [email.message_from_bytes(p.read_bytes(), policy=policy.default) for p in sorted(inbox.glob("*.eml"))]


def test_default_writes_eml_files_and_sends_nothing(campaign_db, smtp, tmp_path):
    url, inbox = smtp
    before = len(received(inbox))
    result = odaudit(*["notify", "feedback", "--db", campaign_db, "--out", str(tmp_path)])
    assert result.returncode == 0, result.stderr
    emls = sorted((tmp_path / "mail" / "feedback").glob("*.eml"))
    assert len(emls) == 16 and len(received(inbox)) == before
    cnap = email.message_from_bytes((tmp_path / "mail" / "feedback" / "cnap.eml").read_bytes(), policy=policy.default)
    assert cnap["To"] == "l.shevchuk@lutskrada.gov.ua"
    assert cnap["Subject"].startswith("Аудит даних — результати перевірки")
    assert "помилк" in cnap.get_body().get_content()
    assert [a.get_filename() for a in cnap.iter_attachments()] == ["cnap.xlsx"]


def test_send_delivers_refuses_one_and_never_sends_twice(campaign_db, smtp, tmp_path, monkeypatch):
    url, inbox = smtp
    monkeypatch.setenv("ODAUDIT_SMTP_URL", url)
    before = len(received(inbox))
    args = ["notify", "reminders", "--db", campaign_db, "--out", str(tmp_path), "--today", "2020-05-25", "--json",
            "--send"]
    first = odaudit(*args)
    assert first.returncode == 0, first.output      # mizh is not owed a reminder: accepted in this demo
    import json

    statuses = {m["department"]: m["status"] for m in json.loads(first.stdout)["mails"]}
    assert set(statuses.values()) == {"sent"} and len(statuses) == 8
    got = received(inbox)[before:]
    assert sorted(m["To"] for m in got) == sorted(m["to"] for m in json.loads(first.stdout)["mails"])
    assert all("До кінця строку подання (29.05.2020) залишилося 4 дні." in m.get_body().get_content() for m in got)
    second = odaudit(*args)
    assert {m["status"] for m in json.loads(second.stdout)["mails"]} == {"already-sent"}
    assert len(received(inbox)) == before + 8


def test_refused_recipient_is_reported_and_not_logged_as_sent(campaign_db, smtp, tmp_path, monkeypatch):
    import json

    url, inbox = smtp
    monkeypatch.setenv("ODAUDIT_SMTP_URL", url)
    args = ["notify", "feedback", "--db", campaign_db, "--out", str(tmp_path), "--json", "--send"]
    first = odaudit(*args)
    assert first.returncode == 1
    rows = {m["department"]: m for m in json.loads(first.stdout)["mails"]}
    assert rows["mizh"]["status"] == "refused" and rows["mizh"]["reason"].startswith("550")
    assert sum(m["status"] == "sent" for m in rows.values()) == 15
    again = {m["department"]: m["status"] for m in json.loads(odaudit(*args).stdout)["mails"]}
    assert again["mizh"] == "refused" and list(again.values()).count("already-sent") == 15


def test_send_without_a_server_is_one_line(campaign_db, tmp_path, monkeypatch):
    monkeypatch.delenv("ODAUDIT_SMTP_URL", raising=False)
    result = odaudit(*["notify", "feedback", "--db", campaign_db, "--out", str(tmp_path), "--send"])
    assert result.returncode == 2 and "ODAUDIT_SMTP_URL" in result.stderr


def test_reminders_after_the_deadline_send_nothing(campaign_db, tmp_path):
    result = odaudit(*["notify", "reminders", "--db", campaign_db, "--out", str(tmp_path), "--today", "2020-06-01"])
    assert result.returncode == 0 and "deadline has passed" in result.stdout
