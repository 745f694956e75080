"""The metrics server and metric families (real HTTP over loopback, private registries)."""

from __future__ import annotations

import socket
from dataclasses import dataclass

import pytest
from prometheus_client import CollectorRegistry

from sitrep.metrics import (
    MetricsServer,
    SinkMetricsCollector,
    all_of,
    cached,
    dead_letter_counter,
    parse_samples,
    poller_metrics,
    serve,
    sink_metrics,
    tcp_check,
    worker_metrics,
)
from sitrep.metrics import http_get as get
from sitrep.settings import Settings


@dataclass
class FakeOutcome:
    ok: bool = True
    not_modified: bool = False
    error_kind: str | None = None
    published: int = 0
    revisions: int = 0


def test_server_serves_metrics_health_and_readiness() -> None:
    registry = CollectorRegistry()
    ready = {"ok": False}
    with MetricsServer(
        "test",
        port=0,
        registry=registry,
        ready=lambda: (ready["ok"], "consumer assigned" if ready["ok"] else "no partitions"),
    ) as server:
        metrics = poller_metrics(registry)
        metrics.observe(FakeOutcome(published=3, revisions=1))
        metrics.observe(FakeOutcome(not_modified=True))
        metrics.observe(FakeOutcome(ok=False, error_kind="timeout"))
        status, body = get(f"{server.url}/metrics")
        assert status == 200
        found = parse_samples(body)
        assert found[("sitrep_poller_polls_total", (("result", "ok"),))] == 1
        assert found[("sitrep_poller_polls_total", (("result", "not_modified"),))] == 1
        assert found[("sitrep_poller_conditional_hits_total", ())] == 1
        assert found[("sitrep_poller_fetch_errors_total", (("kind", "timeout"),))] == 1
        assert found[("sitrep_poller_reports_published_total", ())] == 3
        assert found[("sitrep_poller_revisions_published_total", ())] == 1
        assert get(f"{server.url}/healthz") == (200, "ok test\n")
        assert get(f"{server.url}/readyz") == (503, "not ready: no partitions\n")
        ready["ok"] = True
        assert get(f"{server.url}/readyz") == (200, "ready: consumer assigned\n")
        assert get(f"{server.url}/nope")[0] == 404


def test_a_raising_readiness_check_is_not_ready() -> None:
    def broken() -> tuple[bool, str]:
        raise RuntimeError("boom")

    server = MetricsServer("x", registry=CollectorRegistry(), ready=broken)
    status, _, body = server.respond("/readyz")
    server.close()
    assert status == 503 and b"RuntimeError: boom" in body


def test_worker_and_dead_letter_families() -> None:
    registry = CollectorRegistry()
    worker = worker_metrics(registry)
    worker.messages.labels(stage="normalize").inc()
    worker.events_extracted.labels(event_type="Battles").inc(2)
    worker.alerts_sent.labels(rule="clash", kind="new").inc()
    dead_letter_counter(registry).labels(
        topic="reports.raw.dlq", stage="normalize", error_class="InvalidRecord"
    ).inc()
    server = MetricsServer("w", registry=registry)
    found = parse_samples(server.respond("/metrics")[2].decode())
    server.close()
    assert found[("sitrep_worker_events_extracted_total", (("event_type", "Battles"),))] == 2
    assert found[("sitrep_worker_alerts_sent_total", (("kind", "new"), ("rule", "clash")))] == 1
    assert (
        found[
            (
                "sitrep_dead_letters_total",
                (("error_class", "InvalidRecord"), ("stage", "normalize"), ("topic", "reports.raw.dlq")),
            )
        ]
        == 1
    )


def test_sink_collector_reads_live_counters() -> None:
    from sinks.elasticsearch import SinkMetrics

    registry = CollectorRegistry()
    live = SinkMetrics()
    paused = {"value": False}
    registry.register(SinkMetricsCollector(lambda: live, lambda: paused["value"]))
    sink_metrics(registry).bulk_seconds.observe(0.2)
    live.written, live.errors, live.unavailable_waits, live.bulk_requests = 7, 1, 2, 4
    paused["value"] = True
    server = MetricsServer("s", registry=registry)
    found = parse_samples(server.respond("/metrics")[2].decode())
    server.close()
    assert found[("sitrep_sink_documents_total", (("outcome", "written"),))] == 7
    assert found[("sitrep_sink_documents_total", (("outcome", "failed"),))] == 1
    assert found[("sitrep_sink_bulk_failures_total", ())] == 2
    assert found[("sitrep_sink_bulk_requests_total", ())] == 4
    assert found[("sitrep_sink_paused", ())] == 1
    assert found[("sitrep_sink_bulk_seconds_count", ())] == 1


def test_serve_honours_port_settings() -> None:
    assert serve(Settings(metrics_port=-1), "off") is None
    lines: list[str] = []
    server = serve(Settings(metrics_port=0), "free", say=lines.append)
    assert server is not None
    try:
        assert server.port > 0 and str(server.port) in lines[0]
        # The port is taken now: a second server says so in one line and the service goes on.
        taken = serve(Settings(metrics_port=server.port, metrics_host="127.0.0.1"), "clash", say=lines.append)
        assert taken is None
        assert "cannot listen" in lines[1] and "SITREP_METRICS_PORT=0" in lines[1]
    finally:
        server.close()


def test_profiles_choose_the_default_port() -> None:
    assert Settings().metrics_port == 0  # local: several services on one machine
    assert Settings(profile="production").metrics_port == 9108
    assert Settings(profile="production", metrics_port=9200).metrics_port == 9200


def test_tcp_check_and_combinators() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    try:
        assert tcp_check([f"127.0.0.1:{port}"])[0]
    finally:
        listener.close()
    ok, reason = tcp_check([f"127.0.0.1:{port}"], timeout_s=0.5)
    assert not ok and "no broker answers" in reason
    calls = []

    def counting() -> tuple[bool, str]:
        calls.append(1)
        return True, "fine"

    check = cached(counting, ttl_s=60)
    assert check() == check() == (True, "fine") and len(calls) == 1
    assert all_of(check, lambda: (False, "es down"))() == (False, "es down")
    assert all_of(check)() == (True, "fine")


@pytest.mark.parametrize("path", ["/metrics?x=1", "/healthz"])
def test_query_strings_are_ignored(path: str) -> None:
    server = MetricsServer("q", registry=CollectorRegistry())
    assert server.respond(path)[0] == 200
    server.close()


def test_liveness_follows_the_heartbeat() -> None:
    from sitrep.metrics import Heartbeat

    now = {"t": 100.0}
    heartbeat = Heartbeat(max_age_s=60, clock=lambda: now["t"])
    server = MetricsServer("w", registry=CollectorRegistry(), alive=heartbeat.check)
    assert server.respond("/healthz")[0] == 200  # starting: no beat yet
    heartbeat.beat()
    now["t"] += 59
    assert server.respond("/healthz")[:3:2] == (200, b"ok w\n")
    now["t"] += 2
    status, _, body = server.respond("/healthz")
    server.close()
    assert status == 503 and body == b"unhealthy w: event loop silent for 61s\n"
