"""Parsed entries → ``Report`` records, without I/O.

``entries_to_reports(parsed, feed, fetched_at, settings)`` gives one ``Candidate`` per usable entry:
the Report (revision 1, stable ``report_id``) plus ``entry_hash``, the fingerprint of what the feed
said, which the seen-store compares to decide new / changed / already published.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from html.parser import HTMLParser
from urllib.parse import urlsplit

from ingest.parser import ParsedEntry, ParsedFeed
from ingest.registry import Feed
from ingest.settings import PollerSettings
from sitrep.ids import stable_id
from sitrep.records import Report, report_id_for
from sitrep.textnorm import clean_text, detect_language

_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "blockquote",
        "pre",
        "section",
        "article",
        "header",
        "footer",
        "table",
        "hr",
    }
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "object"})
_BLANK_LINES = re.compile(r"\n{3,}")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag == "img" and not self.skipping:
            alt = dict(attrs).get("alt")
            if alt and alt.strip():  # an image's description is part of what the entry says
                self.parts.append(f" {alt.strip()} ")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Readable plain text of an HTML fragment: tags dropped, blocks as lines, entities decoded."""
    if not fragment:
        return ""
    if "<" not in fragment and "&" not in fragment:
        return clean_text(fragment).strip()
    extractor = _TextExtractor()
    try:
        extractor.feed(fragment)
        extractor.close()
        text = "".join(extractor.parts)
    except Exception:  # HTMLParser is lenient; belt and braces for pathological input
        text = re.sub(r"<[^>]*>", " ", html.unescape(fragment))
    text = clean_text(text)
    return _BLANK_LINES.sub("\n\n", text).strip()


@dataclass
class Candidate:
    """A Report made from an entry, before the seen-store decides whether to publish it."""

    report: Report
    entry_hash: str
    needs_fulltext: bool


def published_at_for(entry: ParsedEntry, fetched_at: datetime, future_tolerance_s: float) -> datetime:
    """UTC publication time: published, else updated, else the fetch time; never in the future."""
    when = entry.published or entry.updated
    if when is None:
        return fetched_at
    if when > fetched_at + timedelta(seconds=future_tolerance_s):
        return fetched_at
    return when


def _is_web_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def entry_to_candidate(
    entry: ParsedEntry, parsed: ParsedFeed, feed: Feed, fetched_at: datetime, settings: PollerSettings
) -> Candidate | None:
    """One entry as a Candidate, or None when it has no title, link, summary or content at all."""
    title = html_to_text(entry.title).replace("\n", " ")
    summary = html_to_text(entry.summary_html)
    content = html_to_text(entry.content_html)
    link = entry.link if _is_web_url(entry.link) else ""
    if not (title or summary or content or link or entry.guid):
        return None
    try:
        report_id = report_id_for(
            url=link or None, guid=entry.guid or None, content=f"{title}\n{summary or content}" or None
        )
    except ValueError:
        return None
    text = content if len(content) >= len(summary) else summary
    language = feed.language or entry.language or parsed.language or detect_language(f"{title} {text}")
    report = Report(
        report_id=report_id,
        revision=1,
        feed_id=feed.id,
        source=feed.source or clean_text(parsed.title).strip() or urlsplit(feed.url).hostname or feed.id,
        url=link,
        title=title,
        text=text,
        summary=summary[:2000],
        language=language,
        published_at=published_at_for(entry, fetched_at, settings.future_tolerance_s),
        fetched_at=fetched_at,
        tags=list(dict.fromkeys([*feed.tags, *entry.tags]))[:20],
    )
    entry_hash = stable_id("entry", title, summary, content, length=32)
    needs_fulltext = bool(link) and len(text) < settings.fulltext_min_chars
    return Candidate(report, entry_hash, needs_fulltext)


def entries_to_reports(
    parsed: ParsedFeed, feed: Feed, fetched_at: datetime, settings: PollerSettings
) -> list[Candidate]:
    """Candidates for the first ``max_entries_per_feed`` usable entries, one per report_id."""
    candidates: dict[str, Candidate] = {}
    for entry in parsed.entries[: settings.max_entries_per_feed]:
        candidate = entry_to_candidate(entry, parsed, feed, fetched_at, settings)
        if candidate is not None and candidate.report.report_id not in candidates:
            candidates[candidate.report.report_id] = candidate
    return list(candidates.values())


def with_full_text(candidate: Candidate, full_text: str | None) -> Report:
    """The candidate's Report with the article's text when it is longer than what the feed gave."""
    report = candidate.report
    if not full_text:
        return report
    full_text = clean_text(full_text).strip()
    if len(full_text) <= len(report.text):
        return report
    # content_hash "" makes the record recompute it over the new text.
    return Report.model_validate({**report.model_dump(), "text": full_text, "content_hash": ""})
