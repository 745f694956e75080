"""Errors of the feed pollers.

Every per-feed failure is one of these; the poller records it on the feed's state (shown by
``sitrep feeds status``), backs off, and keeps running. Data travels on the exception::

    IngestError(SitrepError)           base of everything the pollers raise on purpose
    ├── RegistryError                  feeds.toml / OPML is malformed or names an unknown feed
    ├── FetchError                     fetching a feed or an article failed
    │   ├── InvalidURL                 not an http(s) URL, or no host
    │   ├── BlockedAddress             URL or redirect resolves to a private/loopback/link-local address
    │   ├── TooManyRedirects           more hops than ``max_redirects`` (loops included)
    │   ├── BodyTooLarge               body or its decompressed form exceeds the cap
    │   ├── BadEncoding                Content-Encoding could not be decoded (corrupt gzip/brotli)
    │   ├── FetchTimeout               connect, read or total timeout
    │   ├── ConnectFailed              DNS, refused connection, TLS, protocol error
    │   └── HTTPStatus                 the server answered with a 4xx/5xx status
    │       └── RateLimited            429 or 503, with ``retry_after`` seconds when given
    ├── ParseError                     the body is not a feed we can read
    │   ├── EmptyBody                  zero bytes (or only whitespace)
    │   └── NotAFeed                   an HTML page or other document, not RSS/Atom/RDF
    └── PublishError                   the broker did not confirm delivery of a report
"""

from __future__ import annotations

from sitrep.errors import SitrepError


class IngestError(SitrepError):
    """Base of every error the feed pollers raise on purpose."""

    #: short machine name used in status output and JSON
    kind = "error"


class RegistryError(IngestError):
    """The feed registry (feeds.toml or an OPML file) is malformed or names an unknown feed."""

    kind = "registry"


class FetchError(IngestError):
    """Fetching a feed or an article failed."""

    kind = "fetch"

    def __init__(self, message: str, url: str = "") -> None:
        self.url = url
        super().__init__(message)


class InvalidURL(FetchError):
    """The URL is not http(s) or has no host."""

    kind = "invalid_url"


class BlockedAddress(FetchError):
    """The URL (or a redirect) resolves to a private, loopback or link-local address."""

    kind = "blocked_address"

    def __init__(self, url: str, host: str, address: str) -> None:
        self.host, self.address = host, address
        super().__init__(
            f"refused: {host} resolves to non-public address {address} "
            "(allow it with --allow-private or SITREP_POLLER__ALLOW_HOSTS)",
            url,
        )


class TooManyRedirects(FetchError):
    """More redirect hops than allowed (redirect loops end here)."""

    kind = "too_many_redirects"

    def __init__(self, url: str, limit: int) -> None:
        self.limit = limit
        super().__init__(f"more than {limit} redirects", url)


class BodyTooLarge(FetchError):
    """The body, or its decompressed form, exceeds the configured cap."""

    kind = "body_too_large"

    def __init__(self, url: str, limit: int, what: str = "body") -> None:
        self.limit, self.what = limit, what
        super().__init__(f"{what} larger than {limit} bytes (setting: SITREP_POLLER__MAX_BODY_BYTES)", url)


class BadEncoding(FetchError):
    """The Content-Encoding (gzip, deflate, br) could not be decoded."""

    kind = "bad_encoding"


class FetchTimeout(FetchError):
    """A connect, read or total timeout expired."""

    kind = "timeout"

    def __init__(self, url: str, phase: str, seconds: float) -> None:
        self.phase, self.seconds = phase, seconds
        super().__init__(f"{phase} timeout after {seconds:g}s", url)


class ConnectFailed(FetchError):
    """DNS failure, refused connection, TLS or HTTP protocol error."""

    kind = "connect"


class HTTPStatus(FetchError):
    """The server answered with an error status."""

    kind = "http_status"

    def __init__(self, url: str, status: int, reason: str = "") -> None:
        self.status = status
        super().__init__(f"HTTP {status}{' ' + reason if reason else ''}", url)


class RateLimited(HTTPStatus):
    """429 Too Many Requests or 503 Service Unavailable; ``retry_after`` in seconds when given."""

    kind = "rate_limited"

    def __init__(self, url: str, status: int, retry_after: float | None) -> None:
        self.retry_after = retry_after
        super().__init__(url, status, f"(retry after {retry_after:g}s)" if retry_after is not None else "")


class ParseError(IngestError):
    """The body is not a feed we can read."""

    kind = "parse"


class EmptyBody(ParseError):
    """The response body is empty."""

    kind = "empty"


class NotAFeed(ParseError):
    """The document is HTML (or something else), not RSS, Atom or RDF."""

    kind = "not_a_feed"


class PublishError(IngestError):
    """The broker did not confirm delivery of a report; nothing was marked seen."""

    kind = "publish"
