"""Alert latency: from an event produced to the ``events`` topic to the notifier's call.

A Tansu broker of its own (free loopback port, through `sitrep.services`), a kafka-python
producer sending canonical events one at a time (as the fusion stage does), and a plain
kafka-python consumer without a group (assign + seek to the beginning of the fresh topic, so no
group join delays) that runs the production path per message: decode the Event, `AlertEngine.evaluate`
(rules from the repo's rules.yaml, state in a dict as the Faust table would hold it), then `notify`
through a notifier that stamps the time it is called. Latency = call time − send time, per alert.
A second figure follows the alert one step further: a real `WebhookNotifier` POST to a local
receiver (stdlib HTTP server on a free port), timed on arrival.

Also reported: the engine alone (events evaluated per second, no I/O).
"""

from __future__ import annotations

import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def _events(count: int, prefix: str) -> list[Any]:
    from sitrep.records import Actor, Event, Location

    events = []
    for n in range(count):
        # Deadly IS clashes in Deir ez-Zor: each fires "deadly-clashes-deir-ez-zor" once (kind "new").
        events.append(
            Event(
                event_id=f"{prefix}-{n}",
                event_type="Battles",
                sub_event_type="Armed clash",
                event_date=date(2026, 11, 20) - timedelta(days=n % 5),
                actor1="Islamic State",
                actor2="Military Forces of Syria",
                actors=[Actor(name="Islamic State", role="actor1")],
                fatalities=5 + n % 7,
                location=Location(name="Al-Mayadin", admin1="Deir ez-Zor", lat=35.02, lon=40.45),
                sources=["SOHR"],
                urls=[f"https://www.syriahr.com/en/{n}/"],
                confidence=0.8,
                summary="اشتباكات بين تنظيم الدولة وقوات النظام في ريف دير الزور الشرقي.",
            )
        )
    return events


class _Receiver:
    """A local webhook receiver (stdlib HTTP server on 127.0.0.1:0) stamping when each alert arrives."""

    def __init__(self) -> None:
        import json
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        received = self.received_at = {}  # type: dict[str, float]

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                received[json.loads(body)["event_id"]] = time.perf_counter()
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _StampingNotifier:
    """A notifier that records when it is called (the end of the measured path)."""

    name = "webhook"

    def __init__(self) -> None:
        self.called_at: dict[str, float] = {}

    def send(self, alert: Any) -> None:
        self.called_at[alert.event_id] = time.perf_counter()


def _engine_throughput(quick: bool) -> float:
    from processors.alerts import AlertEngine, load_rules

    rules = load_rules(REPO / "rules.yaml")
    events = _events(2000 if quick else 20000, "tp")
    engine = AlertEngine(rules, {})
    now = datetime.now(UTC)
    started = time.perf_counter()
    for event in events:
        engine.evaluate(event, now)
    return len(events) / (time.perf_counter() - started)


def run(quick: bool) -> Iterator[dict[str, Any]]:
    from kafka import KafkaConsumer, TopicPartition

    from processors.alerts import AlertEngine, RetryPolicy, WebhookNotifier, load_rules, notify
    from sitrep import topics
    from sitrep.kafka import ensure_topics, make_producer
    from sitrep.records import Event
    from sitrep.services import KAFKA, LocalServices, free_port
    from sitrep.settings import Settings

    count = 40 if quick else 200
    with tempfile.TemporaryDirectory(prefix="bench-alerts-") as state:
        settings = Settings(state_dir=Path(state), services={"kafka_port": free_port()})
        services = LocalServices(settings)
        services.up((KAFKA,))
        try:
            ensure_topics(settings.kafka, [topics.EVENTS])
            rules = load_rules(REPO / "rules.yaml")
            engine = AlertEngine(rules, {})
            notifier = _StampingNotifier()
            receiver = _Receiver()
            webhook = WebhookNotifier(receiver.url, timeout_s=5.0)
            sent_at: dict[str, float] = {}
            warmup, measured = _events(10, "warm"), _events(count, "ev")
            expected = {e.event_id for e in warmup + measured}
            stop = threading.Event()
            ready = threading.Event()
            errors: list[BaseException] = []

            def consume() -> None:
                consumer = KafkaConsumer(
                    **settings.kafka.kafka_python_config(),
                    enable_auto_commit=False,
                    fetch_max_wait_ms=5,
                    fetch_min_bytes=1,
                )
                try:
                    partitions = [
                        TopicPartition(topics.EVENTS, p)
                        for p in sorted(consumer.partitions_for_topic(topics.EVENTS) or {0})
                    ]
                    consumer.assign(partitions)
                    consumer.seek_to_beginning(*partitions)
                    ready.set()
                    while not stop.is_set():
                        for records in consumer.poll(timeout_ms=20).values():
                            for record in records:
                                event = Event.model_validate_json(record.value)
                                for alert in engine.evaluate(event, datetime.now(UTC)):
                                    notify(alert, [notifier, webhook], retry=RetryPolicy(1, 0, 0))
                except BaseException as exc:  # noqa: BLE001 (reported by the main thread)
                    errors.append(exc)
                    ready.set()
                finally:
                    consumer.close()

            worker = threading.Thread(target=consume, daemon=True)
            worker.start()
            ready.wait(30)
            producer = make_producer(
                settings.kafka, batch_size=settings.kafka.producer_max_batch_size, linger_ms=0
            )
            try:
                for event in warmup + measured:
                    sent_at[event.event_id] = time.perf_counter()
                    producer.send(
                        topics.EVENTS, key=event.event_id.encode(), value=event.model_dump_json().encode()
                    )
                    producer.flush()
                    time.sleep(0.02)
                deadline = time.monotonic() + 30
                while not expected <= set(notifier.called_at) and time.monotonic() < deadline and not errors:
                    time.sleep(0.05)
            finally:
                producer.close()
                stop.set()
                worker.join(10)
                receiver.close()
            if errors:
                raise errors[0]
            latencies = sorted(
                notifier.called_at[e.event_id] - sent_at[e.event_id]
                for e in measured
                if e.event_id in notifier.called_at
            )
            delivered = sorted(
                receiver.received_at[e.event_id] - sent_at[e.event_id]
                for e in measured
                if e.event_id in receiver.received_at
            )
            missing = count - min(len(latencies), len(delivered))
            if missing:
                raise RuntimeError(f"{missing} of {count} events produced no notifier call within 30 s")
        finally:
            services.down((KAFKA,))
    yield {"metric": "alert_latency_p95_s", "value": round(_p95(latencies), 4), "unit": "s"}
    yield {"metric": "alert_latency_p50_s", "value": round(statistics.median(latencies), 4), "unit": "s"}
    yield {"metric": "alert_webhook_delivered_p95_s", "value": round(_p95(delivered), 4), "unit": "s"}
    yield {
        "metric": "alert_engine_events_per_s",
        "value": round(_engine_throughput(quick)),
        "unit": "events/s",
    }


def _p95(values: list[float]) -> float:
    return values[max(0, int(round(0.95 * len(values))) - 1)]
