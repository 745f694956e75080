"""The Elasticsearch sink: a Kafka consumer group over reports.clean, events and alerts.

The loop only decodes, converts (``sinks.documents``), writes (``BulkWriter``), dead-letters and
commits. Offsets are committed only after the bulk covering them succeeded and every dead letter
of the batch was confirmed, so a crash replays — and replays are harmless (stable ``_id`` +
external versions). While Elasticsearch is unreachable, the consumer's partitions are paused (no
records pile up in memory) and the group membership is kept alive; writing resumes by itself.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

from sinks.bulk import ItemResult, Outcome, backoff_delay, classify_items, is_retryable_status
from sinks.documents import BulkAction, bulk_operations, decode_record, document_size, to_action
from sinks.errors import DocumentRejected, ElasticsearchUnavailable, GroupJoinStalled, RetriesExhausted
from sinks.indices import IndexNames, ensure_indices, index_names
from sinks.rollover import ReportRouter
from sinks.settings import SinkSettings
from sitrep import topics
from sitrep.deadletter import make_dead_letter
from sitrep.errors import ConfigError, InvalidRecord
from sitrep.kafka import make_producer, publish_dead_letter
from sitrep.records import DeadLetter
from sitrep.settings import Settings

log = logging.getLogger(__name__)

SINK_TOPICS = (topics.REPORTS_CLEAN, topics.EVENTS, topics.ALERTS)
STAGE = "sink"


@dataclass
class SinkMetrics:
    """Counters since start (read them from another thread for progress or export)."""

    consumed: int = 0
    written: int = 0
    ignored: int = 0  # replays / older revisions (409)
    dead_lettered: int = 0
    skipped: int = 0  # invalid, with on_invalid=skip
    errors: int = 0  # documents that failed with a retryable status until we gave up
    retries: int = 0
    bulk_requests: int = 0
    unavailable_waits: int = 0
    commits: int = 0


def elasticsearch_client(settings: Settings) -> Any:
    """The sink's client: bulk bodies are serialized with orjson (several times faster than json)."""
    from elasticsearch import Elasticsearch
    from elasticsearch.serializer import OrjsonSerializer

    return Elasticsearch(**settings.elasticsearch.client_kwargs(), serializer=OrjsonSerializer())


class BulkWriter:
    """Writes a batch of actions with ``_bulk`` until each item has a final outcome.

    Whole-request failures (connection errors, 429, 5xx) are retried without limit, waiting
    ``backoff_delay`` between attempts through ``wait`` (which may pause consumption, or raise to
    give up when stopping). Items failing with a retryable status are retried up to
    ``item_max_attempts`` times; their last result is returned with outcome RETRY.
    """

    def __init__(
        self,
        es: Any,
        settings: SinkSettings,
        *,
        wait: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        metrics: SinkMetrics | None = None,
        on_unavailable: Callable[[Exception], None] | None = None,
        observe_seconds: Callable[[float], None] | None = None,
        router: ReportRouter | None = None,
    ) -> None:
        self.es, self.settings, self.wait = es, settings, wait
        self.rng = rng or random.Random()
        self.metrics = metrics or SinkMetrics()
        self.on_unavailable = on_unavailable
        self.observe_seconds = observe_seconds
        self.router = router
        # Several bulks may be written at once (the sink's max_in_flight): routing is one at a time,
        # and the alias is rolled over only by a write that is alone, so no bulk is still writing to
        # the old write index when the router refreshes it and starts relying on search to find it.
        self._route_lock = threading.Lock()
        self._count_lock = threading.Lock()
        self._active = 0

    def write(self, actions: Sequence[BulkAction]) -> list[ItemResult]:
        with self._count_lock:
            self._active += 1
        try:
            return self._write(actions)
        finally:
            with self._count_lock:
                self._active -= 1

    def _write(self, actions: Sequence[BulkAction]) -> list[ItemResult]:
        if self.router is not None:
            with self._route_lock:
                actions = self._route(actions)
        final: list[ItemResult | None] = [None] * len(actions)
        attempts = [0] * len(actions)
        pending = list(range(len(actions)))
        request_failures = 0
        while pending:
            try:
                response = self._bulk([actions[i] for i in pending])
            except ElasticsearchUnavailable as exc:
                self.metrics.unavailable_waits += 1
                if self.on_unavailable:
                    self.on_unavailable(exc)
                self.wait(backoff_delay(request_failures, self.settings.backoff_base_s,
                                        self.settings.backoff_cap_s, self.rng))
                request_failures += 1
                continue
            request_failures = 0
            results = classify_items(response)
            if len(results) != len(pending):  # never seen; treat the whole request as failed once
                mismatch = ItemResult(Outcome.RETRY, 500, "bulk_response", "item count mismatch")
                results = [mismatch] * len(pending)
            retry: list[int] = []
            for i, result in zip(pending, results, strict=True):
                if result.outcome is Outcome.RETRY:
                    attempts[i] += 1
                    if attempts[i] < self.settings.item_max_attempts:
                        retry.append(i)
                        continue
                final[i] = result
            if retry:
                self.metrics.retries += len(retry)
                self.wait(backoff_delay(max(attempts[i] for i in retry) - 1, self.settings.backoff_base_s,
                                        self.settings.backoff_cap_s, self.rng))
            pending = retry
        return [r for r in final if r is not None]

    def _route(self, actions: Sequence[BulkAction]) -> list[BulkAction]:
        """Reports pointed at the index already holding them (rollover layout); rolls the alias
        over first when it is due and no ILM does it. Waits out outages like a bulk does."""
        from elasticsearch import ApiError, ConnectionError, ConnectionTimeout, TransportError

        assert self.router is not None
        failures = 0
        while True:
            try:
                try:
                    with self._count_lock:
                        alone = self._active == 1
                    if alone:
                        self.router.maybe_rollover()
                except ApiError as exc:  # refused, not down: indexing goes on into the current index
                    if is_retryable_status(exc.meta.status):
                        raise
                    log.warning("reports rollover refused (%s); will try again later", exc)
                return self.router.route(actions)
            except (ConnectionError, ConnectionTimeout, TransportError) as exc:
                unavailable = ElasticsearchUnavailable(f"Elasticsearch unreachable: {exc}")
            except ApiError as exc:
                if not is_retryable_status(exc.meta.status):
                    log.warning("could not look up where reports are indexed (%s); writing through the alias",
                                exc)
                    return list(actions)
                unavailable = ElasticsearchUnavailable(f"Elasticsearch answered {exc.meta.status}: {exc}")
            self.metrics.unavailable_waits += 1
            if self.on_unavailable:
                self.on_unavailable(unavailable)
            self.wait(backoff_delay(failures, self.settings.backoff_base_s, self.settings.backoff_cap_s, self.rng))
            failures += 1

    def _bulk(self, actions: list[BulkAction]) -> dict[str, Any]:
        from elasticsearch import ApiError, ConnectionError, ConnectionTimeout, TransportError

        self.metrics.bulk_requests += 1
        started = time.perf_counter()
        try:
            response = self.es.bulk(
                operations=bulk_operations(actions), refresh="wait_for" if self.settings.refresh else None,
                filter_path=_BULK_RESPONSE_FIELDS,
            )
        except (ConnectionError, ConnectionTimeout) as exc:
            raise ElasticsearchUnavailable(f"Elasticsearch unreachable: {exc}") from exc
        except ApiError as exc:
            if is_retryable_status(exc.meta.status):
                raise ElasticsearchUnavailable(f"Elasticsearch answered {exc.meta.status}: {exc}") from exc
            # The request as a whole was refused (e.g. 413 too large): let every item retry, then DLQ.
            error = {"type": str(exc.error), "reason": str(exc)[:500]}
            return {"items": [{"index": {"status": exc.meta.status, "error": error}} for _ in actions]}
        except TransportError as exc:
            raise ElasticsearchUnavailable(f"Elasticsearch transport error: {exc}") from exc
        if self.observe_seconds is not None:
            self.observe_seconds(time.perf_counter() - started)
        return dict(response.body if hasattr(response, "body") else response)


# What classify_items reads of a bulk response: the server leaves out the rest (ids, versions, shards...).
_BULK_RESPONSE_FIELDS = "errors,items.*.status,items.*.error"


@dataclass
class _Pending:
    """A consumed message and what became of it so far."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    action: BulkAction | None = None
    error: Exception | None = None


@dataclass
class _InFlight:
    """A batch whose bulk is being written by the bulk thread."""

    messages: list[_Pending]
    writable: list[_Pending]
    future: Future[list[ItemResult]]
    submitted_at: float


@dataclass
class _Batch:
    messages: list[_Pending] = field(default_factory=list)
    size_bytes: int = 0
    started: float | None = None

    def __len__(self) -> int:
        return len(self.messages)


class ElasticsearchSink:
    """Consumes reports.clean, events and alerts and indexes them into Elasticsearch.

    ``run(stop)`` blocks until ``stop`` is set. For tests, ``start()``, ``run_once()``, ``flush()``
    and ``close()`` drive it step by step. ``es``, ``consumer``, ``producer``, ``clock``, ``sleep`` and
    ``rng`` may be injected.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        group_id: str = "sitrep-sink",
        sink_settings: SinkSettings | None = None,
        topics: Sequence[str] = SINK_TOPICS,
        es: Any = None,
        consumer: Any = None,
        producer: Any = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        ensure: bool = True,
        observe_bulk_seconds: Callable[[float], None] | None = None,
        on_dead_letter: Callable[[DeadLetter], None] | None = None,
    ) -> None:
        self.settings = settings
        self.sink_settings = sink_settings or SinkSettings()
        self.group_id = group_id
        self.topics = tuple(topics)
        self.names: IndexNames = index_names(settings)
        self.es = es if es is not None else elasticsearch_client(settings)
        self.consumer = consumer
        self.producer = producer
        self.clock, self.sleep = clock, sleep
        self.metrics = SinkMetrics()
        self.ensure = ensure
        self._stop: threading.Event | None = None
        self._batch = _Batch()
        self._held: list[Any] = []  # records a poll returned while we were paused
        self._paused = False
        # Up to max_in_flight bulks in flight while the next batch is decoded and built: Elasticsearch
        # and our CPU work overlap, and the server works on several bulks at once. Results are
        # handled, and offsets committed, in batch order on this thread.
        self._executor = ThreadPoolExecutor(max_workers=self.sink_settings.max_in_flight,
                                            thread_name_prefix="sink-bulk")
        self._in_flight: deque[_InFlight] = deque()
        self.router = ReportRouter(self.es, self.names, settings.elasticsearch, clock=clock)
        self.writer = BulkWriter(
            self.es, self.sink_settings, wait=self._writer_wait, rng=rng,
            metrics=self.metrics, on_unavailable=self._on_unavailable, observe_seconds=observe_bulk_seconds,
            router=self.router if self.router.enabled else None,
        )
        self._assigned = False
        self._unstable_since: float | None = None
        self.on_dead_letter = on_dead_letter

    @property
    def paused(self) -> bool:
        """True while consumption is paused, waiting for a slow or unreachable Elasticsearch."""
        return self._paused

    @property
    def assigned(self) -> bool:
        """True once the group gave this sink partitions (as of its last poll)."""
        return self._assigned

    # --- lifecycle ---------------------------------------------------------------------------------

    def start(self) -> None:
        """Create indices (idempotent), the consumer and the dead-letter producer."""
        if self.ensure:
            self._ensure_indices()
        if self.consumer is None:
            self.consumer = self._make_consumer()
        if self.producer is None and self.settings.on_invalid == "dlq":
            self.producer = make_producer(self.settings.kafka)

    def run(self, stop: threading.Event) -> None:
        """Consume and index until ``stop`` is set; flush what is pending, then close."""
        self._stop = stop
        self.start()
        try:
            while not stop.is_set():
                self.run_once()
            self.flush()
        except ElasticsearchUnavailable:
            log.warning("stopped while Elasticsearch was unavailable; uncommitted messages will be re-read")
        finally:
            self.close()

    def close(self) -> None:
        self._executor.shutdown(wait=True)
        if self.consumer is not None:
            self.consumer.close(autocommit=False)
        if self.producer is not None:
            self.producer.flush()
            self.producer.close()

    # --- one step ----------------------------------------------------------------------------------

    def run_once(self, timeout_s: float | None = None) -> int:
        """Poll once, convert what came, flush if the batch is due. Returns messages consumed."""
        if self._bulk_is_slow() and not self._paused:
            self._pause()  # Elasticsearch is slow or down: read nothing more until it answers
        records = self._held or self._poll(timeout_s)
        self._held = []
        count = 0
        for record in records:
            self._add(record)
            count += 1
            if self._batch_full():
                self._submit()
        if self._batch.messages and self._batch_due():
            self._submit()
        while self._in_flight and self._in_flight[0].future.done():
            self._complete_oldest()
        return count

    def flush(self) -> None:
        """Write everything consumed so far, dead-letter what was refused, commit. Blocks."""
        self._submit()
        self.wait_in_flight()

    def wait_in_flight(self) -> None:
        """Complete the bulks in flight, if any (commit their offsets); the open batch stays open."""
        while self._in_flight:
            self._complete_oldest()

    def _submit(self) -> None:
        """Hand the current batch to a bulk thread (first completing the oldest bulk in flight when
        ``max_in_flight`` are)."""
        batch, self._batch = self._batch, _Batch()
        if not batch.messages:
            return
        while len(self._in_flight) >= self.sink_settings.max_in_flight:
            self._complete_oldest()
        writable = [m for m in batch.messages if m.action is not None]
        actions = [m.action for m in writable if m.action is not None]
        future = self._executor.submit(self.writer.write, actions)
        self._in_flight.append(_InFlight(batch.messages, writable, future, self.clock()))

    def _complete_oldest(self) -> None:
        """Wait for the oldest bulk in flight, then dead-letter its refused documents and commit its
        offsets (batches complete in the order they were consumed, so commits never pass a batch)."""
        if not self._in_flight:
            return
        in_flight = self._in_flight[0]
        self._await(in_flight.future)
        self._in_flight.popleft()
        results = in_flight.future.result()  # ElasticsearchUnavailable when stopped during an outage
        for message, result in zip(in_flight.writable, results, strict=True):
            if result.outcome is Outcome.WRITTEN:
                self.metrics.written += 1
            elif result.outcome is Outcome.IGNORED:
                self.metrics.ignored += 1
            elif result.outcome is Outcome.REJECTED:
                message.error = DocumentRejected(result.status, result.error_type, result.reason)
            else:
                self.metrics.errors += 1
                message.error = RetriesExhausted(
                    result.status, result.error_type, result.reason, self.sink_settings.item_max_attempts
                )
                log.error("giving up on %s[%d]@%d: %s", message.topic, message.partition, message.offset,
                          message.error)
        for message in in_flight.messages:
            if message.error is not None:
                self._handle_invalid(message)
        self._commit(in_flight.messages)
        if self._paused:
            self._resume()

    def _await(self, future: Future[list[ItemResult]]) -> None:
        """Wait for ``future``; past ``pause_after_s`` pause every partition and keep polling, so
        nothing piles up in memory and the group keeps us while Elasticsearch is slow or down."""
        done, _ = wait([future], timeout=self.sink_settings.pause_after_s)
        while not done and self.consumer is not None:
            self._pause()
            polled = self.consumer.poll(timeout_ms=int(self.sink_settings.poll_timeout_s * 1000))
            # A rebalance may hand us a partition that is not paused yet: keep what it returned.
            self._held.extend(record for records in polled.values() for record in records)
            done, _ = wait([future], timeout=0)
        wait([future])

    # --- internals ---------------------------------------------------------------------------------

    def _ensure_indices(self) -> None:
        attempts = 0
        while True:
            try:
                ensure_indices(self.es, self.settings)
                return
            except Exception as exc:  # ES not up yet: wait like any outage, unless stopping
                if not _is_unavailable(exc):
                    raise
                attempts += 1
                if attempts == 1 or attempts % 30 == 0:
                    log.warning("Elasticsearch not reachable yet (%s); retrying every second", exc)
                if self._stop is not None and self._stop.is_set():
                    raise ElasticsearchUnavailable(str(exc)) from exc
                self.sleep(1.0)

    def _make_consumer(self) -> Any:
        from kafka import KafkaConsumer

        kafka = self.settings.kafka
        waits = {} if kafka.fetch_max_wait_ms is None else {"fetch_max_wait_ms": kafka.fetch_max_wait_ms}
        consumer = KafkaConsumer(
            *self.topics,
            **kafka.kafka_python_config(),
            **waits,
            group_id=self.group_id,
            enable_auto_commit=False,
            auto_offset_reset=self.sink_settings.auto_offset_reset,
            session_timeout_ms=int(kafka.session_timeout_s * 1000),
            heartbeat_interval_ms=int(kafka.heartbeat_interval_s * 1000),
            max_poll_records=self.sink_settings.batch_max_docs,
            fetch_max_bytes=max(self.sink_settings.batch_max_bytes, kafka.max_message_bytes + 65536),
            max_partition_fetch_bytes=kafka.max_message_bytes + 65536,
        )
        return consumer

    def _poll(self, timeout_s: float | None) -> list[Any]:
        timeout = self.sink_settings.poll_timeout_s if timeout_s is None else timeout_s
        if self._batch.started is not None:  # do not wait past the batch's deadline
            left = self._batch.started + self.sink_settings.batch_max_wait_s - self.clock()
            timeout = max(0.0, min(timeout, left))
        polled = self.consumer.poll(
            timeout_ms=int(timeout * 1000), max_records=self.sink_settings.batch_max_docs
        )
        self._assigned = bool(self.consumer.assignment())
        self._check_membership()
        return [record for records in polled.values() for record in records]

    def _check_membership(self) -> None:
        """Raise `GroupJoinStalled` once the consumer has been outside a stable group membership for
        ``rejoin_after_s``. kafka-python has no public call for this; its coordinator's ``state`` is
        read where it exists (the check is skipped for consumers without one, such as test doubles)."""
        state = getattr(getattr(self.consumer, "_coordinator", None), "state", None)
        if state is None:
            return
        if str(state) == "<stable>":
            self._unstable_since = None
            return
        now = self.clock()
        if self._unstable_since is None:
            self._unstable_since = now
        elif now - self._unstable_since >= self.sink_settings.rejoin_after_s:
            raise GroupJoinStalled(
                f"the consumer has not rejoined group {self.group_id!r} for {now - self._unstable_since:.0f}s "
                f"(state {state}); exiting so that a fresh consumer joins (SITREP_SINK__REJOIN_AFTER_S)")

    def _add(self, record: Any) -> None:
        self.metrics.consumed += 1
        message = _Pending(record.topic, record.partition, record.offset, record.key, record.value)
        try:
            message.action = to_action(decode_record(record.topic, record.value), self.names)
        except InvalidRecord as exc:
            message.error = exc
        if self._batch.started is None:
            self._batch.started = self.clock()
        self._batch.messages.append(message)
        self._batch.size_bytes += document_size(len(record.value or b""))

    def _batch_full(self) -> bool:
        return (len(self._batch) >= self.sink_settings.batch_max_docs
                or self._batch.size_bytes >= self.sink_settings.batch_max_bytes)

    def _batch_due(self) -> bool:
        started = self._batch.started
        return started is not None and self.clock() - started >= self.sink_settings.batch_max_wait_s

    def _handle_invalid(self, message: _Pending) -> None:
        assert message.error is not None
        policy = self.settings.on_invalid
        if policy == "fail":
            raise ConfigError(
                f"{message.topic}[{message.partition}]@{message.offset}: {message.error}; "
                "set SITREP_ON_INVALID=dlq to dead-letter such messages instead of stopping",
                setting="on_invalid",
            )
        if policy == "skip":
            self.metrics.skipped += 1
            log.warning("skipped %s[%d]@%d: %s",
                        message.topic, message.partition, message.offset, message.error)
            return
        letter = make_dead_letter(
            message.value, message.error, stage=STAGE, key=message.key,
            topic=message.topic, partition=message.partition, offset=message.offset,
        )
        publish_dead_letter(self.producer, message.topic, letter)
        self.metrics.dead_lettered += 1
        if self.on_dead_letter is not None:
            self.on_dead_letter(letter)

    def _commit(self, messages: list[_Pending]) -> None:
        from kafka.errors import (
            CommitFailedError,
            IllegalGenerationError,
            RebalanceInProgressError,
            UnknownMemberIdError,
        )
        from kafka.structs import OffsetAndMetadata, TopicPartition

        if self.consumer is None:
            return
        last: dict[tuple[str, int], int] = {}
        for m in messages:
            last[(m.topic, m.partition)] = max(m.offset, last.get((m.topic, m.partition), -1))
        offsets = {TopicPartition(t, p): OffsetAndMetadata(o + 1, "", -1) for (t, p), o in last.items()}
        try:
            self.consumer.commit(offsets=offsets)
            self.metrics.commits += 1
        except (CommitFailedError, RebalanceInProgressError, IllegalGenerationError, UnknownMemberIdError) as exc:
            # The documents are written. Partitions this member keeps are covered by its next commit;
            # partitions that move are re-read by their new owner (idempotent writes).
            log.warning("offset commit refused during a rebalance (%s); the next commit or the new owner "
                        "covers these messages", exc.__class__.__name__)

    def _on_unavailable(self, exc: Exception) -> None:
        if self.metrics.unavailable_waits == 1 or self.metrics.unavailable_waits % 20 == 0:
            log.warning("Elasticsearch unavailable, consumption paused: %s", exc)

    def _writer_wait(self, delay: float) -> None:
        """Backoff of the bulk thread; gives up (raises) when the sink is stopping."""
        if self._stop is None:
            self.sleep(delay)
        elif self._stop.wait(delay) or self._stop.is_set():
            raise ElasticsearchUnavailable("stopping while Elasticsearch is unavailable")

    def _bulk_is_slow(self) -> bool:
        in_flight = self._in_flight[0] if self._in_flight else None
        return (in_flight is not None and not in_flight.future.done()
                and self.clock() - in_flight.submitted_at >= self.sink_settings.pause_after_s)

    def _pause(self) -> None:
        if self.consumer is not None:
            self.consumer.pause(*self.consumer.assignment())
            self._paused = True

    def _resume(self) -> None:
        self.consumer.resume(*self.consumer.paused())
        self._paused = False
        log.info("Elasticsearch is back; consumption resumed")


def _is_unavailable(exc: Exception) -> bool:
    from elasticsearch import ApiError, ConnectionError, ConnectionTimeout

    if isinstance(exc, (ConnectionError, ConnectionTimeout)):
        return True
    return isinstance(exc, ApiError) and is_retryable_status(exc.meta.status)
