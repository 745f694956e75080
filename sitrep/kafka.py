"""Thin kafka-python edges shared by the stages: topic creation, producers, dead-letter publishing."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from typing import Any

from sitrep import topics
from sitrep.deadletter import dead_letter_headers
from sitrep.errors import ServiceError
from sitrep.records import DeadLetter
from sitrep.settings import KafkaSettings

log = logging.getLogger(__name__)


def ensure_topics(
    settings: KafkaSettings, names: Iterable[str] | None = None, timeout_s: float = 30.0
) -> list[str]:
    """Create the pipeline's topics (idempotent). Returns the names that were created."""
    from kafka.admin import KafkaAdminClient, NewTopic
    from kafka.errors import KafkaError, TopicAlreadyExistsError

    wanted = list(names or topics.all_topics())
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            admin = KafkaAdminClient(**settings.kafka_python_config(), request_timeout_ms=10000)
            break
        except (KafkaError, OSError) as exc:  # no broker answered yet (error names vary by version)
            if time.monotonic() > deadline:
                raise ServiceError(f"no Kafka broker answered at {settings.bootstrap}") from exc
            time.sleep(0.3)
    try:
        existing = set(admin.list_topics())
        missing = [n for n in wanted if n not in existing]
        created: list[str] = []
        for name in missing:
            partitions = topics.partitions_for(name, settings.partitions)
            try:
                admin.create_topics(
                    [NewTopic(name, num_partitions=partitions, replication_factor=settings.replication_factor)]
                )
                created.append(name)
            except TopicAlreadyExistsError:
                pass
        return created
    finally:
        admin.close()


def make_producer(settings: KafkaSettings, **overrides: Any) -> Any:
    """A kafka-python producer that waits for all in-sync replicas and retries."""
    from kafka import KafkaProducer

    config: dict[str, Any] = {
        **settings.kafka_python_config(),
        "acks": "all",
        "retries": 10,
        "linger_ms": int(settings.producer_linger_s * 1000),
        "max_request_size": settings.max_message_bytes + 65536,
        "request_timeout_ms": 30000,
        "max_in_flight_requests_per_connection": 1,
    }
    config.update(overrides)
    return KafkaProducer(**config)


def publish_dead_letter(producer: Any, topic: str, letter: DeadLetter, timeout_s: float = 30.0) -> None:
    """Send a dead letter to ``<topic>.dlq`` and wait for the broker to confirm it."""
    future = producer.send(
        topics.dlq(topic),
        key=(letter.original_key or letter.source_topic).encode(),
        value=letter.model_dump_json().encode(),
        headers=dead_letter_headers(letter),
    )
    future.get(timeout=timeout_s)
    log.warning(
        "dead-lettered a message from %s[%s]@%s: %s: %s",
        letter.source_topic, letter.source_partition, letter.source_offset,
        letter.error_class, letter.message,
        extra={"stage": letter.stage, "topic": letter.source_topic, "partition": letter.source_partition,
               "offset": letter.source_offset, "error_class": letter.error_class},
    )


def read_topic(settings: KafkaSettings, topic: str, *, timeout_s: float = 60.0,
               poll_ms: int = 1000) -> Iterator[Any]:
    """Every record of ``topic`` from the beginning to the end offsets seen when reading starts
    (no consumer group, nothing committed). Stops early after ``timeout_s``."""
    from kafka import KafkaConsumer, TopicPartition

    consumer: Any = KafkaConsumer(**settings.kafka_python_config(), group_id=None,
                                  enable_auto_commit=False, request_timeout_ms=30000)
    try:
        partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        if not partitions:
            return
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        ends = consumer.end_offsets(partitions)
        deadline = time.monotonic() + timeout_s
        while any(consumer.position(tp) < ends[tp] for tp in partitions) and time.monotonic() < deadline:
            for records in consumer.poll(timeout_ms=poll_ms).values():
                yield from records
    finally:
        consumer.close()
