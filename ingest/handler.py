"""One poll of one feed, start to end: fetch → parse → Reports → publish → mark seen → schedule.

This is the orchestration step (miniflux's ``handler``): the decisions live in pure functions
(``parse_feed``, ``entries_to_reports``, ``next_poll_at``); here they are called in order, every
failure becomes a per-feed error on the feed's state, and nothing is marked seen (nor the feed's
ETag/Last-Modified stored) before the sink confirmed delivery.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ingest.errors import FetchError, IngestError, PublishError, RateLimited
from ingest.fetcher import Fetcher
from ingest.fulltext import fetch_full_text
from ingest.parser import parse_feed
from ingest.processor import Candidate, entries_to_reports, with_full_text
from ingest.publisher import ReportSink
from ingest.registry import Feed
from ingest.response import ResponseMeta
from ingest.scheduler import Bounds, FeedState, next_poll_at, remember_entry_times
from ingest.settings import PollerSettings
from ingest.store import PollerStore
from sitrep.records import Report

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class FeedOutcome:
    """What one poll of one feed did."""

    feed_id: str
    url: str
    ok: bool = True
    status: int | None = None
    not_modified: bool = False
    entries: int = 0
    reports: int = 0  # usable entries turned into Reports
    published: int = 0  # new reports and new revisions delivered
    revisions: int = 0
    bozo: bool = False
    bozo_message: str = ""
    error: str | None = None
    error_kind: str | None = None
    next_poll_at: datetime | None = None
    hub_urls: list[str] = field(default_factory=list)
    self_url: str = ""
    report_ids: list[str] = field(default_factory=list)


class FeedPoller:
    """Polls feeds one at a time each (run many concurrently); owns nothing but references."""

    def __init__(
        self,
        fetcher: Fetcher,
        store: PollerStore,
        sink: ReportSink,
        settings: PollerSettings,
        *,
        clock: Callable[[], datetime] = utc_now,
        rng: random.Random | None = None,
        fulltext: bool | None = None,
    ) -> None:
        self.fetcher, self.store, self.sink, self.settings = fetcher, store, sink, settings
        self.clock = clock
        self.rng = rng or random.Random()
        self.fulltext = settings.fulltext if fulltext is None else fulltext
        # WebSub: lease end of a live subscription per feed (polled only at max interval meanwhile)
        self.websub_active: Callable[[str], datetime | None] | None = None
        self._report_locks: dict[str, list[Any]] = {}  # report id -> [lock, holders and waiters]

    def bounds(self, feed: Feed) -> Bounds:
        return Bounds.of(self.settings, feed.min_interval_s, feed.max_interval_s)

    async def poll(self, feed: Feed) -> FeedOutcome:
        """Poll ``feed`` once. Never raises for a feed problem: the outcome carries the error."""
        state = self.store.state(feed.id)
        outcome = FeedOutcome(feed.id, feed.url)
        now = self.clock()
        meta: ResponseMeta
        try:
            result = await self.fetcher.fetch(feed.url, etag=state.etag, last_modified=state.last_modified)
            outcome.status = result.status
            meta = ResponseMeta.from_headers(result.status, result.headers, now)
            state.moved_to = result.permanent_redirect  # shown by `feeds status`; the registry stays as is
            if result.not_modified:
                outcome.not_modified = True
            else:
                meta = await self.ingest_document(
                    feed, state, result.body, result.headers, result.url, outcome, meta
                )
                # Validators only once every report of this body is delivered: a 304 later must not
                # hide entries that never reached the broker.
                state.etag, state.last_modified = meta.etag, meta.last_modified
        except RateLimited as exc:
            outcome.status = exc.status
            meta = ResponseMeta.failure(str(exc), exc.status, exc.retry_after)
            self._fail(outcome, exc)
        except FetchError as exc:
            outcome.status = getattr(exc, "status", None)
            meta = ResponseMeta.failure(str(exc), outcome.status)
            self._fail(outcome, exc)
        except PublishError as exc:
            meta = ResponseMeta(status=outcome.status, ok=False, error=str(exc), sink_error=True)
            self._fail(outcome, exc)
        except IngestError as exc:  # ParseError
            meta = ResponseMeta.failure(str(exc), outcome.status)
            self._fail(outcome, exc)
        except Exception as exc:  # a bug must cost one feed one poll, not the poller
            log.exception("unexpected error polling %s", feed.url)
            meta = ResponseMeta.failure(f"internal error: {exc.__class__.__name__}: {exc}", outcome.status)
            self._fail(outcome, exc)
        self._update_state(state, outcome, meta, now)
        state.websub_expires_at = self.websub_active(feed.id) if self.websub_active else None
        outcome.next_poll_at = state.next_poll_at = next_poll_at(
            state, meta, self.settings, now, self.rng, self.bounds(feed)
        )
        self.store.save_state(state)
        return outcome

    async def ingest_push(self, feed: Feed, body: bytes, headers: dict[str, str]) -> FeedOutcome:
        """Ingest a document a WebSub hub pushed: same parsing, seen-store and delivery as a poll.
        The feed's schedule and validators are left alone. Raises ParseError / PublishError."""
        state = self.store.state(feed.id)
        outcome = FeedOutcome(feed.id, feed.url, status=200)
        await self.ingest_document(feed, state, body, headers, feed.url, outcome, ResponseMeta(status=200))
        if outcome.published:
            state.last_new_entry_at = self.clock()
        self.store.save_state(state)
        return outcome

    @staticmethod
    def _fail(outcome: FeedOutcome, exc: Exception) -> None:
        outcome.ok = False
        outcome.error = str(exc) or exc.__class__.__name__
        outcome.error_kind = getattr(exc, "kind", "internal")

    def _update_state(
        self, state: FeedState, outcome: FeedOutcome, meta: ResponseMeta, now: datetime
    ) -> None:
        state.checks += 1
        state.last_checked_at = now
        state.last_status = outcome.status
        if outcome.ok:
            state.consecutive_errors = 0
            state.last_success_at = now
        else:
            state.consecutive_errors += 1
            state.total_errors += 1
            state.last_error = outcome.error
            state.last_error_kind = outcome.error_kind
        if outcome.published:
            state.last_new_entry_at = now

    async def ingest_document(
        self,
        feed: Feed,
        state: FeedState,
        body: bytes,
        headers: dict[str, str],
        url: str,
        outcome: FeedOutcome,
        meta: ResponseMeta,
    ) -> ResponseMeta:
        """Parse a feed document (polled or pushed), publish what is new or changed, return the meta
        with the feed's TTL hint. Raises ParseError or PublishError."""
        now = self.clock()
        parsed = parse_feed(body, headers, url)
        outcome.bozo, outcome.bozo_message = parsed.bozo, parsed.bozo_message
        outcome.entries = len(parsed.entries)
        outcome.hub_urls, outcome.self_url = parsed.hub_urls, parsed.self_url
        candidates = entries_to_reports(parsed, feed, now, self.settings)
        outcome.reports = len(candidates)
        new_times: list[datetime] = []
        for candidate in candidates:
            outcome.report_ids.append(candidate.report.report_id)
            async with self._report_lock(candidate.report.report_id):
                published_at = await self._ingest_entry(candidate, feed, now, outcome)
            if published_at is not None:
                new_times.append(published_at)
        if new_times:
            state.recent_entry_times = remember_entry_times(state, new_times)
        return ResponseMeta(**{**meta.__dict__, "ttl_s": parsed.ttl_s, "new_entries": len(new_times)})

    @contextlib.asynccontextmanager
    async def _report_lock(self, report_id: str) -> AsyncIterator[None]:
        """One feed at a time per report id. The same story in two feeds polled at once read the seen
        mark the other was still publishing under, and the second published the same content as a new
        revision while the first then wrote its own number back: the next real revision reused that
        number and Elasticsearch kept the copy (seen under `make chaos`, a farm report in two feeds)."""
        entry = self._report_locks.get(report_id)
        if entry is None:
            entry = self._report_locks[report_id] = [asyncio.Lock(), 0]
        entry[1] += 1
        try:
            async with entry[0]:
                yield
        finally:
            entry[1] -= 1
            if entry[1] == 0:
                del self._report_locks[report_id]

    async def _ingest_entry(
        self, candidate: Candidate, feed: Feed, now: datetime, outcome: FeedOutcome
    ) -> datetime | None:
        """Publish one entry if it is new or a new revision; returns its publication time when it is
        new (for the feed's rhythm), else None."""
        report = candidate.report
        mark = self.store.seen(report.report_id)
        if mark is not None and mark.entry_hash == candidate.entry_hash:
            return None
        if self.fulltext and candidate.needs_fulltext:
            report = with_full_text(candidate, await fetch_full_text(self.fetcher, report.url))
        unconfirmed = mark is not None and not mark.entry_hash  # reserved, delivery unknown
        if mark is not None:
            if mark.content_hash == report.content_hash:
                # the feed's wording changed but not what a reader sees: remember, don't republish
                self.store.mark_seen(
                    report.report_id,
                    candidate.entry_hash,
                    report.content_hash,
                    mark.revision,
                    feed.id,
                    now,
                )
                return None
            report = report.model_copy(update={"revision": mark.revision + 1})
            outcome.revisions += 0 if unconfirmed else 1
        self.store.reserve_revision(report.report_id, report.revision, feed.id, now)
        await self._publish(report)
        self.store.mark_seen(
            report.report_id, candidate.entry_hash, report.content_hash, report.revision, feed.id, now
        )
        outcome.published += 1
        if (mark is None or unconfirmed) and report.published_at is not None:
            return report.published_at
        return None

    async def _publish(self, report: Report) -> None:
        try:
            await self.sink.publish(report)
        except PublishError:
            raise
        except Exception as exc:
            raise PublishError(f"could not publish report {report.report_id}: {exc}") from exc
