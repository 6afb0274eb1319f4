"""Limits the web app keeps: the request body's size (before anything is parsed) and failed
sign-ins per account and per address (in memory: they restart with the server)."""
from __future__ import annotations

import time
from collections import defaultdict, deque

from ..files import max_bytes

MULTIPART_MARGIN = 64 * 1024     # the form's boundaries and other fields around the file
ACCOUNT_FAILURES, ADDRESS_FAILURES, WINDOW_S = 5, 20, 15 * 60


class BodyTooLarge(Exception):
    """The request body is over the limit of one user file (setting max_file_mb)."""


def body_limit() -> int:
    return max_bytes() + MULTIPART_MARGIN


class BodyLimit:
    """ASGI middleware: a declared length over the limit is refused before reading; an
    undeclared one is counted as it arrives and stopped at the limit."""

    def __init__(self, app, limit: int | None = None):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = self.limit or body_limit()
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"").decode("latin-1")
        if declared.isdigit() and int(declared) > limit:
            return await too_large(send, limit)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge()
            return message

        return await self.app(scope, counted, send)


class SignInLimiter:
    """At most ACCOUNT_FAILURES wrong passwords per account and ADDRESS_FAILURES per address in
    WINDOW_S seconds; then sign-in is refused (without checking the password) until they age out."""

    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self.failures: dict[tuple[str, str], deque] = defaultdict(deque)

    def _recent(self, key: tuple[str, str]) -> int:
        found, now = self.failures[key], self.clock()
        while found and now - found[0] > WINDOW_S:
            found.popleft()
        return len(found)

    def blocked(self, account: str, address: str) -> bool:
        return (self._recent(("account", account.casefold())) >= ACCOUNT_FAILURES
                or self._recent(("address", address)) >= ADDRESS_FAILURES)

    def failed(self, account: str, address: str) -> None:
        now = self.clock()
        self.failures[("account", account.casefold())].append(now)
        self.failures[("address", address)].append(now)

    def succeeded(self, account: str) -> None:
        self.failures.pop(("account", account.casefold()), None)


async def too_large(send, limit: int) -> None:
    """The refusal, before the body is read: a short Ukrainian page."""
    page = (f"<!doctype html><html lang=uk><meta charset=utf-8><title>Завеликий файл</title>"
            f"<p>Файл завеликий: можна щонайбільше {limit / 1_000_000:.0f} МБ. "
            f"<a href=\"/\">Повернутися</a></p></html>").encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"text/html; charset=utf-8"),
                            (b"content-length", str(len(page)).encode()), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": page})
