"""Scale-out: poller instances share the registry through the ``feeds`` topic, one consumer group.

* Each instance publishes the registry it was started with to ``feeds`` (key = feed id, value = the
  Feed as JSON; the latest record per key wins, a disabled feed stops being polled).
* Every instance joins the consumer group ``PollerSettings.group_id``; Kafka gives each the
  partitions it owns. On assignment an instance reads its partitions from the beginning and polls
  only those feeds; a revoked partition's feeds are dropped once their in-flight polls finished
  (the revoke callback waits), so a feed is never polled by two instances at once.
* A dead instance stops heartbeating; after the group session timeout its partitions, hence its
  feeds, move to the survivors. With a shared state store (instances on one machine share
  ``poller.sqlite3``) the new owner keeps the feed's schedule; otherwise it polls the feed at once.

Offsets are never committed: the topic is a table, re-read in full on every assignment.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from pydantic import ValidationError

from ingest.handler import FeedOutcome
from ingest.registry import Feed
from ingest.settings import PollerSettings
from sitrep import topics
from sitrep.settings import Settings

log = logging.getLogger(__name__)


def publish_registry(settings: Settings, feeds: Iterable[Feed], timeout_s: float = 30.0) -> int:
    """Publish every feed to the ``feeds`` topic (keyed by id) and wait for the broker. Returns the count."""
    from sitrep.kafka import ensure_topics, make_producer

    ensure_topics(settings.kafka, [topics.FEEDS])
    producer = make_producer(settings.kafka)
    try:
        futures = [
            producer.send(topics.FEEDS, key=f.id.encode(), value=f.model_dump_json().encode()) for f in feeds
        ]
        for future in futures:
            future.get(timeout=timeout_s)
        return len(futures)
    finally:
        producer.close(timeout=10)


class FeedAssignment:
    """The feeds of the ``feeds`` partitions this instance currently owns (consumer thread inside)."""

    def __init__(
        self,
        settings: Settings,
        poller_settings: PollerSettings,
        *,
        in_flight: Callable[[], set[str]] = set,
        on_change: Callable[[set[str]], None] | None = None,
        say: Callable[[str], None] | None = None,
    ) -> None:
        self.settings, self.poller_settings = settings, poller_settings
        self.in_flight = in_flight
        self.on_change = on_change
        self.say = say or (lambda line: log.info("%s", line))
        self._lock = threading.Lock()
        self._by_partition: dict[int, dict[str, Feed]] = {}
        self._assigned: set[int] = set()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.ready = threading.Event()  # set after the first assignment was read in full
        self.error: Exception | None = None

    # --- what the poll loop sees -----------------------------------------------------------------

    def feeds(self) -> list[Feed]:
        with self._lock:
            return [
                f for p in sorted(self._assigned) for f in self._by_partition.get(p, {}).values() if f.enabled
            ]

    def partitions(self) -> list[int]:
        with self._lock:
            return sorted(self._assigned)

    # --- consumer thread -------------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="feed-assignment", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _consumer(self) -> Any:
        from kafka import KafkaConsumer

        kafka = self.settings.kafka
        return KafkaConsumer(
            **kafka.kafka_python_config(),
            group_id=self.poller_settings.group_id,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            session_timeout_ms=int(kafka.session_timeout_s * 1000),
            heartbeat_interval_ms=int(kafka.heartbeat_interval_s * 1000),
            max_poll_interval_ms=300_000,
        )

    def _run(self) -> None:
        from kafka import ConsumerRebalanceListener

        assignment = self

        class Listener(ConsumerRebalanceListener):  # type: ignore[misc]
            def on_partitions_revoked(self, revoked: Any) -> None:
                assignment._revoke({tp.partition for tp in revoked})

            def on_partitions_assigned(self, assigned: Any) -> None:
                assignment._assign(consumer, assigned)

        try:
            consumer = self._consumer()
        except Exception as exc:
            self.error = exc
            self.say(f"feed assignment: cannot reach Kafka: {exc}")
            self.ready.set()
            return
        try:
            consumer.subscribe([topics.FEEDS], listener=Listener())
            while not self._stop.is_set():
                batches = consumer.poll(timeout_ms=300)
                changed: set[str] = set()
                for tp, records in batches.items():
                    for record in records:
                        changed |= self._apply(tp.partition, record.key, record.value)
                if changed and self.on_change:
                    self.on_change(changed)
                if self._assigned and not self.ready.is_set() and self._caught_up(consumer):
                    self.ready.set()
        except Exception as exc:  # keep the process alive; the poll loop sees no feeds, says why
            self.error = exc
            self.say(f"feed assignment stopped: {exc.__class__.__name__}: {exc}")
        finally:
            consumer.close(autocommit=False)

    def _caught_up(self, consumer: Any) -> bool:
        try:
            return all(consumer.position(tp) >= (consumer.highwater(tp) or 0) for tp in consumer.assignment())
        except Exception:
            return True

    def _apply(self, partition: int, key: bytes | None, value: bytes | None) -> set[str]:
        if key is None:
            return set()
        feed_id = key.decode("utf-8", "replace")
        with self._lock:
            feeds = self._by_partition.setdefault(partition, {})
            if value is None:
                feeds.pop(feed_id, None)
                return {feed_id}
            try:
                feeds[feed_id] = Feed.model_validate_json(value)
            except ValidationError as exc:
                log.warning(
                    "ignoring malformed feed record %s on %s[%d]: %s",
                    feed_id,
                    topics.FEEDS,
                    partition,
                    exc.errors()[0]["msg"],
                )
                return set()
        return {feed_id}

    def _revoke(self, partitions: set[int]) -> None:
        with self._lock:
            leaving = {fid for p in partitions for fid in self._by_partition.get(p, {})}
            self._assigned -= partitions
        # Let this instance's polls of those feeds finish before another instance may start them.
        deadline = time.monotonic() + 20.0
        while time.monotonic() < deadline:
            try:
                busy = leaving & set(self.in_flight())
            except RuntimeError:  # the set changed size while copied: look again
                continue
            if not busy:
                break
            time.sleep(0.05)
        with self._lock:
            for p in partitions:
                self._by_partition.pop(p, None)
        if partitions:
            self.say(f"released feeds partitions {sorted(partitions)} ({len(leaving)} feeds)")

    def _assign(self, consumer: Any, assigned: Any) -> None:
        partitions = {tp.partition for tp in assigned}
        with self._lock:
            for p in partitions:
                self._by_partition[p] = {}
            self._assigned = set(partitions)
        if assigned:
            consumer.seek_to_beginning(*assigned)
        self.ready.clear()
        self.say(f"assigned feeds partitions {sorted(partitions)}")


async def run_sharded_pollers(
    settings: Settings,
    registry: Sequence[Feed],
    stop: asyncio.Event,
    *,
    poller_settings: PollerSettings,
    on_progress: Callable[[Any], None] | None = None,
    on_outcome: Callable[[FeedOutcome], None] | None = None,
    publish: bool = True,
    say: Callable[[str], None] | None = None,
) -> Any:
    """Like ``run_pollers``, but polling only the feeds of this instance's ``feeds`` partitions."""
    from ingest.service import PollerService, kafka_sink, open_poller

    if publish and registry:
        count = await asyncio.to_thread(publish_registry, settings, registry)
        (say or log.info)(f"published {count} feeds to the {topics.FEEDS} topic")
    sink, producer = await kafka_sink(settings, poller_settings)
    poller, store, fetcher = open_poller(settings, poller_settings, sink)
    service = PollerService(poller)
    loop = asyncio.get_running_loop()

    def forget_soon(feed_ids: set[str]) -> None:
        # called from the consumer thread: the poll loop's cache lives in the event-loop thread
        loop.call_soon_threadsafe(service.forget, feed_ids)

    assignment = FeedAssignment(
        settings,
        poller_settings,
        in_flight=lambda: set(service.in_flight),
        on_change=forget_soon,
        say=say,
    )
    assignment.start()
    try:
        if poller_settings.websub:
            log.info("WebSub callbacks at %s", await service.enable_websub())
        return await service.run(assignment.feeds, stop, on_progress=on_progress, on_outcome=on_outcome)
    finally:
        await service.close()
        await asyncio.to_thread(assignment.stop)
        await fetcher.aclose()
        store.close()
        await asyncio.to_thread(producer.close, 10)
