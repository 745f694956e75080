"""The Faust application: agents wired to topics. Built from a Settings object, never from globals.

Flow (every arrow a Kafka topic, keyed so a replay lands on the same partition):

    reports.raw ──normalize──▶ reports.clean ──extract──▶ events.candidates ──fuse──▶ events ──alert──▶ alerts

Each agent decodes, calls the pure stage, sends, and lets Faust commit; Faust flushes the producer
before it commits offsets, so an offset is committed only after what it produced is on the broker, and
(`processors/offsets.py`) only up to the first message not yet processed.
A message that cannot be processed goes to ``<topic>.dlq`` with the reason (``on_invalid`` setting).
After a crash the worker resumes from the last committed offset; outputs carry stable ids and keys,
so re-processing creates no duplicates downstream.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl
from typing import Any

import faust

from processors import offsets
from sitrep.metrics import worker_metrics
from sitrep.settings import Settings

log = logging.getLogger(__name__)

# Faust hard-codes fetch_max_wait_ms=1500 for the worker's consumer and offers no setting. Kafka
# answers a fetch as soon as data arrives; a broker that holds it for the whole wait (the local
# Tansu stand-in does, for aiokafka's fetches) adds up to 1.5 s per stage. The local profile caps it
# (SITREP_KAFKA__FETCH_MAX_WAIT_MS); measured by bench_pipeline on the stand-ins: reports.raw →
# reports.clean p50 1.08 s → 0.08 s, end-to-end p95 2.6 s → 1.5 s. Unset, Faust's value stands.


def _cap_fetch_wait(max_wait_ms: int | None) -> None:
    from faust.transport.drivers import aiokafka as driver

    create = getattr(driver.AIOKafkaConsumerThread._create_worker_consumer, "_sitrep_original",
                     driver.AIOKafkaConsumerThread._create_worker_consumer)
    if max_wait_ms is None:
        driver.AIOKafkaConsumerThread._create_worker_consumer = create  # type: ignore[method-assign]
        return

    def capped(self: Any, transport: Any) -> Any:
        consumer = create(self, transport)
        # aiokafka hands this to its fetcher when the consumer starts.
        consumer._fetch_max_wait_ms = min(consumer._fetch_max_wait_ms, max_wait_ms)
        return consumer

    capped._sitrep_original = create  # type: ignore[attr-defined]
    driver.AIOKafkaConsumerThread._create_worker_consumer = capped  # type: ignore[method-assign]


# Faust keeps table changelog records (and other sends without a wait) in a ProducerBuffer that one task
# hands to the Kafka client message by message. Its flush(), awaited before every offset commit, on a
# partition revocation and at shutdown, gives up as soon as one hand-over takes more than 0.1 s (a
# stalled or slow broker, a full client queue: the local stand-in takes one record per batch) and does
# not count the message being handed over; at shutdown the buffer refuses to flush once it is stopping,
# and the Kafka client is stopped before it. Seen under `make chaos`: commits went ahead with up to 109
# changelog records still buffered. A worker killed or stopped right after left a changelog without
# the table writes of events whose offsets were committed: the next owner of the partition recovered
# state that had never seen them (fusion state lost), and a worker keeping its partition across a
# rebalance re-read its changelog over newer in-memory values. Patched so that a flush returns only
# once every message buffered before it was handed to the client (whose own flush then waits for the
# broker), and the producer drains its buffer before it stops the client.


def _complete_producer_flush() -> None:
    from faust.transport.drivers import aiokafka as driver
    from faust.transport.producer import ProducerBuffer

    if getattr(ProducerBuffer, "_sitrep_complete_flush", False):
        return
    put, send_pending = ProducerBuffer.put, ProducerBuffer._send_pending
    original_flush, original_stop = ProducerBuffer.flush, driver.Producer.on_stop

    def counted_put(self: Any, fut: Any) -> None:
        self._sitrep_queued = getattr(self, "_sitrep_queued", 0) + 1
        put(self, fut)

    async def counted_send_pending(self: Any, fut: Any) -> None:
        try:
            await send_pending(self, fut)
        finally:
            self._sitrep_handed = getattr(self, "_sitrep_handed", 0) + 1

    async def flush(self: Any) -> None:
        if self.app is not None and self.app.conf.producer_threaded:
            await original_flush(self)  # its own queue, drained by the driver's flush
            return
        target = getattr(self, "_sitrep_queued", 0)  # one task hands messages over in order
        while getattr(self, "_sitrep_handed", 0) < target:
            if self.state != "running":
                raise RuntimeError(f"Cannot flush: producer buffer {self.state} with "
                                   f"{target - getattr(self, '_sitrep_handed', 0)} message(s) unsent")
            self.message_sent.clear()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self.message_sent.wait(), timeout=0.1)

    async def on_stop(self: Any) -> None:
        if self._producer is not None:
            try:
                await self.flush()
            except Exception as exc:  # noqa: BLE001 (stopping anyway; the uncommitted events are redone)
                log.warning("producer could not send all buffered messages before stopping: %r", exc)
        await original_stop(self)

    ProducerBuffer.put = counted_put  # type: ignore[method-assign]
    ProducerBuffer._send_pending = counted_send_pending  # type: ignore[method-assign]
    ProducerBuffer.flush = flush  # type: ignore[method-assign]
    driver.Producer.on_stop = on_stop  # type: ignore[method-assign]
    ProducerBuffer._sitrep_complete_flush = True  # type: ignore[attr-defined]


def _credentials(settings: Settings) -> Any:
    kafka = settings.kafka
    if kafka.security_protocol == "PLAINTEXT":
        return None
    context = None
    if kafka.security_protocol in ("SSL", "SASL_SSL"):
        context = ssl.create_default_context(cafile=kafka.ssl_cafile)
        if kafka.ssl_certfile:
            context.load_cert_chain(kafka.ssl_certfile, kafka.ssl_keyfile)
    if kafka.sasl_mechanism:
        password = kafka.sasl_password.get_secret_value() if kafka.sasl_password else ""
        return faust.SASLCredentials(
            username=kafka.sasl_username or "",
            password=password,
            mechanism=kafka.sasl_mechanism,
            ssl_context=context,
        )
    return faust.SSLCredentials(context)


def create_app(settings: Settings, *, app_id: str = "sitrep-processors") -> faust.App:
    """A Faust app configured from ``settings``, with every agent registered."""
    kafka = settings.kafka
    _cap_fetch_wait(kafka.fetch_max_wait_ms)
    _complete_producer_flush()
    offsets.install()
    settings.state_dir.mkdir(parents=True, exist_ok=True)  # Faust creates only the last level
    app = faust.App(
        app_id,
        broker=[f"kafka://{server}" for server in kafka.bootstrap_servers],
        broker_credentials=_credentials(settings),
        broker_session_timeout=kafka.session_timeout_s,
        broker_heartbeat_interval=kafka.heartbeat_interval_s,
        broker_commit_interval=1.0,
        producer_max_batch_size=kafka.producer_max_batch_size,
        producer_linger=kafka.producer_linger_s,
        producer_acks=-1,
        consumer_auto_offset_reset="earliest",
        topic_partitions=kafka.partitions,
        topic_replication_factor=kafka.replication_factor,
        topic_allow_declare=True,
        datadir=str(settings.state_dir / "faust"),
        store="memory://",
        web_enabled=False,
        value_serializer="raw",
        key_serializer="raw",
    )
    from processors.agents import register_agents

    register_agents(app, settings)
    def count_seek(tp: Any) -> None:
        worker_metrics().offset_seeks.labels(topic=tp.topic).inc()

    holes = offsets.HoleWatch(on_seek=count_seek)
    stalls = offsets.StallWatch(on_seek=count_seek)

    @app.timer(interval=1.0, name="sitrep.offsets.watch_holes")
    async def watch_holes() -> None:
        await holes.check(app)
        await stalls.check(app)

    return app
