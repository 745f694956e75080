"""The Faust worker on a real broker: reports flow to reports.clean, poison goes to the DLQ."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

from sitrep import topics
from sitrep.kafka import ensure_topics, make_producer
from sitrep.records import Report
from sitrep.settings import Settings, settings_env
from sitrep.supervisor import Supervisor

pytestmark = pytest.mark.integration


def _consume(bootstrap: str, names: list[str], want: int, timeout_s: float = 40.0) -> list[tuple[str, bytes]]:
    from kafka import KafkaConsumer

    consumer = KafkaConsumer(*names, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                             consumer_timeout_ms=1000)
    seen: list[tuple[str, bytes]] = []
    deadline = time.monotonic() + timeout_s
    while len(seen) < want and time.monotonic() < deadline:
        for message in consumer:
            seen.append((message.topic, message.value))
    consumer.close()
    return seen


def test_worker_cleans_reports_and_dead_letters_poison(fresh_kafka: str, tmp_path: Path) -> None:
    settings = Settings(state_dir=tmp_path, kafka={"bootstrap": fresh_kafka})
    ensure_topics(settings.kafka)
    producer = make_producer(settings.kafka)
    good = Report(report_id="r-good", title="اشتباكات  في ريف حلب", text="قتل ٥ عناصر")
    producer.send(topics.REPORTS_RAW, key=b"r-good", value=good.model_dump_json().encode()).get(10)
    producer.send(topics.REPORTS_RAW, key=b"r-bad", value=b"{broken").get(10)
    producer.close()
    with Supervisor(tmp_path / "logs", env=settings_env(settings)) as supervisor:
        supervisor.add("worker", [sys.executable, "-m", "sitrep", "worker"])
        seen = _consume(fresh_kafka, [topics.REPORTS_CLEAN, topics.dlq(topics.REPORTS_RAW)], want=2)
    by_topic = {topic: json.loads(value) for topic, value in seen}
    assert by_topic[topics.REPORTS_CLEAN]["title"] == "اشتباكات في ريف حلب"
    assert by_topic[topics.REPORTS_CLEAN]["language"] == "ar"
    letter = by_topic[topics.dlq(topics.REPORTS_RAW)]
    assert letter["error_class"] == "PoisonMessage" and letter["source_topic"] == topics.REPORTS_RAW
