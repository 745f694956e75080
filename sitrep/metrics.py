"""Operator signals: Prometheus metrics, and one small HTTP server per process.

Every long-running service (``sitrep poll``, ``worker``, ``sink``) calls :func:`serve` once::

    server = serve(settings, "sink", ready=lambda: (sink.assigned, "no partitions assigned"))

and the server answers on ``SITREP_METRICS_HOST:SITREP_METRICS_PORT``:

- ``/metrics``  Prometheus text format (the process registry: our metrics, plus process and GC ones);
- ``/healthz``  200 while the process is alive and its serving thread answers (liveness);
- ``/readyz``   200 when the service's readiness check passes (its dependencies answer, its consumer
  has partitions), 503 with the reason otherwise.

Port 9108 is the deployments' port; the local profile defaults to 0 (a free port, logged), because
``sitrep up`` runs the poller, worker and sink on one machine; -1 turns the server off.

Metric families are grouped per service (:func:`poller_metrics`, :func:`worker_metrics`,
:func:`sink_metrics`) and registered the first time a process asks for them, so a process exports only
the families of what it runs. Names (all prefixed ``sitrep_``):

poller
    ``poller_polls_total{result}`` (ok|not_modified|error), ``poller_conditional_hits_total`` (304s),
    ``poller_fetch_errors_total{kind}``, ``poller_reports_published_total``,
    ``poller_revisions_published_total``
worker
    ``worker_messages_total{stage}``, ``worker_events_extracted_total{event_type}``,
    ``worker_events_published_total``, ``worker_alerts_sent_total{rule,kind}``
sink
    ``sink_documents_total{outcome}`` (written|ignored|dead_lettered|skipped|failed),
    ``sink_messages_consumed_total``, ``sink_bulk_requests_total``, ``sink_bulk_retries_total``,
    ``sink_bulk_failures_total`` (whole requests refused or unreachable), ``sink_bulk_seconds``
    (histogram of successful ``_bulk`` calls), ``sink_paused`` (1 while Elasticsearch is down)
any service
    ``dead_letters_total{topic,stage,error_class}`` (letters this process wrote),
    ``consumer_lag{group,topic}`` and ``dlq_messages{topic}`` (from :class:`LagMonitor`)
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.registry import Collector

from sitrep.settings import KafkaSettings, Settings

log = logging.getLogger(__name__)

PREFIX = "sitrep"
ReadyCheck = Callable[[], "tuple[bool, str]"]

# --- metric families, per service ----------------------------------------------------------------


@dataclass(frozen=True)
class PollerMetrics:
    """What the feed pollers count (one increment per feed check)."""

    polls: Counter
    conditional_hits: Counter
    fetch_errors: Counter
    reports_published: Counter
    revisions_published: Counter

    def observe(self, outcome: Any) -> None:
        """Count one :class:`ingest.handler.FeedOutcome` (duck-typed: ok, not_modified, error_kind,
        published, revisions)."""
        if not outcome.ok:
            self.polls.labels(result="error").inc()
            self.fetch_errors.labels(kind=outcome.error_kind or "unknown").inc()
        elif outcome.not_modified:
            self.polls.labels(result="not_modified").inc()
            self.conditional_hits.inc()
        else:
            self.polls.labels(result="ok").inc()
        if outcome.published:
            self.reports_published.inc(outcome.published)
        if outcome.revisions:
            self.revisions_published.inc(outcome.revisions)


@dataclass(frozen=True)
class WorkerMetrics:
    """What the Faust agents count."""

    messages: Counter
    events_extracted: Counter
    events_published: Counter
    alerts_sent: Counter
    offset_seeks: Counter


@dataclass(frozen=True)
class SinkBulkMetrics:
    """The sink's bulk latency (its counters are exported from ``SinkMetrics`` by a collector)."""

    bulk_seconds: Histogram


def _name(name: str) -> str:
    return f"{PREFIX}_{name}"


@cache
def poller_metrics(registry: CollectorRegistry = REGISTRY) -> PollerMetrics:
    """The poller's metric families, registered on first use."""
    return PollerMetrics(
        polls=Counter(
            _name("poller_polls"),
            "Feed checks by result (ok, not_modified, error)",
            ["result"],
            registry=registry,
        ),
        conditional_hits=Counter(
            _name("poller_conditional_hits"),
            "Feed checks answered 304 Not Modified (ETag/Last-Modified)",
            registry=registry,
        ),
        fetch_errors=Counter(
            _name("poller_fetch_errors"), "Failed feed checks by error kind", ["kind"], registry=registry
        ),
        reports_published=Counter(
            _name("poller_reports_published"),
            "Reports (new ones and new revisions) confirmed by Kafka on reports.raw",
            registry=registry,
        ),
        revisions_published=Counter(
            _name("poller_revisions_published"),
            "New revisions of already-seen reports published",
            registry=registry,
        ),
    )


@cache
def worker_metrics(registry: CollectorRegistry = REGISTRY) -> WorkerMetrics:
    """The stream processors' metric families, registered on first use."""
    return WorkerMetrics(
        messages=Counter(
            _name("worker_messages"), "Messages processed by each stream stage", ["stage"], registry=registry
        ),
        events_extracted=Counter(
            _name("worker_events_extracted"),
            "Event candidates extracted from reports, by ACLED event type",
            ["event_type"],
            registry=registry,
        ),
        events_published=Counter(
            _name("worker_events_published"),
            "Canonical (fused) events written to the events topic",
            registry=registry,
        ),
        alerts_sent=Counter(
            _name("worker_alerts_sent"),
            "Alerts fired and sent, by rule and kind",
            ["rule", "kind"],
            registry=registry,
        ),
        offset_seeks=Counter(
            _name("worker_offset_seeks"),
            "Seeks back to a message Faust dropped before processing it (processors/offsets.py), by topic",
            ["topic"],
            registry=registry,
        ),
    )


@cache
def dead_letter_counter(registry: CollectorRegistry = REGISTRY) -> Counter:
    """Dead letters this process wrote, by dead-letter topic, stage and error class."""
    return Counter(
        _name("dead_letters"),
        "Messages dead-lettered by this process",
        ["topic", "stage", "error_class"],
        registry=registry,
    )


@cache
def sink_metrics(registry: CollectorRegistry = REGISTRY) -> SinkBulkMetrics:
    """The sink's bulk latency histogram, registered on first use."""
    return SinkBulkMetrics(
        bulk_seconds=Histogram(
            _name("sink_bulk_seconds"),
            "Duration of successful Elasticsearch _bulk requests",
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
            registry=registry,
        )
    )


# SinkMetrics field → (metric name, help, label) exported by SinkMetricsCollector.
_SINK_DOCUMENT_OUTCOMES = {
    "written": "written",
    "ignored": "ignored",
    "dead_lettered": "dead_lettered",
    "skipped": "skipped",
    "errors": "failed",
}
_SINK_COUNTERS = {
    "consumed": ("sink_messages_consumed", "Messages consumed from reports.clean, events and alerts"),
    "bulk_requests": ("sink_bulk_requests", "_bulk requests sent (retries included)"),
    "retries": ("sink_bulk_retries", "Documents retried after a retryable item status"),
    "unavailable_waits": (
        "sink_bulk_failures",
        "Whole _bulk requests that failed (Elasticsearch unreachable, 429 or 5xx)",
    ),
    "commits": ("sink_offset_commits", "Kafka offset commits after successful bulks"),
}


class SinkMetricsCollector(Collector):
    """Exports a live ``sinks.elasticsearch.SinkMetrics`` (read at scrape time, no double counting)."""

    def __init__(self, read: Callable[[], Any], paused: Callable[[], bool] | None = None) -> None:
        self.read, self.paused = read, paused

    def collect(self) -> Iterator[Any]:
        metrics = self.read()
        values = {f.name: getattr(metrics, f.name) for f in fields(metrics)}
        documents = CounterMetricFamily(
            _name("sink_documents"), "Documents by final outcome", labels=["outcome"]
        )
        for field_name, outcome in _SINK_DOCUMENT_OUTCOMES.items():
            documents.add_metric([outcome], values.get(field_name, 0))
        yield documents
        for field_name, (name, help_text) in _SINK_COUNTERS.items():
            yield CounterMetricFamily(_name(name), help_text, value=values.get(field_name, 0))
        if self.paused is not None:
            yield GaugeMetricFamily(
                _name("sink_paused"),
                "1 while consumption is paused (Elasticsearch down)",
                value=1.0 if self.paused() else 0.0,
            )


# --- lag and DLQ sizes ---------------------------------------------------------------------------


class LagMonitor:
    """A daemon thread refreshing ``consumer_lag{group,topic}`` and ``dlq_messages{topic}`` gauges.

    Uses :mod:`sitrep.lag` (kafka-python) every ``interval_s``; a failed refresh keeps the last values
    and is logged once per failure streak. ``refresh()`` runs one round synchronously (tests).
    """

    def __init__(
        self,
        kafka: KafkaSettings,
        groups: dict[str, Iterable[str]],
        dlq_topics: Iterable[str] = (),
        *,
        interval_s: float = 15.0,
        registry: CollectorRegistry = REGISTRY,
    ) -> None:
        self.kafka, self.interval_s = kafka, interval_s
        self.groups = {group: tuple(names) for group, names in groups.items()}
        self.dlq_topics = tuple(dlq_topics)
        self.lag, self.dlq = _lag_gauges(registry)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last_error: str | None = None

    def refresh(self) -> None:
        from sitrep.lag import group_lag, topic_sizes

        for group, names in self.groups.items():
            for lag in group_lag(self.kafka, group, names):
                self.lag.labels(group=group, topic=lag.topic).set(lag.lag)
        if self.dlq_topics:
            for topic, size in topic_sizes(self.kafka, self.dlq_topics).items():
                self.dlq.labels(topic=topic).set(size)

    def start(self) -> LagMonitor:
        self._thread = threading.Thread(target=self._run, name="lag-monitor", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.refresh()
                if self.last_error:
                    log.info("consumer lag readable again")
                self.last_error = None
            except Exception as exc:  # noqa: BLE001 (a monitor must not kill its service)
                if self.last_error is None:
                    log.warning("cannot read consumer lag (will retry): %s: %s", exc.__class__.__name__, exc)
                self.last_error = f"{exc.__class__.__name__}: {exc}"
            self._stop.wait(self.interval_s)


@cache
def _lag_gauges(registry: CollectorRegistry) -> tuple[Gauge, Gauge]:
    return (
        Gauge(
            _name("consumer_lag"),
            "Messages a consumer group is behind the end of a topic",
            ["group", "topic"],
            registry=registry,
        ),
        Gauge(_name("dlq_messages"), "Messages in a dead-letter topic", ["topic"], registry=registry),
    )


# --- readiness helpers ---------------------------------------------------------------------------


def tcp_check(bootstrap: Iterable[str], timeout_s: float = 1.0, what: str = "broker") -> tuple[bool, str]:
    """Ready when one of ``host:port`` accepts a TCP connection (a cheap "does the broker answer")."""
    errors = []
    for address in bootstrap:
        host, _, port = address.rpartition(":")
        try:
            with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout_s):
                return True, f"{address} answers"
        except (OSError, ValueError) as exc:
            errors.append(f"{address}: {exc}")
    return False, f"no {what} answers (" + "; ".join(errors) + ")"


def cached(check: ReadyCheck, ttl_s: float = 2.0) -> ReadyCheck:
    """``check`` evaluated at most once per ``ttl_s`` (probes may come often; checks may be slow)."""
    lock = threading.Lock()
    state: dict[str, Any] = {"at": -1e18, "result": (False, "not checked yet")}

    def wrapped() -> tuple[bool, str]:
        with lock:
            now = time.monotonic()
            if now - state["at"] >= ttl_s:
                state["result"], state["at"] = check(), now
            return state["result"]  # type: ignore[no-any-return]

    return wrapped


def all_of(*checks: ReadyCheck) -> ReadyCheck:
    """Ready when every check is; the reason names the first one that is not."""

    def combined() -> tuple[bool, str]:
        reasons = []
        for check in checks:
            ok, reason = check()
            if not ok:
                return False, reason
            reasons.append(reason)
        return True, "; ".join(reasons) or "ready"

    return combined


# --- the HTTP server -----------------------------------------------------------------------------


class MetricsServer:
    """``/metrics``, ``/healthz`` and ``/readyz`` on one port, served from a daemon thread."""

    def __init__(
        self,
        service: str,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        ready: ReadyCheck | None = None,
        alive: ReadyCheck | None = None,
        registry: CollectorRegistry = REGISTRY,
    ) -> None:
        self.service, self.registry = service, registry
        self.ready: ReadyCheck = ready or (lambda: (True, "ready"))
        self.alive: ReadyCheck = alive or (lambda: (True, "alive"))
        self.started_at = time.time()
        self._httpd = ThreadingHTTPServer((host, port), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name=f"metrics-{service}", daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        bound = self._httpd.server_address[0]
        host = bound.decode() if isinstance(bound, bytes) else str(bound)
        host = "127.0.0.1" if host in ("0.0.0.0", "") else host  # noqa: S104
        return f"http://{host}:{self.port}"

    def set_ready(self, check: ReadyCheck) -> None:
        """Replace the readiness check (a service knows its consumer only once it started it)."""
        self.ready = check

    def start(self) -> MetricsServer:
        self._thread.start()
        return self

    def close(self) -> None:
        if self._thread.is_alive():
            self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> MetricsServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def respond(self, path: str) -> tuple[int, str, bytes]:
        """Status, content type and body for ``path`` (the handler's logic, without sockets)."""
        path = path.split("?", 1)[0]
        if path == "/metrics":
            return 200, CONTENT_TYPE_LATEST, generate_latest(self.registry)
        if path in ("/healthz", "/readyz"):
            check, what = (self.alive, "liveness") if path == "/healthz" else (self.ready, "readiness")
            try:
                ok, reason = check()
            except Exception as exc:  # noqa: BLE001 (a failing check means not ready)
                ok, reason = False, f"{what} check failed: {exc.__class__.__name__}: {exc}"
            if path == "/healthz":
                body = f"ok {self.service}\n" if ok else f"unhealthy {self.service}: {reason}\n"
                return (200 if ok else 503), "text/plain; charset=utf-8", body.encode()
            return (
                (200 if ok else 503),
                "text/plain; charset=utf-8",
                f"{'ready' if ok else 'not ready'}: {reason}\n".encode(),
            )
        return 404, "text/plain; charset=utf-8", b"not found: try /metrics, /healthz or /readyz\n"


def _handler_for(server: MetricsServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            status, content_type, body = server.respond(self.path)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib signature)
            log.debug("metrics %s: " + format, server.service, *args)

    return Handler


def serve(
    settings: Settings,
    service: str,
    *,
    ready: ReadyCheck | None = None,
    alive: ReadyCheck | None = None,
    say: Callable[[str], None] | None = None,
) -> MetricsServer | None:
    """Start this process's metrics server per ``settings`` (None when the port is -1 or taken).

    A port that cannot be bound is reported in one line and the service runs on without metrics
    (a supervisor restarting the service would not free the port)."""
    if settings.metrics_port < 0:
        return None
    try:
        server = MetricsServer(
            service, settings.metrics_host, settings.metrics_port, ready=ready, alive=alive
        ).start()
    except OSError as exc:
        line = (
            f"{service}: metrics server not started: cannot listen on "
            f"{settings.metrics_host}:{settings.metrics_port} ({exc.strerror or exc}); "
            "set SITREP_METRICS_PORT=0 for a free port or -1 for none"
        )
        log.error(line)
        if say:
            say(line)
        return None
    line = f"{service}: metrics on {server.url}/metrics (health /healthz, readiness /readyz)"
    log.info(line, extra={"service": service, "metrics_port": server.port})
    if say:
        say(line)
    return server


# --- wiring per service (one call in each CLI command) -------------------------------------------

LAG_INTERVAL_S = 15.0
WORKER_TOPICS = (
    "reports.raw",
    "reports.normalized",
    "reports.clean",
    "events.candidates",
    "events",
    "events.alerting",
)


def serve_poller(settings: Settings, *, say: Callable[[str], None] | None = None) -> Callable[[Any], None]:
    """Start the poller's server; returns the ``on_outcome`` callback that counts each feed check.

    Ready while a Kafka broker accepts connections and the last feed check did not fail to publish."""
    metrics = poller_metrics()
    last = {"publish_error": ""}

    def observe(outcome: Any) -> None:
        metrics.observe(outcome)
        log.info(
            "feed %s checked: %s",
            outcome.feed_id,
            "not modified"
            if outcome.not_modified
            else (
                f"{outcome.published} published" if outcome.ok else f"{outcome.error_kind}: {outcome.error}"
            ),
            extra={
                "feed_id": outcome.feed_id,
                "ok": outcome.ok,
                "status": outcome.status,
                "published": outcome.published,
                "report_ids": list(getattr(outcome, "report_ids", []))[:50],
            },
        )
        if outcome.error_kind == "publish":
            last["publish_error"] = str(outcome.error or "publish failed")
        elif outcome.published:
            last["publish_error"] = ""

    def publishing() -> tuple[bool, str]:
        error = last["publish_error"]
        return (False, f"Kafka does not confirm reports: {error}") if error else (True, "publishing")

    broker = cached(lambda: tcp_check(settings.kafka.bootstrap_servers), ttl_s=5.0)
    serve(settings, "poll", ready=all_of(broker, publishing), say=say)
    return observe


class Heartbeat:
    """Liveness of an event loop: ``beat()`` from a periodic task; ``check()`` fails when the last beat
    is older than ``max_age_s`` (a wedged loop). Before the first beat, the process counts as alive."""

    def __init__(self, max_age_s: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_age_s, self.clock = max_age_s, clock
        self.last: float | None = None

    def beat(self) -> None:
        self.last = self.clock()

    def age_s(self) -> float:
        """Seconds since the last beat (-1 before the first)."""
        return -1.0 if self.last is None else self.clock() - self.last

    def check(self) -> tuple[bool, str]:
        if self.last is None:
            return True, "starting"
        age = self.clock() - self.last
        if age > self.max_age_s:
            return False, f"event loop silent for {age:.0f}s"
        return True, "event loop answering"


def serve_worker(
    settings: Settings, app: Any, *, say: Callable[[str], None] | None = None
) -> MetricsServer | None:
    """Start the worker's server: lag of its consumer group, DLQ sizes; ready once partitions are assigned."""
    from sitrep import topics

    assigned = {"count": 0}

    async def on_assigned(sender: Any, assigned_partitions: Any, **kwargs: Any) -> None:
        assigned["count"] = len(assigned_partitions)

    app.on_partitions_assigned.connect(on_assigned)
    heartbeat = Heartbeat()

    @app.timer(interval=5.0)
    async def _heartbeat() -> None:
        heartbeat.beat()

    Gauge(
        _name("worker_heartbeat_age_seconds"),
        "Seconds since the worker's event loop last ran its 5 s timer "
        "(-1 while starting); /healthz fails above 60",
    ).set_function(heartbeat.age_s)

    def ready() -> tuple[bool, str]:
        if getattr(app, "rebalancing", False):
            return False, "consumer group rebalancing"
        if not assigned["count"]:
            return False, "no partitions assigned yet"
        return True, f"{assigned['count']} partitions assigned"

    worker_metrics()
    dead_letter_counter()
    server = serve(settings, "worker", ready=ready, alive=heartbeat.check, say=say)
    if server is None:
        return None  # nobody can scrape: no lag monitor either
    LagMonitor(
        settings.kafka,
        {app.conf.id: WORKER_TOPICS},
        [topics.dlq(t) for t in topics.ALL],
        interval_s=LAG_INTERVAL_S,
    ).start()
    return server


# --- reading an endpoint (status, chaos and bench scripts, tests) --------------------------------

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def http_get(url: str, timeout_s: float = 5.0) -> tuple[int, str]:
    """Status and body of a GET (error statuses returned, not raised)."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as response:  # noqa: S310 (our own endpoints)
            return int(response.status), response.read().decode()
    except urllib.error.HTTPError as exc:
        return int(exc.code), exc.read().decode()


def parse_samples(text: str) -> Samples:
    """Prometheus text → {(sample name, sorted label pairs): value}."""
    from prometheus_client.parser import text_string_to_metric_families

    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }
