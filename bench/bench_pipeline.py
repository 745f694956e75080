"""The whole pipeline, reports.raw → searchable in Elasticsearch, on own stand-ins (free loopback ports).

Services run as in production: ``sitrep worker``, ``sitrep sink`` and ``sitrep poll`` (the poller
against a small local feed farm, so its memory is measured under work) as supervised processes.

- ``pipeline_reports_per_s``: N synthetic reports (varied Arabic/English, every stage does real
  work: normalize, dedup, extract, fuse, alert, index) produced to ``reports.raw`` at once, one
  worker; N ÷ seconds from the first send until the last one is visible to search (index refresh
  included; the index refreshes every second). Goal ≥ 200.
- ``pipeline_drained_reports_per_s``: the same N ÷ seconds until every stage has caught up
  (events fused and indexed, alerts evaluated): the rate the whole worker sustains.
- ``e2e_latency_p50_s`` / ``_p95_s`` / ``_p99_s``: a trickle of reports at a modest rate (5/s),
  each timed from its write to ``reports.raw`` until a search (``ids`` query, polled every 50 ms)
  finds it. Goal p95 ≤ 2 s.
- ``peak_rss_mb_<service>``: peak resident memory of each service's process group over the whole
  run (sampled VmRSS sums and the kernel's VmHWM; see ``bench.chaos.RssSampler``).
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SERVICES = ("worker", "sink", "poller", "kafka", "elasticsearch")


def _say(line: str) -> None:
    print(f"# pipeline: {line}", file=sys.stderr, flush=True)


def _reports(count: int, tag: str, seed: int) -> list[Any]:
    from bench.synthetic import synthetic_reports

    reports = []
    for n, report in enumerate(synthetic_reports(count, seed=seed, revise=0.0, duplicate=0.0)):
        url = f"https://bench.sitrep.invalid/{tag}/{n}"
        reports.append(report.model_copy(update={"report_id": f"{tag}-{n}", "url": url}))
    return reports


def _searchable(pipeline: Any, ids: list[str]) -> set[str]:
    from sinks.indices import index_names

    if not ids:
        return set()
    response = pipeline.es.search(index=index_names(pipeline.settings).reports,
                                  query={"ids": {"values": ids}}, source=False, size=len(ids),
                                  ignore_unavailable=True)
    return {hit["_id"] for hit in response["hits"]["hits"]}


def _count(pipeline: Any, prefix: str) -> int:
    from sinks.indices import index_names

    response = pipeline.es.count(index=index_names(pipeline.settings).reports, ignore_unavailable=True,
                                 query={"prefix": {"report_id": prefix}})
    return int(response["count"])


def _wait_searchable(pipeline: Any, ids: list[str], timeout_s: float) -> float:
    """Seconds until every id is visible to search (polled every 0.1 s); raises on timeout."""
    started = time.monotonic()
    pending = list(ids)
    while pending:
        if time.monotonic() - started > timeout_s:
            raise TimeoutError(f"{len(pending)} of {len(ids)} reports not searchable after {timeout_s:.0f}s")
        pipeline.supervisor.poll()
        found = set()
        for start in range(0, len(pending), 1000):
            found |= _searchable(pipeline, pending[start:start + 1000])
        pending = [rid for rid in pending if rid not in found]
        if pending:
            time.sleep(0.1)
    return time.monotonic() - started


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, int(round(q / 100 * len(ordered) + 0.5)) - 1))
    return ordered[rank]


def _throughput(pipeline: Any, count: int) -> float:
    from sitrep import topics
    from sitrep.kafka import make_producer

    reports = _reports(count, "tput", seed=21)
    messages = [(r.report_id.encode(), r.model_dump_json().encode()) for r in reports]
    producer = make_producer(pipeline.settings.kafka, linger_ms=5, batch_size=256 * 1024)
    started = time.monotonic()
    for key, value in messages:
        producer.send(topics.REPORTS_RAW, key=key, value=value)
    producer.flush()
    produced = time.monotonic() - started
    _say(f"{count} reports written to reports.raw in {produced:.1f}s; waiting until all are searchable")
    last_say = time.monotonic()
    while (indexed := _count(pipeline, "tput-")) < count:
        if time.monotonic() - started > 300:
            raise TimeoutError(f"only {indexed} of {count} reports searchable after 300s")
        if time.monotonic() - last_say > 10:
            last_say = time.monotonic()
            _say(f"{indexed}/{count} searchable after {last_say - started:.0f}s")
        pipeline.supervisor.poll()
        time.sleep(0.1)
    elapsed = time.monotonic() - started
    producer.close()
    return count / elapsed, started


def _drain(pipeline: Any, started: float, timeout_s: float = 240.0) -> float:
    """Seconds from ``started`` until every stage caught up (events fused, indexed, alerts done)."""
    last_say = time.monotonic()
    while (lag := pipeline.lags()) != 0:
        if time.monotonic() - started > timeout_s:
            raise TimeoutError(f"stages still {lag} messages behind after {timeout_s:.0f}s")
        if time.monotonic() - last_say > 10:
            last_say = time.monotonic()
            _say(f"events still being fused and indexed: {lag} messages behind")
        pipeline.supervisor.poll()
        time.sleep(0.5)
    return time.monotonic() - started


def _stage_times(pipeline: Any, topic: str, prefix: bytes) -> dict[str, float]:
    """Report id → the wall time its record was written to ``topic`` (the record's CreateTime)."""
    from sitrep.kafka import read_topic

    times: dict[str, float] = {}
    for record in read_topic(pipeline.settings.kafka, topic, timeout_s=30, poll_ms=500):
        key = record.key or b""
        if key.startswith(prefix):
            times.setdefault(key.decode(), record.timestamp / 1000)
    return times


def _latencies(pipeline: Any, rate_per_s: float, duration_s: float) -> list[float]:
    from sitrep import topics
    from sitrep.kafka import make_producer

    reports = _reports(int(rate_per_s * duration_s), "lat", seed=33)
    producer = make_producer(pipeline.settings.kafka, batch_size=16, linger_ms=0)
    sent: dict[str, float] = {}
    wall: dict[str, float] = {}
    seen: dict[str, float] = {}
    lock = threading.Lock()

    def trickle() -> None:
        started = time.monotonic()
        for n, report in enumerate(reports):
            delay = started + n / rate_per_s - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            at = time.monotonic()
            wall[report.report_id] = time.time()
            producer.send(topics.REPORTS_RAW, key=report.report_id.encode(),
                          value=report.model_dump_json().encode()).get(timeout=30)
            with lock:
                sent[report.report_id] = at

    sender = threading.Thread(target=trickle, name="trickle", daemon=True)
    sender.start()
    deadline = time.monotonic() + duration_s + 60
    while (sender.is_alive() or len(seen) < len(reports)) and time.monotonic() < deadline:
        with lock:
            pending = [rid for rid in sent if rid not in seen]
        now = time.monotonic()
        for rid in _searchable(pipeline, pending):
            seen[rid] = now
        time.sleep(0.05)
    sender.join()
    producer.close()
    if len(seen) < len(reports):
        raise TimeoutError(f"{len(reports) - len(seen)} trickled reports never became searchable")
    # Where the time goes: written to reports.raw → reports.clean (the worker's two hops) → searchable.
    clean = _stage_times(pipeline, "reports.clean", b"lat-")
    worker = sorted(clean[rid] - wall[rid] for rid in clean if rid in wall)
    if worker:
        _say(f"of which reports.raw → reports.clean (worker): p50 {_percentile(worker, 50):.2f}s, "
             f"p95 {_percentile(worker, 95):.2f}s; the rest is the sink, bulk and index refresh")
    return [seen[rid] - sent[rid] for rid in seen]


def run(quick: bool) -> Iterator[dict[str, Any]]:
    from bench.chaos import FeedFarm, LocalPipeline, RssSampler, plan_load
    from sitrep.supervisor import sitrep_argv

    count = 1000 if quick else 3000
    trickle_s = 15.0 if quick else 40.0
    poller_env = {"SITREP_POLLER__POLITENESS_DELAY_S": "0", "SITREP_POLLER__PER_HOST_CONCURRENCY": "8",
                  "SITREP_POLLER__FULLTEXT": "false"}
    farm_load = plan_load(400, seed=5, load_s=60.0, feeds=10, farm_share=1.0)
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as state, \
            FeedFarm(farm_load.farm, 10) as farm, \
            LocalPipeline(Path(state), index_prefix="bpipe", extra_env=poller_env) as pipeline, \
            RssSampler(pipeline.process_groups) as rss:
        sup = pipeline.supervisor
        sup.add("worker", sitrep_argv("worker"))
        sup.add("sink", sitrep_argv("sink", "--progress-every", "0"))
        registry = farm.registry(Path(state) / "farm.toml")
        sup.add("poller", sitrep_argv("poll", "--registry", str(registry), "--demo-url", farm.base_url,
                                      "--no-fulltext"))
        warm = _reports(30, "warm", seed=3)
        from sitrep import topics
        from sitrep.kafka import make_producer

        producer = make_producer(pipeline.settings.kafka)
        for report in warm:
            producer.send(topics.REPORTS_RAW, key=report.report_id.encode(),
                          value=report.model_dump_json().encode())
        producer.flush()
        producer.close()
        _say(f"warm-up: worker and sink joining; {len(warm)} reports")
        warm_s = _wait_searchable(pipeline, [r.report_id for r in warm], timeout_s=120)
        _say(f"warm-up reports searchable after {warm_s:.1f}s (includes group joins)")
        rate, started = _throughput(pipeline, count)
        _say(f"throughput: {rate:.0f} reports/s")
        yield {"metric": "pipeline_reports_per_s", "value": round(rate, 1), "unit": "reports/s"}
        # Reports are searchable before their events are fused and indexed: the whole backlog,
        # events included, must be gone before latency is measured (else it measures the queue).
        drained = _drain(pipeline, started)
        _say(f"all stages drained (events and alerts included) {drained:.0f}s after the first write")
        yield {"metric": "pipeline_drained_reports_per_s", "value": round(count / drained, 1),
               "unit": "reports/s"}
        latencies = _latencies(pipeline, rate_per_s=5.0, duration_s=trickle_s)
        for q in (50, 95, 99):
            yield {"metric": f"e2e_latency_p{q}_s", "value": round(_percentile(latencies, q), 3), "unit": "s"}
        _say(f"latency over {len(latencies)} trickled reports; max {max(latencies):.2f}s")
        rss.sample()
        figures = rss.figures(SERVICES)
    yield from figures
