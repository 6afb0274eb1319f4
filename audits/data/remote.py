"""Fetching a remote data file (http/https) to a local path: one attempt, a timeout and a size
limit; the Prefect task around it retries. Errors are :class:`RemoteFileError`."""
from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urlparse

import httpx

MAX_BYTES = 6 * 1024**3          # the largest municipal files are a few GB


class RemoteFileError(OSError):
    pass


def is_remote(ref: str) -> bool:
    return urlparse(str(ref)).scheme in ("http", "https")


def fetch(url: str, folder: Path, timeout: float = 60.0, max_bytes: int = MAX_BYTES) -> Path:
    """Download ``url`` into ``folder`` (streamed) and return the local path."""
    name = Path(urlparse(url).path).name or "data.csv"
    target = Path(folder) / f"{hashlib.sha256(url.encode()).hexdigest()[:12]}-{name}"
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with httpx.stream("GET", url, timeout=timeout, follow_redirects=True) as response:
            if response.status_code >= 400:
                raise RemoteFileError(f"{url}: HTTP {response.status_code}")
            size = 0
            with open(target, "wb") as fh:
                for chunk in response.iter_bytes(1 << 20):
                    size += len(chunk)
                    if size > max_bytes:
                        raise RemoteFileError(f"{url}: larger than {max_bytes} bytes")
                    fh.write(chunk)
    except httpx.HTTPError as exc:
        raise RemoteFileError(f"{url}: {type(exc).__name__}: {exc}") from None
    return target
