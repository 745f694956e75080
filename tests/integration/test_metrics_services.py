"""Each service serves /metrics, /healthz and /readyz on a free port (SITREP_METRICS_PORT=0, the local
default), logs where, and counts what it does: the poller against the demo feed server, the worker
against a Tansu broker of the test's own, scraped over loopback like Prometheus would."""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sitrep import topics
from sitrep.demo import DEMO_DIR, DemoFeedServer
from sitrep.kafka import ensure_topics, make_producer
from sitrep.metrics import Samples, parse_samples
from sitrep.metrics import http_get as get
from sitrep.records import Report
from sitrep.settings import Settings, settings_env
from sitrep.supervisor import Supervisor

pytestmark = pytest.mark.integration


def scrape(base: str) -> Samples:
    status, body = get(f"{base}/metrics")
    assert status == 200
    return parse_samples(body)


def metrics_url(log: Path, service: str, timeout_s: float = 30.0) -> str:
    """The URL the service logged ("<service>: metrics on http://127.0.0.1:PORT/metrics ...")."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        text = log.read_text(errors="replace") if log.exists() else ""
        found = re.search(rf"{service}: metrics on (http://[0-9.]+:\d+)/metrics", text)
        if found:
            return found.group(1)
        time.sleep(0.1)
    raise AssertionError(f"{service} logged no metrics URL:\n{log.read_text() if log.exists() else ''}")


def wait_for(condition: Callable[[], bool], what: str, timeout_s: float = 40.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_poller_counts_feed_checks(fresh_kafka: str, tmp_path: Path) -> None:
    settings = Settings(state_dir=tmp_path / "state", kafka={"bootstrap": fresh_kafka})
    env = {**settings_env(settings), "SITREP_POLLER__FULLTEXT": "false", "SITREP_METRICS_PORT": "0"}
    feed = sorted(p.name for p in DEMO_DIR.glob("*.xml") if "-rev" not in p.name)[0]
    with DemoFeedServer() as server:
        registry = tmp_path / "feeds.toml"
        registry.write_text(
            f'[[feed]]\nid = "demo"\nurl = "{server.base_url}/{feed}"\n\n'
            f'[[feed]]\nid = "gone"\nurl = "{server.base_url}/missing.xml"\n'
        )
        with Supervisor(tmp_path / "logs", env=env) as supervisor:
            supervisor.add(
                "poll",
                [
                    sys.executable,
                    "-m",
                    "sitrep",
                    "poll",
                    "--registry",
                    str(registry),
                    "--allow-host",
                    "127.0.0.1",
                ],
            )
            base = metrics_url(tmp_path / "logs" / "poll.log", "poll")
            assert get(f"{base}/healthz") == (200, "ok poll\n")
            wait_for(
                lambda: (
                    scrape(base).get(("sitrep_poller_polls_total", (("result", "ok"),)), 0) >= 1
                    and scrape(base).get(("sitrep_poller_polls_total", (("result", "error"),)), 0) >= 1
                ),
                "both feeds polled",
            )
            found = scrape(base)
            assert found[("sitrep_poller_reports_published_total", ())] >= 1
            assert sum(v for (name, _), v in found.items() if name == "sitrep_poller_fetch_errors_total") >= 1
            status, body = get(f"{base}/readyz")
            assert status == 200, body


def test_worker_metrics_readiness_and_lag(fresh_kafka: str, tmp_path: Path) -> None:
    settings = Settings(state_dir=tmp_path, kafka={"bootstrap": fresh_kafka})
    ensure_topics(settings.kafka)
    report = (
        Report(report_id="r1", title="اشتباكات في ريف حلب", text="قتل ٥ عناصر").model_dump_json().encode()
    )
    producer = make_producer(settings.kafka)
    for key, value in ((b"r1", report), (b"poison", b"{broken")):  # one report, one poison message
        producer.send(topics.REPORTS_RAW, key=key, value=value).get(10)
    producer.close()
    env = {**settings_env(settings), "SITREP_METRICS_PORT": "0", "SITREP_LOG_JSON": "true"}
    with Supervisor(tmp_path / "logs", env=env) as supervisor:
        supervisor.add("worker", [sys.executable, "-m", "sitrep", "worker"])
        base = metrics_url(tmp_path / "logs" / "worker.log", "worker")
        assert get(f"{base}/healthz")[0] == 200
        wait_for(lambda: get(f"{base}/readyz")[0] == 200, "the worker to get partitions")
        assert "partitions assigned" in get(f"{base}/readyz")[1]

        def counted() -> bool:
            found = scrape(base)
            return (
                found.get(("sitrep_worker_messages_total", (("stage", "normalize"),)), 0) >= 1
                and found.get(
                    (
                        "sitrep_dead_letters_total",
                        (
                            ("error_class", "PoisonMessage"),
                            ("stage", "normalize"),
                            ("topic", "reports.raw.dlq"),
                        ),
                    ),
                    0,
                )
                == 1
            )

        wait_for(counted, "the worker to count the report and the dead letter")
        # The event loop's heartbeat (liveness) runs.
        wait_for(lambda: 0 <= scrape(base)[("sitrep_worker_heartbeat_age_seconds", ())] < 30, "a heartbeat")
        # The lag monitor's first round runs at start: the gauges exist for the worker's group.
        wait_for(lambda: any(name == "sitrep_dlq_messages" for name, _ in scrape(base)), "DLQ size gauges")
        found = scrape(base)
        assert any(
            name == "sitrep_consumer_lag" and ("group", "sitrep-processors") in labels
            for name, labels in found
        )
    # Structured logs survive Faust's own logging set-up: the dead letter's line names where it was.
    lines = [
        json.loads(line)
        for line in (tmp_path / "logs" / "worker.log").read_text().splitlines()
        if line.startswith("{")
    ]
    [poison] = [entry for entry in lines if entry["message"].startswith("normalize:")]
    assert poison["level"] == "WARNING" and poison["service"] == "worker"
    assert (poison["topic"], poison["stage"]) == ("reports.raw", "normalize")
    assert f"reports.raw[{poison['partition']}]@{poison['offset']}" in poison["message"]


def test_sink_metrics_readiness_and_dead_letters(
    fresh_kafka: str, elasticsearch_url: str, tmp_path: Path
) -> None:
    from sitrep.ids import stable_id

    settings = Settings(
        state_dir=tmp_path,
        kafka={"bootstrap": fresh_kafka},
        elasticsearch={"url": elasticsearch_url, "index_prefix": "m" + stable_id(str(tmp_path), length=8)},
    )
    ensure_topics(settings.kafka)
    report = (
        Report(report_id="r1", title="اشتباكات في ريف حلب", text="قتل ٥ عناصر").model_dump_json().encode()
    )
    producer = make_producer(settings.kafka)
    for topic, value in ((topics.REPORTS_CLEAN, report), (topics.EVENTS, b"{broken")):
        producer.send(topic, key=b"k", value=value).get(10)
    producer.close()
    with Supervisor(
        tmp_path / "logs", env={**settings_env(settings), "SITREP_METRICS_PORT": "0"}
    ) as supervisor:
        supervisor.add("sink", [sys.executable, "-m", "sitrep", "sink", "--progress-every", "0"])
        base = metrics_url(tmp_path / "logs" / "sink.log", "sink")
        assert get(f"{base}/healthz")[0] == 200

        def indexed() -> bool:
            found = scrape(base)
            return (
                found.get(("sitrep_sink_documents_total", (("outcome", "written"),)), 0) == 1
                and found.get(("sitrep_sink_documents_total", (("outcome", "dead_lettered"),)), 0) == 1
            )

        wait_for(indexed, "the sink to index the report and dead-letter the poison")
        found = scrape(base)
        assert found[("sitrep_sink_bulk_seconds_count", ())] >= 1
        assert found[("sitrep_sink_paused", ())] == 0
        assert (
            sum(
                v
                for (name, labels), v in found.items()
                if name == "sitrep_dead_letters_total" and ("topic", "events.dlq") in labels
            )
            == 1
        )
        status, body = get(f"{base}/readyz")
        assert status == 200, body
