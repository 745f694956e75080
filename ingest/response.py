"""What an HTTP response says about scheduling, read without I/O (miniflux's response_handler).

``ResponseMeta`` gathers the caching and back-off hints of one fetch: status, validators
(ETag / Last-Modified), Cache-Control max-age, Expires, Retry-After, and the feed's own TTL.
The scheduler (``ingest.scheduler.next_poll_at``) turns them into the next poll time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

_MAX_AGE = re.compile(r"(?:^|[,\s])(?:s-maxage|max-age)\s*=\s*\"?(\d+)", re.IGNORECASE)


def parse_http_date(value: str | None) -> datetime | None:
    """An RFC 7231 date as aware UTC datetime, or None when absent/unreadable."""
    if not value or not value.strip():
        return None
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds: delta-seconds or an HTTP date (relative to ``now``)."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    when = parse_http_date(value)
    if when is None:
        return None
    now = now or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())


def parse_max_age(cache_control: str | None) -> float | None:
    """max-age (or s-maxage) seconds from Cache-Control; 0 for no-cache/no-store; None if absent."""
    if not cache_control:
        return None
    match = _MAX_AGE.search(cache_control)
    if match:
        return float(match.group(1))
    if re.search(r"no-cache|no-store", cache_control, re.IGNORECASE):
        return 0.0
    return None


@dataclass(frozen=True)
class ResponseMeta:
    """Scheduling-relevant facts of one poll (a response, or an error without one)."""

    status: int | None = None  # None: no response (network error, timeout, blocked...)
    ok: bool = True  # False when the poll failed, whatever the reason
    etag: str | None = None
    last_modified: str | None = None
    max_age_s: float | None = None
    expires_in_s: float | None = None
    retry_after_s: float | None = None
    ttl_s: float | None = None  # the feed's own <ttl> / sy:updatePeriod hint
    new_entries: int = 0
    error: str | None = None
    # the feed was fine but the broker did not take the reports: retry soon, no exponential backoff
    sink_error: bool = False

    @classmethod
    def from_headers(
        cls, status: int, headers: dict[str, str], now: datetime, *, ok: bool = True, error: str | None = None
    ) -> ResponseMeta:
        """Read the hints out of response headers (lower-case names)."""
        expires = parse_http_date(headers.get("expires"))
        date = parse_http_date(headers.get("date"))
        expires_in = None
        if expires is not None:
            # Expires is relative to the server's Date when given (clock skew).
            expires_in = (expires - (date or now)).total_seconds()
        return cls(
            status=status,
            ok=ok,
            etag=headers.get("etag") or None,
            last_modified=headers.get("last-modified") or None,
            max_age_s=parse_max_age(headers.get("cache-control")),
            expires_in_s=expires_in,
            retry_after_s=parse_retry_after(headers.get("retry-after"), now)
            if status in (429, 503)
            else None,
            error=error,
        )

    @classmethod
    def failure(
        cls, error: str, status: int | None = None, retry_after_s: float | None = None
    ) -> ResponseMeta:
        return cls(status=status, ok=False, retry_after_s=retry_after_s, error=error)
