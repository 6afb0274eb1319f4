"""Try links: HEAD first, GET (reading at most ``max_bytes``) when HEAD fails; redirects followed
by hand, each hop judged by the guard; one deadline for the whole check of a link (slow or
never-ending headers are cut), retries with backoff on timeouts, connection errors, 429 and 5xx;
at most ``per_host`` links of one host and ``concurrency`` in all at a time."""
from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from .guard import resolved_block

TIMEOUT, CONNECTION, REDIRECTS = "timeout", "connection-error", "too-many-redirects"
RETRIED = {TIMEOUT, CONNECTION}
AGENT = "odaudit-link-check/1.0 (open-data audit of a city council)"


@dataclass(frozen=True)
class Limits:
    timeout_s: float = 10.0       # the whole check of one link: every hop, headers and the body read
    max_bytes: int = 1_048_576    # most body bytes read by a GET
    max_redirects: int = 10
    retries: int = 2              # more tries after the first, on timeouts, connection errors, 429, 5xx
    backoff_s: float = 0.5        # wait before retry n: backoff_s * 2**(n-1)
    per_host: int = 2
    concurrency: int = 20
    allow_private: bool = False   # only for tests against local servers (ODAUDIT_LINKS_ALLOW_PRIVATE)


@dataclass(slots=True)
class LinkResult:
    url: str
    status: int | None = None
    final_url: str | None = None
    redirects: list[str] = field(default_factory=list)
    content_type: str | None = None
    size: int | None = None
    size_capped: bool = False     # the body was longer than max_bytes: size is at least this
    method: str | None = None
    error: str | None = None
    attempts: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 400

    def to_dict(self) -> dict:
        return {**asdict(self), "ok": self.ok}

    def fields(self) -> dict:
        """What the store keeps (audits.store.links.FIELDS and the URL)."""
        return asdict(self)


def check_urls(urls, limits: Limits, transport=None, batch: int = 2000) -> dict[str, LinkResult]:
    """Every distinct URL checked once (``transport``: an httpx transport, for tests)."""
    return asyncio.run(_check_all(list(dict.fromkeys(urls)), limits, transport, batch))


async def _check_all(urls: list[str], limits: Limits, transport, batch: int) -> dict[str, LinkResult]:
    found: dict[str, LinkResult] = {}
    pool = httpx.Limits(max_connections=limits.concurrency, max_keepalive_connections=limits.concurrency)
    async with httpx.AsyncClient(follow_redirects=False, trust_env=False, timeout=limits.timeout_s, limits=pool,
                                 headers={"User-Agent": AGENT}, transport=transport) as client:
        overall, hosts = asyncio.Semaphore(limits.concurrency), defaultdict(lambda: asyncio.Semaphore(limits.per_host))
        for start in range(0, len(urls), batch):      # a bounded number of tasks at a time
            chunk = urls[start:start + batch]
            results = await asyncio.gather(*(_guarded(client, u, limits, overall, hosts) for u in chunk))
            found.update(zip(chunk, results))
    return found


async def _guarded(client, url: str, limits: Limits, overall, hosts) -> LinkResult:
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        host = ""
    async with overall, hosts[host]:
        return await with_retries(client, url, limits)


async def with_retries(client, url: str, limits: Limits) -> LinkResult:
    started, attempt = time.monotonic(), 0
    while True:
        attempt += 1
        result = await check_once(client, url, limits)
        retry = result.error in RETRIED or result.status == 429 or (result.status or 0) >= 500
        if not retry or attempt > limits.retries:
            result.attempts, result.seconds = attempt, round(time.monotonic() - started, 3)
            return result
        await asyncio.sleep(limits.backoff_s * 2 ** (attempt - 1))


async def check_once(client, url: str, limits: Limits) -> LinkResult:
    chain: list[str] = []
    try:
        return await asyncio.wait_for(_follow(client, url, limits, chain), limits.timeout_s)
    except (asyncio.TimeoutError, httpx.TimeoutException):
        return LinkResult(url, redirects=chain, error=TIMEOUT)
    except (httpx.TransportError, httpx.InvalidURL, httpx.UnsupportedProtocol, OSError, ValueError):
        return LinkResult(url, redirects=chain, error=CONNECTION)


async def _follow(client, url: str, limits: Limits, chain: list[str]) -> LinkResult:
    current = url
    for _hop in range(limits.max_redirects + 1):
        reason = await resolved_block(current, limits.allow_private)
        if reason:
            return LinkResult(url, final_url=current, redirects=list(chain), error=reason)
        status, headers, size, capped, method = await _request(client, current, limits)
        location = headers.get("location")
        if status in (301, 302, 303, 307, 308) and location:
            chain.append(current)
            current = urljoin(current, location)
            continue
        return LinkResult(url, status, current, list(chain), _content_type(headers), size, capped, method)
    return LinkResult(url, final_url=current, redirects=list(chain), error=REDIRECTS)


async def _request(client, url: str, limits: Limits):
    response = await client.head(url)
    if response.status_code < 400 or response.status_code == 429:
        return response.status_code, response.headers, _length(response.headers), False, "HEAD"
    read, capped = 0, False
    async with client.stream("GET", url) as response:
        async for chunk in response.aiter_raw():
            read += len(chunk)
            if read >= limits.max_bytes:
                capped = True
                break
        size = _length(response.headers)
        return response.status_code, response.headers, size if size is not None else read, capped, "GET"


def _length(headers) -> int | None:
    value = headers.get("content-length")
    return int(value) if value and value.isdigit() else None


def _content_type(headers) -> str | None:
    value = headers.get("content-type")
    return value.split(";")[0].strip().lower() if value else None
