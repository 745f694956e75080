"""Elasticsearch sink throughput against raw ``helpers.bulk`` of the same documents, one run.

Own stand-ins (Tansu and noida-db on free loopback ports, through ``sitrep.services``). N reports
(~1 KB of Arabic and English text each) are written to ``reports.clean`` first. Then, into fresh
indices of the same server:

- raw: ``elasticsearch.helpers.bulk`` of the documents the sink would write (already built);
- sink: ``ElasticsearchSink`` consuming those N messages (decode, build, bulk, commit), timed from
  the first message consumed (the consumer group join is excluded) to the last document written.

``sink_vs_raw_bulk_ratio`` = sink docs/s ÷ raw docs/s (goal ≥ 0.8).
"""

from __future__ import annotations

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
    from elasticsearch import Elasticsearch, helpers

    from sinks.documents import to_bulk_actions
    from sinks.elasticsearch import ElasticsearchSink
    from sinks.indices import ensure_indices, index_names
    from sinks.settings import SinkSettings
    from sitrep import topics
    from sitrep.kafka import ensure_topics, make_producer
    from sitrep.services import LocalServices, free_port
    from sitrep.settings import Settings

    count = 3000 if quick else 15000
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
                                     elasticsearch={"url": es_url, "index_prefix": "bsink"})
            ensure_topics(sink_settings.kafka, [topics.REPORTS_CLEAN, topics.dlq(topics.REPORTS_CLEAN)])
            producer = make_producer(sink_settings.kafka, linger_ms=5, batch_size=256 * 1024)
            for report in reports:
                producer.send(topics.REPORTS_CLEAN, key=report.report_id.encode(),
                              value=report.model_dump_json().encode())
            producer.flush()
            producer.close()

            # Raw helpers.bulk of the very documents the sink builds.
            raw_settings = Settings(elasticsearch={"url": es_url, "index_prefix": "braw"})
            es = Elasticsearch(**raw_settings.elasticsearch.client_kwargs())
            ensure_indices(es, raw_settings)
            actions = to_bulk_actions(reports, index_names(raw_settings))
            t0 = time.perf_counter()
            ok, _ = helpers.bulk(es, actions, chunk_size=500, stats_only=True)
            raw_s = time.perf_counter() - t0
            assert ok == count, f"raw bulk wrote {ok} of {count}"

            sink = ElasticsearchSink(sink_settings, group_id="bench-sink", sink_settings=SinkSettings())
            sink.start()
            t0 = None
            deadline = time.monotonic() + 120
            try:
                while sink.metrics.written + sink.metrics.ignored < count and time.monotonic() < deadline:
                    consumed = sink.run_once(timeout_s=0.05)
                    if consumed and t0 is None:
                        t0 = time.perf_counter()
                sink.flush()
                sink_s = time.perf_counter() - (t0 or time.perf_counter())
            finally:
                sink.close()
            written = sink.metrics.written
            assert written == count, f"sink wrote {written} of {count}"
            es.close()
        finally:
            services.down(tuple(started))
    raw_rate, sink_rate = count / raw_s, count / sink_s
    yield {"metric": "sink_docs_per_s", "value": round(sink_rate, 1), "unit": "docs/s"}
    yield {"metric": "raw_bulk_docs_per_s", "value": round(raw_rate, 1), "unit": "docs/s"}
    yield {"metric": "sink_vs_raw_bulk_ratio", "value": round(sink_rate / raw_rate, 3), "unit": "ratio"}
