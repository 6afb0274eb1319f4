"""A real local HTTP server for the link-check tests (127.0.0.1, a free port, in a thread) that
answers 200, redirect chains, 404, 500, slowly, with the wrong content type, with an endless
body and with never-ending headers."""
from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

HITS: Counter = Counter()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):      # quiet
        pass

    def do_HEAD(self):  # noqa: N802
        self.answer(head=True)

    def do_GET(self):  # noqa: N802
        self.answer(head=False)

    def answer(self, head: bool):  # noqa: C901, PLR0911, PLR0912 (one branch per behaviour)
        path = self.path.split("?")[0]
        HITS[path] += 1
        if path.startswith("/chain/"):
            left = int(path.rsplit("/", 1)[1])
            return self.send(301, location=f"/chain/{left - 1}") if left else self.send(200, "text/csv", b"a,b\n")
        if path.startswith("/loop/"):
            return self.send(301, location=f"/loop/{int(path.rsplit('/', 1)[1]) + 1}")
        if path == "/to-file":
            return self.send(302, location="file:///etc/passwd")
        if path == "/missing":
            return self.send(404, "text/html", b"not here")
        if path == "/error":
            return self.send(500, "text/html", b"oops")
        if path == "/flaky" and HITS[path] <= 2:       # HEAD fails twice, then it works
            return self.send(503, "text/html", b"busy")
        if path == "/slow":
            time.sleep(3)
            return self.send(200, "text/csv", b"a\n")
        if path == "/html":
            return self.send(200, "text/html; charset=utf-8", b"<html></html>")
        if path == "/head-refused" and head:
            return self.send(405, "text/plain", b"")
        if path == "/endless":
            if head:
                return self.send(405, "text/plain", b"")
            return self.endless_body()
        if path == "/trickle":
            return self.trickle_headers()
        return self.send(200, "text/csv", b"a,b\n1,2\n", head=head)

    def send(self, status: int, ctype: str | None = None, body: bytes = b"", location: str | None = None,
             head: bool = False):
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head and self.command != "HEAD":
            self.wfile.write(body)

    def endless_body(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Length", str(2 * 1024 ** 3))       # 2 GB announced
        self.end_headers()
        chunk = b"x" * 65536
        try:
            for _ in range(2 * 1024 ** 3 // len(chunk)):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def trickle_headers(self):
        try:
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for _ in range(600):                               # one header byte every 50 ms, never a blank line
                self.wfile.write(b"X")
                self.wfile.flush()
                time.sleep(0.05)
        except (BrokenPipeError, ConnectionResetError):
            pass


class LinkServer:
    def __init__(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


class ToLocal(httpx.AsyncBaseTransport):
    """Sends every request, whatever its host, to the local server (the demo's links are on data.gov.ua)."""

    def __init__(self, base: str):
        self.port = int(base.rsplit(":", 1)[1])
        self.inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request):
        request.url = request.url.copy_with(scheme="http", host="127.0.0.1", port=self.port)
        return await self.inner.handle_async_request(request)

    async def aclose(self):
        await self.inner.aclose()
