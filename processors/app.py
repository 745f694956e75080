"""The Faust application: agents wired to topics. Built from a Settings object, never from globals.

Flow (every arrow a Kafka topic, keyed so a replay lands on the same partition):

    reports.raw ──normalize──▶ reports.clean ──extract──▶ events.candidates ──fuse──▶ events ──alert──▶ alerts

Each agent decodes, calls the pure stage, sends, and lets Faust commit; Faust flushes the producer
before it commits offsets, so an offset is committed only after what it produced is on the broker.
A message that cannot be processed goes to ``<topic>.dlq`` with the reason (``on_invalid`` setting).
After a crash the worker resumes from the last committed offset; outputs carry stable ids and keys,
so re-processing creates no duplicates downstream.
"""

from __future__ import annotations

import logging
import ssl
from typing import Any

import faust

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
    return app
