"""Read an organisation's packages from a CKAN API (data.gov.ua by default) with httpx:
paged ``package_search``, ``package_show``, timeouts, retries with backoff on transient
failures, a polite pause between requests, and one clear error when it cannot be done."""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from .. import settings
from ..json_limits import JsonLimitError, encodable, loads

DEFAULT_BASE_URL = "https://data.gov.ua"
PAGE_SIZE = 100
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
RETRY_STATUS = {429, 500, 502, 503, 504}
MAX_RETRY_AFTER_S = 120.0       # a longer Retry-After is waited this long at most


class PortalError(Exception):
    """The portal could not be read; the message says why and what to try."""


@dataclass
class PortalClient:
    base_url: str = DEFAULT_BASE_URL
    timeout_s: float = 30.0
    retries: int = 3
    backoff_s: float = 1.0          # waits backoff, 2×backoff, 4×backoff ... between attempts
    min_interval_s: float = 0.5     # polite pause between two requests
    page_size: int = PAGE_SIZE
    transport: httpx.BaseTransport | None = None
    # called before every request (the flows take a slot of the server's global portal rate limit here)
    before_request: Callable[[], None] | None = None
    _last: float = field(default=0.0, repr=False)

    def __post_init__(self):
        self._http = httpx.Client(base_url=self.base_url.rstrip("/") + "/api/3/action/", timeout=self.timeout_s,
                                  transport=self.transport, headers={"User-Agent": "odaudit (open-data audit)"})

    def close(self) -> None:
        self._http.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def package_show(self, package_id: str) -> dict:
        return self.call("package_show", {"id": package_id})

    def organization_packages(self, org: str) -> list[dict]:
        """Every package of an organisation (its name or id), page by page."""
        query = f"owner_org:{org}" if UUID.match(org) else f"organization:{org}"
        packages, start = [], 0
        while True:
            result = self.call("package_search", {"fq": query, "rows": self.page_size, "start": start,
                                                  "sort": "name asc", "include_private": "false"})
            page = result.get("results") or []
            # text that is not UTF-8 (a lone surrogate) cannot be stored or fingerprinted: left out
            packages.extend(p for p in page if isinstance(p, dict) and encodable(p))
            if len(packages) > settings.get("snapshot_max_packages"):
                raise PortalError(f"The portal {self.base_url} lists more than "
                                  f"{settings.get('snapshot_max_packages'):,} packages for {org} "
                                  "(setting snapshot_max_packages).")
            start += len(page)
            if not page or start >= int(result.get("count") or 0):
                return packages

    def organization_names(self) -> list[str]:
        """The name of every organisation on the portal (CKAN organization_list)."""
        names = self.call("organization_list", {})
        return [n for n in names if isinstance(n, str) and n.strip()] if isinstance(names, list) else []

    def call(self, action: str, params: dict) -> dict | list:
        last_error, wait = "no attempt made", 0.0
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(max(wait, self.backoff_s * 2 ** (attempt - 1)))
            self._pause()
            if self.before_request is not None:
                self.before_request()
            try:
                response = self._http.get(action, params=params)
            except httpx.TimeoutException:
                last_error = f"no answer within {self.timeout_s:g} s"
                continue
            except httpx.TransportError as exc:
                last_error = f"cannot connect ({exc.__class__.__name__}: {exc})"
                continue
            if response.status_code in RETRY_STATUS:
                wait = retry_after(response)
                last_error = f"HTTP {response.status_code}" + (f" (Retry-After {wait:g} s)" if wait else "")
                continue
            return self._result(action, response)
        raise PortalError(f"The portal {self.base_url} could not be read ({action}): {last_error} after "
                          f"{self.retries + 1} attempts. Check the address and the network, or use --from-file "
                          "with a saved API response.")

    def _pause(self) -> None:
        wait = self._last + self.min_interval_s - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last = time.monotonic()

    def _result(self, action: str, response: httpx.Response):
        try:
            body = loads(response.content)
        except JsonLimitError as exc:
            raise PortalError(f"The portal {self.base_url} answered {action} with something that is not JSON "
                              f"we accept (HTTP {response.status_code}, {len(response.content)} bytes: {exc}).") \
                from None
        if not isinstance(body, dict) or not body.get("success"):
            error = body.get("error") if isinstance(body, dict) else None
            raise PortalError(f"The portal {self.base_url} refused {action} (HTTP {response.status_code}): {error}")
        return body.get("result")


def retry_after(response: httpx.Response) -> float:
    """Seconds a 429/503 asks to wait (``Retry-After: 5``), at most MAX_RETRY_AFTER_S; 0 if it does not say."""
    try:
        return min(max(float(response.headers.get("Retry-After", "")), 0.0), MAX_RETRY_AFTER_S)
    except ValueError:
        return 0.0
