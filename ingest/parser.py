"""Bytes → feed, without I/O: ``parse_feed(body, headers, url) -> ParsedFeed``.

feedparser does the reading (RSS 0.9x/1.0/2.0, Atom, RDF, encodings). Its ``bozo`` flag is a
warning, not a failure: a feed with a small syntax error but readable entries is used and the
warning kept. It is a failure only when nothing feed-like came out (``NotAFeed``, ``EmptyBody``).

Safety: the body is always handed over as a stream (feedparser treats a bare ``bytes`` argument as
a *file name* first), and feedparser strips every DOCTYPE entity declaration except plain
character ones, so entity expansion ("billion laughs") and external entities are not expanded.
"""

from __future__ import annotations

import calendar
import io
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

import feedparser

from ingest.errors import EmptyBody, NotAFeed, ParseError

_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body)", re.IGNORECASE | re.DOTALL
)
_ALTERNATE = re.compile(rb"<link[^>]+type=[\"']application/(?:rss|atom)\+xml[\"'][^>]*>", re.IGNORECASE)
_HREF = re.compile(rb"href=[\"']([^\"']+)[\"']", re.IGNORECASE)
_PERIOD_S = {
    "hourly": 3600.0,
    "daily": 86400.0,
    "weekly": 604800.0,
    "monthly": 2592000.0,
    "yearly": 31536000.0,
}


@dataclass
class ParsedEntry:
    """One entry as the feed gave it (HTML still in ``summary_html``/``content_html``)."""

    guid: str = ""
    link: str = ""
    title: str = ""
    summary_html: str = ""
    content_html: str = ""
    published: datetime | None = None
    updated: datetime | None = None
    language: str = ""
    author: str = ""
    tags: list[str] = field(default_factory=list)


@dataclass
class ParsedFeed:
    """A parsed feed: metadata, entries, and the parser's warning when it had to recover."""

    url: str
    version: str = ""
    title: str = ""
    link: str = ""
    language: str = ""
    entries: list[ParsedEntry] = field(default_factory=list)
    bozo: bool = False
    bozo_message: str = ""
    encoding: str = ""
    hub_urls: list[str] = field(default_factory=list)
    self_url: str = ""
    ttl_s: float | None = None


def _struct_to_utc(value: Any) -> datetime | None:
    if not isinstance(value, time.struct_time | tuple) or len(value) < 6:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(tuple(value)[:6] + (0, 0, 0)), tz=UTC)  # type: ignore[arg-type]
    except (OverflowError, ValueError, OSError):
        return None


def _raw_date(value: Any) -> datetime | None:
    """Fallback for date strings feedparser could not read (e.g. RFC 822 without a zone): naive → UTC."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    parsed: datetime | None = None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    if parsed is None:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _language(value: Any) -> str:
    """Primary language subtag, lower-case: 'ar-SY' → 'ar'."""
    if not isinstance(value, str):
        return ""
    primary = value.strip().replace("_", "-").split("-")[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else ""


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _entry(raw: Any, feed_language: str) -> ParsedEntry:
    # dict.get, not FeedParserDict.get: no deprecated updated→published fallback (and its warning)
    get = dict(raw).get
    content_parts = [c.get("value", "") for c in (get("content") or []) if isinstance(c, dict)]
    content_html = max(content_parts, key=len) if content_parts else ""
    summary_detail = get("summary_detail") or {}
    return ParsedEntry(
        guid=_text(get("id")).strip(),
        link=_text(get("link")).strip(),
        title=_text(get("title")),
        summary_html=_text(get("summary")),
        content_html=content_html if content_html != get("summary") else "",
        published=(
            _struct_to_utc(get("published_parsed"))
            or _struct_to_utc(get("created_parsed"))
            or _raw_date(get("published"))
        ),
        updated=_struct_to_utc(get("updated_parsed")) or _raw_date(get("updated")),
        language=_language(summary_detail.get("language") if isinstance(summary_detail, dict) else None)
        or feed_language,
        author=_text(get("author")),
        tags=[t.get("term", "") for t in (get("tags") or []) if isinstance(t, dict) and t.get("term")],
    )


def _ttl_seconds(meta: Any) -> float | None:
    ttl = _text(meta.get("ttl")).strip()
    if ttl.isdigit():
        return float(ttl) * 60.0
    period = _PERIOD_S.get(_text(meta.get("sy_updateperiod")).strip().lower())
    if period:
        frequency = _text(meta.get("sy_updatefrequency")).strip()
        return period / max(1, int(frequency)) if frequency.isdigit() else period
    return None


def feed_links_in_html(body: bytes, base_url: str) -> list[str]:
    """Feed URLs an HTML page advertises with <link rel="alternate" type="application/rss+xml">."""
    links = []
    for tag in _ALTERNATE.findall(body[:200_000]):
        href = _HREF.search(tag)
        if href:
            links.append(urljoin(base_url, href.group(1).decode("utf-8", "replace")))
    return links


def parse_feed(body: bytes, headers: dict[str, str] | None, url: str) -> ParsedFeed:
    """Parse a feed document. Raises EmptyBody, NotAFeed or ParseError when nothing feed-like is in it."""
    headers = {k.lower(): v for k, v in (headers or {}).items()}
    if not body.strip():
        raise EmptyBody("empty response body (no feed)")
    base = urljoin(url, headers["content-location"]) if headers.get("content-location") else url
    response_headers = {**headers, "content-location": base}
    try:
        raw = feedparser.parse(
            io.BytesIO(body),
            response_headers=response_headers,
            resolve_relative_uris=True,
            sanitize_html=True,
        )
    except Exception as exc:  # feedparser is not supposed to raise; a bug there must not stop a poller
        raise ParseError(f"feed parser failed: {exc.__class__.__name__}: {exc}") from exc
    meta = raw.get("feed") or {}
    version = _text(raw.get("version"))
    entries_raw = raw.get("entries") or []
    bozo = bool(raw.get("bozo"))
    bozo_message = str(raw.get("bozo_exception") or "") if bozo else ""
    content_type = headers.get("content-type", "").lower()
    if not version and not entries_raw:
        if _HTML_START.match(body[:4096]) or "html" in content_type:
            found = feed_links_in_html(body, base)
            hint = f" (the page links to feed {found[0]})" if found else ""
            raise NotAFeed(f"an HTML page, not a feed{hint}")
        if bozo:
            raise NotAFeed(f"not a feed: {bozo_message or 'unreadable document'}")
        if not meta:
            raise NotAFeed("not a feed: no RSS, Atom or RDF root element")
    feed_language = _language(meta.get("language")) or _language(headers.get("content-language"))
    links = meta.get("links") or []
    return ParsedFeed(
        url=url,
        version=version,
        title=_text(meta.get("title")),
        link=_text(meta.get("link")),
        language=feed_language,
        entries=[_entry(e, feed_language) for e in entries_raw],
        bozo=bozo,
        bozo_message=bozo_message,
        encoding=_text(raw.get("encoding")),
        hub_urls=[
            lk["href"] for lk in links if isinstance(lk, dict) and lk.get("rel") == "hub" and lk.get("href")
        ],
        self_url=next(
            (
                lk["href"]
                for lk in links
                if isinstance(lk, dict) and lk.get("rel") == "self" and lk.get("href")
            ),
            "",
        ),
        ttl_s=_ttl_seconds(meta),
    )
