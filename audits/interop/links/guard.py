"""Which addresses are never fetched: anything but http(s), and (unless explicitly allowed, as
the tests' local servers need) localhost and private, loopback, link-local or reserved IPs,
whether written in the link or what its host name resolves to."""
from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

NOT_WEB, PRIVATE, BAD_URL, DNS = "not-web-address", "private-address", "bad-url", "dns-error"


def _private(ip) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast \
        or ip.is_unspecified


def static_block(url: str, allow_private: bool) -> str | None:
    """What the link itself says: None (fine so far), or why it is not fetched."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018  (a bad port raises here)
    except ValueError:
        return BAD_URL
    if parts.scheme.lower() not in ("http", "https"):
        return NOT_WEB
    if not host:
        return BAD_URL
    if allow_private:
        return None
    if host == "localhost" or host.endswith(".localhost"):
        return PRIVATE
    try:
        return PRIVATE if _private(ipaddress.ip_address(host)) else None
    except ValueError:
        return None


async def resolved_block(url: str, allow_private: bool) -> str | None:
    """``static_block``, then the addresses the host name resolves to."""
    reason = static_block(url, allow_private)
    if reason or allow_private:
        return reason
    parts = urlsplit(url)
    try:
        ipaddress.ip_address(parts.hostname)
        return None                                   # a literal address: already judged
    except ValueError:
        pass
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(parts.hostname, parts.port or 443,
                                                             type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return DNS
    return PRIVATE if any(_private(ipaddress.ip_address(info[4][0].split("%")[0])) for info in infos) else None
