"""HTTP edge of the pollers: conditional GET under limits, politely, never to internal addresses.

``Fetcher.fetch(url, etag=..., last_modified=...)`` returns a ``FetchResult`` (200 with the decoded
body, or 304 not-modified) or raises one ``FetchError`` subclass (see ``ingest.errors``). What a
response *means* for scheduling is decided elsewhere, without I/O (``ingest.response``).
"""

from __future__ import annotations

import asyncio
import time
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import brotli
import httpx

from ingest.errors import (
    BadEncoding,
    BlockedAddress,
    BodyTooLarge,
    ConnectFailed,
    FetchError,
    FetchTimeout,
    HTTPStatus,
    InvalidURL,
    RateLimited,
    TooManyRedirects,
)
from ingest.netguard import AddressPolicy, GuardedBackend
from ingest.response import parse_retry_after
from ingest.settings import PollerSettings

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass
class FetchResult:
    """A completed fetch: 200 (``body`` decoded) or 304 (``not_modified``)."""

    url: str  # final URL after redirects
    status: int
    headers: dict[str, str]
    body: bytes = b""
    requested_url: str = ""
    permanent_redirect: str | None = None  # new URL when every hop was 301/308
    wire_bytes: int = 0
    elapsed_s: float = 0.0

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class BodyDecoder:
    """Incremental Content-Encoding decoder with a cap on decoded bytes (gzip bombs stop here)."""

    def __init__(self, encoding: str, limit: int, url: str = "") -> None:
        self.encoding = encoding.strip().lower()
        self.limit, self.url, self.size = limit, url, 0
        self._zlib: zlib._Decompress | None = None  # type: ignore[name-defined]
        self._brotli: brotli.Decompressor | None = None
        if self.encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(wbits=47)  # gzip or zlib header, auto-detected
        elif self.encoding == "br":
            self._brotli = brotli.Decompressor()
        elif self.encoding not in ("", "identity", "deflate"):
            raise BadEncoding(f"unsupported Content-Encoding {encoding!r}", url)

    def _count(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > self.limit:
            raise BodyTooLarge(self.url, self.limit, "decompressed body")
        return data

    def feed(self, data: bytes) -> bytes:
        """Decode one chunk of the wire body."""
        try:
            if self.encoding == "deflate" and self._zlib is None:
                # "deflate" is zlib-wrapped per the RFC, raw deflate in practice: look at the header.
                wrapped = len(data) >= 2 and (data[0] & 0x0F) == 8 and ((data[0] << 8) | data[1]) % 31 == 0
                self._zlib = zlib.decompressobj(wbits=15 if wrapped else -15)
            if self._zlib is not None:
                out = bytearray()
                while data:
                    out += self._count(self._zlib.decompress(data, self.limit - self.size + 1))
                    data = self._zlib.unconsumed_tail
                return bytes(out)
            if self._brotli is not None:
                out = bytearray(
                    self._count(self._brotli.process(data, output_buffer_limit=self.limit - self.size + 1))
                )
                while not self._brotli.can_accept_more_data():
                    out += self._count(
                        self._brotli.process(b"", output_buffer_limit=self.limit - self.size + 1)
                    )
                return bytes(out)
        except (zlib.error, brotli.error) as exc:
            raise BadEncoding(f"corrupt {self.encoding} body: {exc}", self.url) from exc
        return self._count(data)

    def flush(self) -> bytes:
        if self._zlib is not None:
            try:
                return self._count(self._zlib.flush())
            except zlib.error as exc:
                raise BadEncoding(f"corrupt {self.encoding} body: {exc}", self.url) from exc
        return b""


@dataclass
class _HostSlot:
    semaphore: asyncio.Semaphore
    next_start: float = 0.0


@dataclass
class HostGate:
    """Per-host politeness: at most ``per_host`` requests in flight, starts ``delay_s`` apart."""

    per_host: int
    delay_s: float
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    _hosts: dict[str, _HostSlot] = field(default_factory=dict)

    @asynccontextmanager
    async def slot(self, host_key: str) -> AsyncIterator[None]:
        host = self._hosts.get(host_key)
        if host is None:
            host = self._hosts[host_key] = _HostSlot(asyncio.Semaphore(self.per_host))
        async with host.semaphore:
            now = self.clock()
            wait = host.next_start - now
            host.next_start = max(now, host.next_start) + self.delay_s
            if wait > 0:
                await self.sleep(wait)
            yield


def host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port}" if parts.port else str(parts.hostname)


class Fetcher:
    """Fetches feeds and article pages with the limits of ``PollerSettings``. Use as async context."""

    def __init__(
        self,
        settings: PollerSettings,
        *,
        policy: AddressPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.settings = settings
        self.policy = policy or AddressPolicy.from_allow_list(settings.allow_hosts, settings.allow_private)
        self.gate = HostGate(settings.per_host_concurrency, settings.politeness_delay_s)
        self._global = asyncio.Semaphore(settings.concurrency)
        if transport is None:
            guarded = httpx.AsyncHTTPTransport(
                limits=httpx.Limits(
                    max_connections=settings.concurrency, max_keepalive_connections=settings.concurrency
                ),
                retries=0,
            )
            guarded._pool._network_backend = GuardedBackend(self.policy)  # connect-time SSRF check
            transport = guarded
        self.client = httpx.AsyncClient(
            transport=transport,
            follow_redirects=False,
            timeout=httpx.Timeout(
                connect=settings.connect_timeout_s,
                read=settings.read_timeout_s,
                write=settings.read_timeout_s,
                pool=settings.total_timeout_s,
            ),
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate, br"},
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self.client.aclose()

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = FEED_ACCEPT,
    ) -> FetchResult:
        """GET ``url`` (conditionally), following redirects with the address check on every hop."""
        started = time.monotonic()
        deadline: float | None = None
        requested = url
        visited: set[str] = set()
        permanent: str | None = None
        all_permanent = True
        for _hop in range(self.settings.max_redirects + 1):
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise InvalidURL(f"not an http(s) URL: {url!r}", url)
            visited.add(url)
            headers = {"Accept": accept}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            async with self.gate.slot(host_key(url)), self._global:
                # the total timeout covers every hop, counted from the first byte we send
                deadline = deadline or time.monotonic() + self.settings.total_timeout_s
                result = await self._one_request(url, headers, deadline)
            if result.status in _REDIRECTS and "location" in result.headers:
                target = urljoin(url, result.headers["location"].strip())
                if result.status not in (301, 308):
                    all_permanent = False
                if target in visited:
                    raise TooManyRedirects(requested, self.settings.max_redirects)
                url = target
                permanent = target if all_permanent else None
                continue
            result.requested_url = requested
            result.permanent_redirect = permanent
            result.elapsed_s = time.monotonic() - started
            if result.status in (429, 503):
                raise RateLimited(url, result.status, parse_retry_after(result.headers.get("retry-after")))
            if result.status >= 400:
                raise HTTPStatus(url, result.status)
            return result
        raise TooManyRedirects(requested, self.settings.max_redirects)

    async def _one_request(self, url: str, headers: dict[str, str], deadline: float) -> FetchResult:
        settings = self.settings
        try:
            # The address check runs at connect time, in GuardedBackend (every hop, every address).
            async with asyncio.timeout(max(0.0, deadline - time.monotonic())):
                async with self.client.stream("GET", url, headers=headers) as response:
                    response_headers = {k.lower(): v for k, v in response.headers.items()}
                    result = FetchResult(url=url, status=response.status_code, headers=response_headers)
                    if response.status_code != 200:
                        return result
                    length = response_headers.get("content-length", "")
                    if length.isdigit() and int(length) > settings.max_body_bytes:
                        raise BodyTooLarge(url, settings.max_body_bytes)
                    decoder = BodyDecoder(
                        response_headers.get("content-encoding", ""), settings.max_decompressed_bytes, url
                    )
                    body = bytearray()
                    async for chunk in response.aiter_raw():
                        result.wire_bytes += len(chunk)
                        if result.wire_bytes > settings.max_body_bytes:
                            raise BodyTooLarge(url, settings.max_body_bytes)
                        body += decoder.feed(chunk)
                    body += decoder.flush()
                    result.body = bytes(body)
                    return result
        except TimeoutError as exc:
            raise FetchTimeout(url, "total", settings.total_timeout_s) from exc
        except httpx.ConnectTimeout as exc:
            raise FetchTimeout(url, "connect", settings.connect_timeout_s) from exc
        except (httpx.ReadTimeout, httpx.WriteTimeout) as exc:
            raise FetchTimeout(url, "read", settings.read_timeout_s) from exc
        except httpx.PoolTimeout as exc:
            raise FetchTimeout(url, "pool", settings.total_timeout_s) from exc
        except BlockedAddress as exc:
            if exc.url != url:
                raise BlockedAddress(url, exc.host, exc.address) from exc
            raise
        except FetchError:
            raise
        except httpx.InvalidURL as exc:
            raise InvalidURL(f"invalid URL {url!r}: {exc}", url) from exc
        except (httpx.HTTPError, OSError) as exc:
            message = str(exc) or exc.__class__.__name__
            raise ConnectFailed(f"{exc.__class__.__name__}: {message}", url) from exc
