"""`sitrep sink`: run the Elasticsearch sink as a service (Ctrl-C or SIGTERM stops it cleanly)."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from typing import Any

from sitrep.settings import Settings

HELP = """\
Consume reports.clean, events and alerts as the consumer group --group-id and index them into
Elasticsearch (templates, aliases and indices are created first). Documents keep stable ids
(report_id / event_id) and external versions (revision): replays never duplicate and an older
revision never overwrites a newer one. Messages that are not valid records, and documents
Elasticsearch rejects, go to <topic>.dlq with the reason (SITREP_ON_INVALID=dlq|skip|fail).
Offsets are committed after the bulk covering them succeeded. While Elasticsearch is down the sink
pauses consumption and resumes by itself.

Batching and retries: SITREP_SINK__BATCH_MAX_DOCS (1000), __BATCH_MAX_BYTES (5000000),
__BATCH_MAX_WAIT_S (0.25), __ITEM_MAX_ATTEMPTS (5), __BACKOFF_BASE_S (0.1), __BACKOFF_CAP_S (10)."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("sink", help="index reports, events and alerts into Elasticsearch",
                                   description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--group-id", default="sitrep-sink",
                        help="Kafka consumer group (default %(default)s)")
    parser.add_argument("--setup-only", action="store_true",
                        help="create templates, aliases and indices, print the analysis profile, and exit")
    parser.add_argument("--progress-every", type=float, default=10.0, metavar="SECONDS",
                        help="print a progress line this often (0: never; default %(default)s)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from sinks.elasticsearch import elasticsearch_client
    from sinks.indices import ensure_indices, index_names

    if args.setup_only:
        es = elasticsearch_client(settings)
        try:
            profile = ensure_indices(es, settings)
        finally:
            es.close()
        names = index_names(settings)
        print(f"indices ready at {settings.elasticsearch.url}: {names.reports}, {names.events}, "
              f"{names.alerts} (analysis profile: {profile})", file=sys.stderr)
        return 0
    from sitrep.cli.search import quiet_transport_logs

    quiet_transport_logs(args)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    sink, metrics_server = _instrumented_sink(settings, args.group_id)
    print(f"sink: {settings.kafka.bootstrap} → {settings.elasticsearch.url} (group {args.group_id}); "
          "Ctrl-C stops", file=sys.stderr)
    failure: list[BaseException] = []

    def target() -> None:
        try:
            sink.run(stop)
        except BaseException as exc:
            failure.append(exc)
            stop.set()

    worker = threading.Thread(target=target, name="sink", daemon=True)
    worker.start()
    started, last_written = time.monotonic(), 0
    while worker.is_alive():
        worker.join(timeout=args.progress_every or None)
        if args.progress_every and worker.is_alive():
            m = sink.metrics
            rate = (m.written - last_written) / args.progress_every
            last_written = m.written
            state = " (paused: Elasticsearch unavailable)" if sink.paused else ""
            print(f"sink: {m.written} written ({rate:.0f}/s), {m.ignored} replays ignored, "
                  f"{m.dead_lettered} dead-lettered, {m.errors} errors{state}", file=sys.stderr)
    if failure:
        raise failure[0]
    if metrics_server is not None:
        metrics_server.close()
    m = sink.metrics
    print(f"sink stopped after {time.monotonic() - started:.0f}s: {m.written} written, {m.ignored} ignored, "
          f"{m.dead_lettered} dead-lettered", file=sys.stderr)
    return 0


def _instrumented_sink(settings: Settings, group_id: str) -> tuple[Any, Any]:
    """The sink, exporting sitrep_sink_* metrics, dead-letter counts, its group's lag and /readyz;
    and its metrics server (None when SITREP_METRICS_PORT=-1 or the port is taken)."""
    from prometheus_client import REGISTRY

    from sinks.elasticsearch import SINK_TOPICS, ElasticsearchSink
    from sitrep import topics
    from sitrep.metrics import LagMonitor, SinkMetricsCollector, dead_letter_counter, serve, sink_metrics
    from sitrep.records import DeadLetter

    def count_letter(letter: DeadLetter) -> None:
        dead_letter_counter().labels(
            topic=topics.dlq(letter.source_topic), stage=letter.stage, error_class=letter.error_class
        ).inc()

    sink = ElasticsearchSink(settings, group_id=group_id, on_dead_letter=count_letter,
                             observe_bulk_seconds=sink_metrics().bulk_seconds.observe)
    REGISTRY.register(SinkMetricsCollector(lambda: sink.metrics, lambda: sink.paused))

    def ready() -> tuple[bool, str]:
        if sink.paused:
            return False, "consumption paused: Elasticsearch is slow or unreachable"
        if not sink.assigned:
            return False, f"no partitions assigned yet (group {group_id})"
        return True, f"indexing into {settings.elasticsearch.url}"

    server = serve(settings, "sink", ready=ready, say=lambda line: print(line, file=sys.stderr))
    if server is not None:
        LagMonitor(settings.kafka, {group_id: SINK_TOPICS}, [topics.dlq(t) for t in SINK_TOPICS]).start()
    return sink, server
