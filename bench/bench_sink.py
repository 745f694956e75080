"""Elasticsearch sink throughput against raw ``helpers.bulk`` of the same documents, one run.

Own stand-ins (Tansu and noida-db on free loopback ports, through ``sitrep.services``). N reports
(~1 KB of Arabic and English text each) are written to ``reports.clean`` first. Then, into fresh
indices of the same server:

- raw: ``elasticsearch.helpers.bulk`` of the documents the sink would write (already built);
- sink: ``ElasticsearchSink`` consuming those N messages as a new group (decode, build, bulk,
  commit), timed from the first message consumed (the group join is excluded) to the last written.

``sink_vs_raw_bulk_ratio`` = sink docs/s ÷ raw docs/s (goal ≥ 0.8).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ARABIC = ("أفاد المرصد السوري لحقوق الإنسان بمقتل {n} عناصر من قوات النظام في اشتباكات عنيفة مع خلايا "
          "تنظيم الدولة الإسلامية في بادية الميادين بريف دير الزور الشرقي، وسط قصف مدفعي متبادل. ")
ENGLISH = ("Clashes between government forces and Islamic State cells killed {n} soldiers near Al-Mayadin "
           "in the eastern Deir ez-Zor countryside, a war monitor said, amid heavy shelling. ")


def _reports(count: int) -> list[Any]:
    from sitrep.records import Report

    start = datetime(2026, 11, 1, tzinfo=UTC)
    reports = []
    for n in range(count):
        arabic = n % 3 != 0
        body = (ARABIC if arabic else ENGLISH).format(n=n % 40 + 1) * 3
        reports.append(Report(
            report_id=f"bench-{n}", title=body[:90], text=body, language="ar" if arabic else "en",
            source="SOHR" if arabic else "wire", url=f"https://example.org/{n}",
            published_at=start + timedelta(minutes=n),
        ))
    return reports


def run(quick: bool) -> Iterator[dict[str, Any]]:
    from elasticsearch import Elasticsearch

    from sitrep import topics
    from sitrep.kafka import ensure_topics, make_producer
    from sitrep.services import LocalServices, free_port
    from sitrep.settings import Settings

    count, rounds = (3000, 3) if quick else (10000, 6)
    with tempfile.TemporaryDirectory(prefix="bench-sink-") as state:
        base = Settings(state_dir=Path(state),
                        services={"kafka_port": free_port(), "elasticsearch_port": free_port()})
        services = LocalServices(base)
        started = services.up()
        try:
            es_url = services.address("elasticsearch")
            kafka = services.address("kafka")
            reports = _reports(count)

            # Messages first (not timed): the sink then reads a backlog, as after a restart.
            sink_settings = Settings(state_dir=Path(state), kafka={"bootstrap": kafka},
                                     elasticsearch={"url": es_url})
            ensure_topics(sink_settings.kafka, [topics.REPORTS_CLEAN, topics.dlq(topics.REPORTS_CLEAN)])
            producer = make_producer(sink_settings.kafka, linger_ms=5, batch_size=256 * 1024)
            for report in reports:
                producer.send(topics.REPORTS_CLEAN, key=report.report_id.encode(),
                              value=report.model_dump_json().encode())
            producer.flush()
            producer.close()

            es = Elasticsearch(**sink_settings.elasticsearch.client_kwargs())
            # Rounds alternate raw and sink runs, and which goes first, so that load from other
            # processes and the server's growing index count hit both alike; medians over rounds.
            raw_rates, sink_rates = [], []
            for round_number in range(rounds):
                if round_number % 2:
                    sink_rates.append(_sink(sink_settings, count, f"bsink{round_number}"))
                    raw_rates.append(_raw_bulk(es, es_url, reports, f"braw{round_number}"))
                else:
                    raw_rates.append(_raw_bulk(es, es_url, reports, f"braw{round_number}"))
                    sink_rates.append(_sink(sink_settings, count, f"bsink{round_number}"))
            es.close()
        finally:
            services.down(tuple(started))
    ratios = [s / r for s, r in zip(sink_rates, raw_rates, strict=True)]
    yield {"metric": "sink_docs_per_s", "value": round(statistics.median(sink_rates), 1), "unit": "docs/s"}
    yield {"metric": "raw_bulk_docs_per_s", "value": round(statistics.median(raw_rates), 1), "unit": "docs/s"}
    yield {"metric": "sink_vs_raw_bulk_ratio", "value": round(statistics.median(ratios), 3), "unit": "ratio"}


def _raw_bulk(es: Any, es_url: str, reports: list[Any], prefix: str) -> float:
    """docs/s of ``helpers.bulk`` writing the documents the sink would write (built beforehand)."""
    from elasticsearch import helpers

    from sinks.documents import to_bulk_actions
    from sinks.indices import ensure_indices, index_names
    from sitrep.settings import Settings

    settings = Settings(elasticsearch={"url": es_url, "index_prefix": prefix})
    ensure_indices(es, settings)
    actions = to_bulk_actions(reports, index_names(settings))
    started = time.perf_counter()
    ok, _ = helpers.bulk(es, actions, chunk_size=500, stats_only=True)
    elapsed = time.perf_counter() - started
    assert ok == len(reports), f"raw bulk wrote {ok} of {len(reports)}"
    return len(reports) / elapsed


def _sink(base: Any, count: int, prefix: str) -> float:
    """docs/s of the sink reading the whole topic as a new group into fresh indices."""
    from sinks.elasticsearch import ElasticsearchSink
    from sinks.settings import SinkSettings
    from sitrep.settings import Settings

    data = base.model_dump()
    data["elasticsearch"]["index_prefix"] = prefix
    sink = ElasticsearchSink(Settings(**data), group_id=prefix, sink_settings=SinkSettings())
    sink.start()
    started: float | None = None
    deadline = time.monotonic() + 120
    try:
        while sink.metrics.written < count and time.monotonic() < deadline:
            if sink.run_once(timeout_s=0.05) and started is None:
                started = time.perf_counter()  # from the first message: the group join is excluded
            if sink.metrics.consumed >= count:
                sink.flush()
        elapsed = time.perf_counter() - (started or time.perf_counter())
    finally:
        sink.close()
    assert sink.metrics.written == count, f"sink wrote {sink.metrics.written} of {count}"
    return count / elapsed
