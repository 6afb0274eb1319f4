"""A real SMTP server for the tests (aiosmtpd), run as its own process:
``python tests/smtp_server.py PORT FOLDER CERT KEY USER PASSWORD [REFUSED ...]``. It requires
STARTTLS and login, refuses the listed recipients with 550, and writes each message it accepts
to FOLDER/<n>.eml. Stopped by its PID."""
from __future__ import annotations

import ssl
import sys
import threading
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Handler:
    def __init__(self, folder: Path, refused: set[str]):
        self.folder, self.refused, self.count = folder, refused, 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 (aiosmtpd's name)
        if address.lower() in self.refused:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.count += 1
        (self.folder / f"{self.count:03d}.eml").write_bytes(envelope.original_content or envelope.content)
        return "250 Message accepted"


def main(port: str, folder: str, cert: str, key: str, user: str, password: str, *refused: str) -> None:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login.decode() == user and auth_data.password.decode() == password
        return AuthResult(success=ok)

    Path(folder).mkdir(parents=True, exist_ok=True)
    controller = Controller(Handler(Path(folder), {r.lower() for r in refused}), hostname="127.0.0.1", port=int(port),
                            tls_context=context, require_starttls=True, authenticator=authenticate,
                            auth_required=True)
    controller.start()
    print("ready", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main(*sys.argv[1:])
