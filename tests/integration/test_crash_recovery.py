"""SIGKILL the Faust worker mid-stream: after the restart no document is missing and none is doubled."""

from __future__ import annotations

import signal
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from bench.synthetic import synthetic_reports
from processors.extract import extract_events
from processors.normalize import clean_report
from sitrep import topics
from sitrep.kafka import ensure_topics, make_producer
from sitrep.lag import group_lag
from sitrep.settings import Settings, settings_env
from sitrep.stack import PROCESSORS_GROUP, SINK_GROUP
from sitrep.supervisor import Supervisor, sitrep_argv

pytestmark = pytest.mark.integration

PROCESSOR_TOPICS = (topics.REPORTS_RAW, topics.REPORTS_NORMALIZED, topics.REPORTS_CLEAN, topics.EVENTS_CANDIDATES)
SINK_TOPICS = (topics.REPORTS_CLEAN, topics.EVENTS, topics.ALERTS)


def _ids(es: object, index: str) -> list[str]:
    response = es.search(index=index, size=10_000, source=False, query={"match_all": {}})  # type: ignore[attr-defined]
    return [hit["_id"] for hit in response["hits"]["hits"]]


def _committed(settings: Settings) -> int:
    return sum(lag.committed for lag in group_lag(settings.kafka, PROCESSORS_GROUP, (topics.REPORTS_RAW,)))


def _drained(settings: Settings) -> bool:
    lags = [*group_lag(settings.kafka, PROCESSORS_GROUP, PROCESSOR_TOPICS),
            *group_lag(settings.kafka, SINK_GROUP, SINK_TOPICS)]
    return bool(lags) and all(lag.lag == 0 for lag in lags)


def test_worker_sigkill_mid_stream_loses_nothing_and_doubles_nothing(
    fresh_kafka: str, elasticsearch_url: str, tmp_path: Path
) -> None:
    from elasticsearch import Elasticsearch

    from sinks.indices import ensure_indices, index_names

    settings = Settings(state_dir=tmp_path, kafka={"bootstrap": fresh_kafka},
                        elasticsearch={"url": elasticsearch_url, "index_prefix": f"crash{time.time_ns()}"})
    es = Elasticsearch(**settings.elasticsearch.client_kwargs())
    names = index_names(settings)
    ensure_topics(settings.kafka)
    ensure_indices(es, settings)

    messages = list(synthetic_reports(400, seed=11, revise=0.1, duplicate=0.1))
    report_ids = {report.report_id for report in messages}
    # How many events each report yields on its own (the most over its revisions): after the
    # crash, each report must be in at least one canonical event and in no more than that many.
    candidates: Counter[str] = Counter()
    for report in messages:
        candidates[report.report_id] = max(candidates[report.report_id], len(extract_events(clean_report(report))))
    assert len(report_ids) == 400 and sum(candidates.values()) > 300

    # Reports arrive as a stream (about 8 s for all). The last half waits for the kill, so the kill
    # lands mid-stream however slowly the worker starts on a loaded machine.
    produced, killed = threading.Event(), threading.Event()
    sent = [0]

    def produce() -> None:
        producer = make_producer(settings.kafka)
        for n, report in enumerate(messages):
            if n == len(messages) // 2:
                killed.wait(90)
            producer.send(topics.REPORTS_RAW, key=report.report_id.encode(), value=report.model_dump_json().encode())
            sent[0] += 1
            time.sleep(0.018)
        producer.flush()
        producer.close()
        produced.set()

    with Supervisor(tmp_path / "logs", env=settings_env(settings)) as supervisor:
        worker = supervisor.add("worker", sitrep_argv("worker"))
        supervisor.add("sink", sitrep_argv("sink"))
        deadline = time.monotonic() + 90
        threading.Thread(target=produce, daemon=True).start()
        # Kill at the worker's first offset commit: it has done some work and more is coming.
        while not _committed(settings):
            assert time.monotonic() < deadline, "the pipeline never got going"
            time.sleep(0.05)
        supervisor.kill("worker", signal.SIGKILL)
        killed_at = sent[0]
        killed.set()
        assert produced.wait(60), "the producer did not finish"
        while not supervisor.poll():
            time.sleep(0.05)
        assert worker.restarts == 1
        stable_since, last = time.monotonic(), None
        while True:
            assert time.monotonic() < deadline + 120, f"not drained; worker log: {worker.log_path}"
            es.indices.refresh(index=f"{names.prefix}-*")
            counts = (es.count(index=names.reports)["count"], es.count(index=names.events)["count"])
            if counts != last or not _drained(settings):
                stable_since, last = time.monotonic(), counts
            elif time.monotonic() - stable_since > 3:
                break
            supervisor.poll()
            time.sleep(0.3)

    assert killed_at < len(messages), "the kill came after the work was done"
    indexed_reports = _ids(es, names.reports)
    assert len(indexed_reports) == len(set(indexed_reports)), "a report was indexed twice"
    assert set(indexed_reports) == report_ids, "reports missing after the crash"
    response = es.search(index=names.events, size=10_000, source=["report_ids"], query={"match_all": {}})
    events_of: Counter[str] = Counter()
    for hit in response["hits"]["hits"]:
        events_of.update(set(hit["_source"]["report_ids"]))
    missing = [rid for rid, n in candidates.items() if n and not events_of[rid]]
    doubled = [rid for rid, n in events_of.items() if n > candidates[rid]]
    assert not missing, f"{len(missing)} reports' events missing after the crash"
    assert not doubled, f"{len(doubled)} reports counted in more canonical events than they describe"
    es.close()
