"""Running the pollers: the programmatic entry points used by ``sitrep poll``, ``up`` and ``demo``.

    summary = await poll_once(settings, feeds, poller_settings=ps)        # every feed once, then return
    await run_pollers(settings, feeds, stop, poller_settings=ps,          # until ``stop`` is set
                      on_progress=print)

Both publish to ``reports.raw`` (kafka-python producer, keyed by report_id, each delivery confirmed
before the report is marked seen) unless a ``sink`` is given. To poll feeds served on loopback
(the demo server), allow-list the host: ``PollerSettings(allow_hosts=["127.0.0.1"])`` or
``poller_settings_for_local(ps)``.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ingest.fetcher import Fetcher
from ingest.handler import FeedOutcome, FeedPoller, utc_now
from ingest.publisher import KafkaReportSink, ReportSink
from ingest.registry import Feed
from ingest.settings import PollerSettings
from ingest.store import PollerStore

if TYPE_CHECKING:
    from ingest.websub import WebSubSubscriber
from sitrep import topics
from sitrep.settings import Settings

log = logging.getLogger(__name__)

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass
class PollSummary:
    """Totals of one round (``poll_once``) or of a run so far (``run_pollers`` progress)."""

    feeds_polled: int = 0
    not_modified: int = 0
    entries: int = 0
    reports_published: int = 0
    revisions: int = 0
    errors: dict[str, str] = field(default_factory=dict)  # feed_id → last error
    outcomes: list[FeedOutcome] = field(default_factory=list)

    def add(self, outcome: FeedOutcome, keep_outcome: bool = True) -> None:
        self.feeds_polled += 1
        self.not_modified += int(outcome.not_modified)
        self.entries += outcome.entries
        self.reports_published += outcome.published
        self.revisions += outcome.revisions
        if outcome.ok:
            self.errors.pop(outcome.feed_id, None)
        else:
            self.errors[outcome.feed_id] = f"{outcome.error_kind}: {outcome.error}"
        if keep_outcome:
            self.outcomes.append(outcome)

    def line(self) -> str:
        """One human line: what happened so far."""
        return (
            f"polled {self.feeds_polled} feed checks, {self.not_modified} not modified, "
            f"{self.reports_published} reports published ({self.revisions} revisions), "
            f"{len(self.errors)} feeds failing"
        )


def poller_settings_for_local(poller_settings: PollerSettings, *hosts: str) -> PollerSettings:
    """A copy of ``poller_settings`` that also allows loopback hosts (and ``hosts``)."""
    allow = list(dict.fromkeys([*poller_settings.allow_hosts, *LOOPBACK_HOSTS, *hosts]))
    return poller_settings.model_copy(update={"allow_hosts": allow})


def state_path(settings: Settings, poller_settings: PollerSettings) -> Path:
    return poller_settings.state_path or Path(settings.state_dir) / "poller.sqlite3"


async def kafka_sink(settings: Settings, poller_settings: PollerSettings) -> tuple[KafkaReportSink, Any]:
    """A sink publishing to ``reports.raw`` on the configured Kafka, and its producer (close it)."""
    from sitrep.kafka import ensure_topics, make_producer

    await asyncio.to_thread(ensure_topics, settings.kafka, [topics.REPORTS_RAW])
    producer = await asyncio.to_thread(make_producer, settings.kafka)
    return KafkaReportSink(producer, topics.REPORTS_RAW, poller_settings.publish_timeout_s), producer


class PollerService:
    """The poll loop: keeps every feed's next poll time, polls due feeds concurrently."""

    def __init__(self, poller: FeedPoller, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.poller = poller
        self.clock = clock
        self._due: dict[str, datetime] = {}
        self._in_flight: set[str] = set()
        self.websub: WebSubSubscriber | None = None
        # Back-pressure: while the broker refuses reports, start no new polls for a while.
        self.sink_failures = 0
        self.paused_until: datetime | None = None
        self._background: set[asyncio.Task[Any]] = set()

    def is_due(self, feed: Feed, now: datetime) -> bool:
        if feed.id in self._in_flight or not feed.enabled:
            return False
        due = self._due.get(feed.id)
        if due is None:
            due = self.poller.store.state(feed.id).next_poll_at or now
            self._due[feed.id] = due
        return due <= now

    @property
    def in_flight(self) -> frozenset[str]:
        """Ids of the feeds being polled right now."""
        return frozenset(self._in_flight)

    def forget(self, feed_ids: Iterable[str]) -> None:
        """Drop cached next-poll times (re-read from the store): the feeds changed hands or definition."""
        for feed_id in feed_ids:
            self._due.pop(feed_id, None)

    def poke(self, feed_id: str) -> None:
        """Make a feed due now (a WebSub ping, a new registry entry)."""
        self._due[feed_id] = self.clock()

    async def _poll(self, feed: Feed) -> FeedOutcome:
        self._in_flight.add(feed.id)
        try:
            outcome = await self.poller.poll(feed)
        finally:
            self._in_flight.discard(feed.id)
        if outcome.next_poll_at is not None:
            self._due[feed.id] = outcome.next_poll_at
        self._note_sink(outcome)
        if self.websub is not None and outcome.ok and self.websub.wants_subscription(feed, outcome.hub_urls):
            task = asyncio.create_task(self.websub.subscribe(feed, outcome.hub_urls[0], outcome.self_url))
            self._background.add(task)
            task.add_done_callback(self._background.discard)
        return outcome

    def _note_sink(self, outcome: FeedOutcome) -> None:
        if outcome.error_kind == "publish":
            self.sink_failures += 1
            pause = min(60.0, 2.0 ** min(self.sink_failures, 6))
            self.paused_until = self.clock() + timedelta(seconds=pause)
            log.warning("broker not confirming reports (%s); new polls wait %.0fs", outcome.error, pause)
        elif outcome.published:
            self.sink_failures, self.paused_until = 0, None

    def paused(self, now: datetime) -> bool:
        """True while back-pressure from the broker holds new polls."""
        return self.paused_until is not None and now < self.paused_until

    async def enable_websub(self) -> str:
        """Start the WebSub endpoint; feeds advertising a hub get subscribed after their next poll."""
        from ingest.websub import WebSubSubscriber

        poller = self.poller

        async def on_push(feed: Feed, body: bytes, headers: dict[str, str]) -> None:
            outcome = await poller.ingest_push(feed, body, headers)
            log.info("WebSub push for %s: %d reports published", feed.id, outcome.published)

        self.websub = WebSubSubscriber(poller.settings, poller.fetcher, on_push, clock=self.clock)
        poller.websub_active = self.websub.active_until
        return await self.websub.start()

    async def close(self) -> None:
        """Stop the WebSub endpoint and background subscriptions."""
        for task in list(self._background):
            task.cancel()
        if self.websub is not None:
            await self.websub.stop()

    async def poll_feeds(
        self,
        feeds: Sequence[Feed],
        *,
        only_due: bool = False,
        on_outcome: Callable[[FeedOutcome], None] | None = None,
    ) -> PollSummary:
        """Poll ``feeds`` (all, or only the due ones) concurrently and wait for all of them."""
        now = self.clock()
        chosen = [f for f in feeds if f.enabled and (not only_due or self.is_due(f, now))]
        summary = PollSummary()
        for done in asyncio.as_completed([self._poll(f) for f in chosen]):
            outcome = await done
            summary.add(outcome)
            if on_outcome:
                on_outcome(outcome)
        return summary

    async def run(
        self,
        feeds: Callable[[], Sequence[Feed]],
        stop: asyncio.Event,
        *,
        on_progress: Callable[[PollSummary], None] | None = None,
        on_outcome: Callable[[FeedOutcome], None] | None = None,
        tick_s: float = 1.0,
    ) -> PollSummary:
        """Poll due feeds until ``stop`` is set; returns the run's totals (outcomes not kept)."""
        totals = PollSummary()
        tasks: set[asyncio.Task[FeedOutcome]] = set()
        limit = max(1, self.poller.settings.concurrency * 2)

        def finished(task: asyncio.Task[FeedOutcome]) -> None:
            tasks.discard(task)
            if task.cancelled() or task.exception() is not None:
                return
            outcome = task.result()
            totals.add(outcome, keep_outcome=False)
            if on_outcome:
                on_outcome(outcome)

        try:
            while not stop.is_set():
                now = self.clock()
                started = 0
                for feed in [] if self.paused(now) else list(feeds()):
                    if len(tasks) >= limit or self.paused(now):
                        break
                    if self.is_due(feed, now):
                        task = asyncio.create_task(self._poll(feed))
                        self._in_flight.add(feed.id)
                        tasks.add(task)
                        task.add_done_callback(finished)
                        started += 1
                before = totals.feeds_polled
                try:
                    await asyncio.wait_for(stop.wait(), timeout=self._sleep_s(feeds(), tick_s))
                except TimeoutError:
                    pass
                if on_progress and totals.feeds_polled != before:
                    on_progress(totals)
        finally:
            for task in tasks:
                task.cancel()
            if tasks:
                await asyncio.gather(*tasks, return_exceptions=True)
        return totals

    def _sleep_s(self, feeds: Sequence[Feed], tick_s: float) -> float:
        now = self.clock()
        upcoming = [self._due[f.id] for f in feeds if f.id in self._due and f.id not in self._in_flight]
        if not upcoming:
            return tick_s
        return min(tick_s, max(0.01, (min(upcoming) - now).total_seconds()))


def open_poller(
    settings: Settings,
    poller_settings: PollerSettings,
    sink: ReportSink,
    *,
    store: PollerStore | None = None,
    rng: random.Random | None = None,
    fulltext: bool | None = None,
) -> tuple[FeedPoller, PollerStore, Fetcher]:
    """Wire a FeedPoller: fetcher + SQLite store + sink."""
    store = store or PollerStore(state_path(settings, poller_settings))
    fetcher = Fetcher(poller_settings)
    return FeedPoller(fetcher, store, sink, poller_settings, rng=rng, fulltext=fulltext), store, fetcher


async def poll_once(
    settings: Settings,
    registry: Sequence[Feed],
    *,
    poller_settings: PollerSettings,
    sink: ReportSink | None = None,
    only_due: bool = False,
    on_outcome: Callable[[FeedOutcome], None] | None = None,
) -> PollSummary:
    """Poll every enabled feed of ``registry`` once (or only the due ones) and return the summary.

    Publishes to ``reports.raw`` unless ``sink`` is given."""
    producer = None
    if sink is None:
        sink, producer = await kafka_sink(settings, poller_settings)
    poller, store, fetcher = open_poller(settings, poller_settings, sink)
    try:
        return await PollerService(poller).poll_feeds(registry, only_due=only_due, on_outcome=on_outcome)
    finally:
        await fetcher.aclose()
        store.close()
        if producer is not None:
            await asyncio.to_thread(producer.close, 10)


async def run_pollers(
    settings: Settings,
    registry: Sequence[Feed] | Callable[[], Sequence[Feed]],
    stop: asyncio.Event,
    *,
    poller_settings: PollerSettings,
    on_progress: Callable[[PollSummary], None] | None = None,
    on_outcome: Callable[[FeedOutcome], None] | None = None,
    sink: ReportSink | None = None,
) -> PollSummary:
    """Run the pollers until ``stop`` is set: due feeds are polled, reports go to ``reports.raw``.

    ``registry`` is a list of feeds or a callable returning the current list (scale-out passes the
    feeds of this instance's partitions). Returns the run's totals."""
    producer = None
    if sink is None:
        sink, producer = await kafka_sink(settings, poller_settings)
    poller, store, fetcher = open_poller(settings, poller_settings, sink)
    feeds = registry if callable(registry) else (lambda: registry)
    service = PollerService(poller)
    try:
        if poller_settings.websub:
            log.info("WebSub callbacks at %s", await service.enable_websub())
        return await service.run(feeds, stop, on_progress=on_progress, on_outcome=on_outcome)
    finally:
        await service.close()
        await fetcher.aclose()
        store.close()
        if producer is not None:
            await asyncio.to_thread(producer.close, 10)
