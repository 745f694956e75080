"""An alert no notifier can deliver lands on ``alerts.dlq`` (a Tansu broker of this test's own),
with headers naming the notifier and the reason, and the alert itself as the original bytes."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest

from processors.alerts import (
    AlertEngine,
    ConsoleNotifier,
    DeliveryRejected,
    kafka_dead_letter,
    notify,
    parse_rules,
)
from sitrep import topics
from sitrep.deadletter import original_bytes
from sitrep.kafka import ensure_topics, make_producer
from sitrep.records import Alert, DeadLetter, Event, Location
from sitrep.settings import KafkaSettings

pytestmark = pytest.mark.integration


class Refusing:
    name = "webhook"

    def send(self, alert: Alert) -> None:
        raise DeliveryRejected(self.name, "HTTP 410 from https://hooks.example.org")


def test_undeliverable_alert_goes_to_alerts_dlq(fresh_kafka: str) -> None:
    from kafka import KafkaConsumer, TopicPartition

    kafka = KafkaSettings(
        bootstrap=fresh_kafka,
        producer_max_batch_size=16,
        producer_linger_s=0.0,
        partitions=1,
        replication_factor=1,
    )
    ensure_topics(kafka, [topics.dlq(topics.ALERTS)])
    event = Event(
        event_id="ev-1",
        event_type="Battles",
        sub_event_type="Armed clash",
        event_date=date(2026, 11, 20),
        fatalities=9,
        location=Location(name="Hajin", admin1="Deir ez-Zor"),
        summary="Clash in Hajin.",
    )
    rules = parse_rules("rules:\n  - name: any\n    when: {}\n    notify: [console, webhook]\n")
    [alert] = AlertEngine(rules, {}).evaluate(event, datetime(2026, 11, 20, tzinfo=UTC))
    producer = make_producer(kafka, batch_size=16)
    try:
        deliveries = notify(
            alert,
            {"console": ConsoleNotifier(io.StringIO()), "webhook": Refusing()},
            dead_letter=kafka_dead_letter(producer),
        )
    finally:
        producer.close()
    assert [(d.notifier, d.delivered, d.dead_lettered) for d in deliveries] == [
        ("console", True, False),
        ("webhook", False, True),
    ]
    consumer = KafkaConsumer(
        **kafka.kafka_python_config(), enable_auto_commit=False, consumer_timeout_ms=10000
    )
    try:
        partition = TopicPartition(topics.dlq(topics.ALERTS), 0)
        consumer.assign([partition])
        consumer.seek_to_beginning(partition)
        [record] = [next(iter(consumer))]
    finally:
        consumer.close()
    headers = dict(record.headers)
    assert headers["error.class"] == b"DeliveryRejected"
    assert headers["error.stage"] == b"alerts.notify.webhook"
    assert headers["source.topic"] == b"alerts"
    letter = DeadLetter.model_validate_json(record.value)
    assert letter.message == "webhook notifier: HTTP 410 from https://hooks.example.org"
    assert Alert.model_validate_json(original_bytes(letter)) == alert
