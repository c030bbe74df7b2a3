"""Fetching a document given by URL: http(s) only, with a timeout, a size cap and a content-type
check, and never to private, loopback or link-local addresses unless configuration allows them
(so a request cannot make the service probe its own network)."""
from __future__ import annotations

import ipaddress
import socket
import time
from urllib.parse import urljoin, urlsplit

import httpx

from api.settings import Settings
from summarizer.reading.ingest import InputError

MAX_REDIRECTS = 3
CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def fetch(url: str, settings: Settings, where: str) -> tuple[str, str]:
    """(text, content type) of the page at `url`; InputError naming `where` if it cannot be had.

    `fetch_timeout` bounds the whole fetch, redirects and a page that trickles in included, not only
    each read: a request waits at most for what is left of it, and the body is abandoned as soon as a
    read returns past the deadline (so at most twice `fetch_timeout` in all)."""
    deadline = time.monotonic() + settings.fetch_timeout

    def left() -> float:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise InputError(where, f"fetching {url} took longer than {settings.fetch_timeout} s; refused")
        return remaining

    with httpx.Client(timeout=settings.fetch_timeout, follow_redirects=False) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_address(url, settings, where)
            try:
                with client.stream("GET", url, headers={"User-Agent": "newsbrief"},
                                   timeout=httpx.Timeout(left())) as response:
                    if response.is_redirect and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    if response.status_code != 200:
                        raise InputError(where, f"fetching {url} gave HTTP {response.status_code}")
                    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
                    if kind not in CONTENT_TYPES:
                        raise InputError(where, f"{url} is {kind or 'of unknown type'}, not an HTML or text page")
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body += chunk
                        left()  # a page that trickles in ends here, at most one read past the deadline
                        if len(body) > settings.fetch_max_bytes:
                            raise InputError(where, f"{url} is larger than {settings.fetch_max_bytes} bytes")
                    return body.decode(response.encoding or "utf-8", errors="replace"), kind
            except httpx.TimeoutException:
                raise InputError(where, f"fetching {url} timed out after {settings.fetch_timeout} s") from None
            except httpx.HTTPError as error:
                raise InputError(where, f"fetching {url} failed: {type(error).__name__}") from None
    raise InputError(where, f"{url}: more than {MAX_REDIRECTS} redirects")


def check_address(url: str, settings: Settings, where: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(where, "must be an http or https URL")
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror:
        raise InputError(where, f"host {parts.hostname} cannot be resolved") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if settings.allow_private_urls:
            continue
        if address.is_loopback and settings.allow_loopback_urls:
            continue
        # not is_global: also the shared address space 100.64.0.0/10 (carrier-grade NAT, some clouds'
        # metadata services), which Python calls neither private nor global
        if not address.is_global or address.is_multicast:
            raise InputError(where, f"{parts.hostname} is a private, loopback, link-local or shared address "
                                    f"({address}); refused")
