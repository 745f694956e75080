"""`make chaos`: the whole local pipeline under load while processes die, the broker stalls,
Elasticsearch goes away and poison arrives; then every report and event in Elasticsearch is checked
against what was published.

    python -m bench.chaos [--reports 10000] [--short] [--seed 1] [--keep STATE_DIR]
    python -m bench.chaos --no-faults [--reports 2000 --load-s 50]   # the same load, no fault

What runs (own stand-ins on free loopback ports, own state directory, everything supervised by
``sitrep.supervisor`` so a killed service comes back as it would under systemd/Kubernetes):

- a feed farm (loopback HTTP server, RSS 2.0, ETag/304) releasing part of the load over time —
  some items revised in place later, some carried by two feeds — polled by ``sitrep poll``;
- the rest of the load produced straight to ``reports.raw`` at an even rate (revisions, and copies
  under a second feed id, included);
- ``sitrep worker`` (a second one joins for the middle part: scale-out and rebalances),
  ``sitrep sink``.

Faults, at seeded random moments during the load: SIGKILL of the poller, a worker and the sink;
the broker paused (SIGSTOP … SIGCONT); Elasticsearch unreachable (its process frozen: SIGSTOP …
SIGCONT); poison (invalid JSON, wrong schema, oversized) written to ``reports.raw`` and ``events``.

Elasticsearch is frozen rather than stopped because the local stand-in loses writes it has already
acknowledged when it is stopped under load (measured: 1,800 and 3,000 of ~55,000 bulk-acknowledged
documents missing after a SIGTERM and restart; none when idle), which real Elasticsearch never does
(a bulk is acknowledged once its translog is durable). A stop would then count the stand-in's loss as
the pipeline's. Clients see the frozen server as down: requests time out, the sink pauses and retries.

Checks (JSON lines on stdout, exit 1 when one fails):

- ``reports_lost``: published report ids not in the reports index, or indexed with an older
  revision's text than the last one published (must be 0);
- ``duplicate_documents``: documents sharing an id across the backing indices, plus reports counted
  in more canonical events than extraction (or the clean run) finds in them — an event indexed
  twice under two ids (must be 0);
- ``events_missing``: reports that yield events but are in no canonical event (must be 0);
- ``poison_in_dlq`` must equal ``poison_injected`` (each poison found in its topic's ``.dlq``);
- ``events_vs_clean_run``: canonical events indexed minus those of a fault-free run of the same
  stages over the same input in publication order (``processors.fusion.FusionRun``); positive when
  reports that belong together ended in separate events (fusion state lost), negative when too much
  was merged. ``events_indexed`` and ``events_clean_run`` are the two totals. Fusion is
  order-dependent (which report arrives first decides which candidate a later one joins), so two
  correct runs may differ by a few; ``reports_in_other_event_count`` is the number of reports
  contained in a different number of canonical events than in the clean run (informational; the
  hard guarantees are the checks above).

The load's stream time runs at one minute per report (fusion windows are in stream time), and
``wall_time_s`` covers everything: start-up, load, drain and checks. On a failure the first few
offending report ids are traced through ``reports.raw`` and ``events`` (stderr).
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import email.utils
import html
import json
import os
import random
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from sitrep import topics

PROCESSOR_TOPICS = (topics.REPORTS_RAW, topics.REPORTS_NORMALIZED, topics.REPORTS_CLEAN,
                    topics.EVENTS_CANDIDATES)
SINK_TOPICS = (topics.REPORTS_CLEAN, topics.EVENTS, topics.ALERTS)
POISON_MARK = "chaos-poison-"


def _say(started: float, line: str) -> None:
    print(f"[chaos {time.monotonic() - started:6.1f}s] {line}", file=sys.stderr, flush=True)


# --- peak memory of services ------------------------------------------------------------------------


def _group_members(pgid: int) -> list[int]:
    """PIDs whose process group is ``pgid`` (a supervised service and anything it spawned)."""
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > 2 and int(fields[2]) == pgid:
            members.append(int(entry))
    return members


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


class RssSampler:
    """Samples the resident memory of each named service's process group every ``interval_s``.

    Peak = the larger of the highest sampled sum of VmRSS over the group and the highest VmHWM
    (the kernel's own peak) of one member, so short spikes of a single process are not missed."""

    def __init__(self, pgids: Callable[[], dict[str, list[int]]], interval_s: float = 0.5) -> None:
        self.pgids = pgids
        self.interval_s = interval_s
        self.peak_kb: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def sample(self) -> None:
        for name, groups in self.pgids().items():
            for pgid in groups:
                members = _group_members(pgid)
                total = sum(_status_kb(pid, "VmRSS") for pid in members)
                hwm = max((_status_kb(pid, "VmHWM") for pid in members), default=0)
                self.peak_kb[name] = max(self.peak_kb.get(name, 0), total, hwm)

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            with contextlib.suppress(Exception):
                self.sample()

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def figures(self, names: tuple[str, ...]) -> list[dict[str, Any]]:
        return [{"metric": f"peak_rss_mb_{name}", "value": round(self.peak_kb.get(name, 0) / 1024, 1),
                 "unit": "MB"} for name in names]


# --- the local pipeline ------------------------------------------------------------------------------


class LocalPipeline:
    """Own Tansu + noida-db on free ports under ``state_dir``, topics and indices, and a supervisor
    for the sitrep services. Everything started here is stopped by ``close()``."""

    def __init__(self, state_dir: Path, *, index_prefix: str = "chaos",
                 extra_env: dict[str, str] | None = None,
                 say: Callable[[str], None] = lambda _line: None) -> None:
        from sitrep.services import LocalServices, free_port
        from sitrep.settings import Settings, settings_env

        self.state_dir = state_dir
        self.say = say
        kafka_port, es_port = free_port(), free_port()
        self.settings = Settings(
            state_dir=state_dir,
            services={"kafka_port": kafka_port, "elasticsearch_port": es_port, "startup_timeout_s": 60.0},
            kafka={"bootstrap": f"127.0.0.1:{kafka_port}"},
            elasticsearch={"url": f"http://127.0.0.1:{es_port}", "index_prefix": index_prefix},
        )
        self.services = LocalServices(self.settings)
        self.env = {**settings_env(self.settings), **(extra_env or {})}
        self.supervisor: Any = None
        self.es: Any = None

    def start(self) -> None:
        from elasticsearch import Elasticsearch

        from sinks.indices import ensure_indices
        from sitrep.kafka import ensure_topics
        from sitrep.supervisor import Supervisor

        self.services.up()
        ensure_topics(self.settings.kafka)
        self.es = Elasticsearch(**self.settings.elasticsearch.client_kwargs())
        ensure_indices(self.es, self.settings)
        self.supervisor = Supervisor(self.state_dir / "logs", env=self.env, say=self.say)

    def close(self) -> None:
        if self.supervisor is not None:
            self.supervisor.stop()
        if self.es is not None:
            self.es.close()
        # A paused broker cannot stop: resume it first.
        kafka_pid = self.service_pid("kafka")
        if kafka_pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(kafka_pid, signal.SIGCONT)
        self.services.down()

    def __enter__(self) -> LocalPipeline:
        try:
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def service_pid(self, name: str) -> int | None:
        for status in self.services.status():
            if status.name == name and status.running:
                return status.pid
        return None

    def process_groups(self) -> dict[str, list[int]]:
        """Service name → process-group ids (workers share the name ``worker``)."""
        groups: dict[str, list[int]] = {}
        for name in ("kafka", "elasticsearch"):
            pid = self.service_pid(name)
            if pid:
                groups[name] = [pid]
        if self.supervisor is not None:
            for child in list(self.supervisor.children.values()):
                if child.alive() and child.pid:
                    groups.setdefault(child.name.split("-")[0], []).append(child.pid)
        return groups

    # -- observations ---------------------------------------------------------------------------
    def lags(self) -> int:
        """Messages the processors and the sink have yet to commit, in all (-1: no topics yet)."""
        by_topic = self.lag_by_topic()
        return sum(by_topic.values()) if by_topic else -1

    def lag_by_topic(self) -> dict[str, int]:
        from sitrep.lag import group_lag
        from sitrep.stack import PROCESSORS_GROUP, SINK_GROUP

        lags = [*group_lag(self.settings.kafka, PROCESSORS_GROUP, PROCESSOR_TOPICS),
                *group_lag(self.settings.kafka, SINK_GROUP, SINK_TOPICS)]
        return {f"{'sink' if lag.group == SINK_GROUP else 'worker'}:{lag.topic}": lag.lag for lag in lags}

    def counts(self, timeout_s: float | None = None) -> tuple[int, int]:
        """Report and event documents indexed (``timeout_s``: give up that soon, without retries)."""
        from sinks.search import count

        es = self.es if timeout_s is None else self.es.options(request_timeout=timeout_s, max_retries=0)
        return count(es, self.settings, "report"), count(es, self.settings, "event")

    def stuck_partitions(self) -> list[str]:
        """One line per partition some group has not committed to its end, with the group's view."""
        from sitrep.lag import partition_lags
        from sitrep.stack import PROCESSORS_GROUP, SINK_GROUP

        lags = [*partition_lags(self.settings.kafka, PROCESSORS_GROUP, PROCESSOR_TOPICS),
                *partition_lags(self.settings.kafka, SINK_GROUP, SINK_TOPICS)]
        return [f"{lag.group} {lag.topic}[{lag.partition}]: committed {lag.committed} of {lag.end}"
                for lag in lags if lag.lag]

    def log_warnings(self, last: int = 12) -> list[str]:
        """The last warning and error lines of each supervised service's log (a failed drain's clues)."""
        lines = []
        for path in sorted((self.state_dir / "logs").glob("*.log")):
            found = [line.rstrip()[:300] for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
                     if " WARNING " in line or " ERROR " in line or "Traceback" in line]
            lines += [f"{path.stem}: {line}" for line in found[-last:]]
        return lines


def scan(es: Any, index: str, source: list[str] | bool) -> Iterator[dict[str, Any]]:
    """Every hit of ``index`` (all backing indices of an alias or pattern), with ``_index``."""
    from elasticsearch import helpers

    yield from helpers.scan(es, index=index, query={"query": {"match_all": {}}}, _source=source, size=2000,
                            scroll="2m", ignore_unavailable=True)


# --- the load ------------------------------------------------------------------------------------------


@dataclass
class FarmItem:
    """One report as the farm serves it: released at ``release_s`` into ``feeds``; revised text from
    ``revise_s`` on."""

    report_id: str
    url: str
    title: str
    text: str
    published_at: Any
    feeds: list[int]
    release_s: float
    revised_text: str | None = None
    revise_s: float = 0.0

    def text_at(self, t: float) -> str:
        return self.revised_text if self.revised_text is not None and t >= self.revise_s else self.text


@dataclass
class Load:
    """What will be published: farm items, direct messages (with their send times) and, per report
    id, every version's Report (for the expected final state and the clean run)."""

    farm: list[FarmItem] = field(default_factory=list)
    direct: list[tuple[float, Any]] = field(default_factory=list)
    versions: dict[str, list[Any]] = field(default_factory=dict)  # report_id -> Reports, in order
    via_farm: set[str] = field(default_factory=set)

    @property
    def report_ids(self) -> set[str]:
        return set(self.versions)


def plan_load(reports: int, *, seed: int, load_s: float, feeds: int, farm_share: float,
              minutes_per_report: float = 1.0) -> Load:
    """Split ``reports`` synthetic reports between the farm and direct production, over ``load_s``.

    Publication times are ``minutes_per_report`` apart (10,000 reports: a week of stream time).
    Fusion keeps a window of stream time (7 days); were the load's stream time to run much faster
    than that, a report delayed by a fault for a few seconds of wall time would arrive "weeks"
    late in stream time and find its event evicted — not what a real feed does."""
    from datetime import timedelta

    from bench.synthetic import synthetic_reports

    rng = random.Random(seed)
    load = Load()
    groups: list[list[Any]] = []  # original, then its copies/revisions
    first: Any = None
    for report in synthetic_reports(reports, seed=seed, revise=0.1, duplicate=0.1):
        first = first or report.published_at
        if report.revision == 1 and report.feed_id != "synthetic-mirror":
            minutes = len(groups) * minutes_per_report
            report = report.model_copy(update={"published_at": first + timedelta(minutes=minutes)})
        else:
            report = report.model_copy(update={"published_at": groups[-1][0].published_at})
        if report.revision == 1 and report.feed_id != "synthetic-mirror":
            groups.append([report])
        else:
            groups[-1].append(report)
    every = max(1, round(1 / farm_share)) if farm_share > 0 else 0
    for index, group in enumerate(groups):
        original = group[0]
        at = load_s * index / len(groups)
        load.versions[original.report_id] = [r for r in group if r.feed_id != "synthetic-mirror"]
        if every and index % every == 0:
            home = rng.randrange(feeds)
            item = FarmItem(original.report_id, original.url, original.title, original.text,
                            original.published_at, [home], at)
            for extra in group[1:]:
                if extra.feed_id == "synthetic-mirror":
                    item.feeds.append((home + 1 + rng.randrange(feeds - 1)) % feeds if feeds > 1 else home)
                else:
                    item.revised_text, item.revise_s = extra.text, at + rng.uniform(3, 12)
            load.farm.append(item)
            load.via_farm.add(original.report_id)
        else:
            for offset, message in enumerate(group):
                load.direct.append((at + 0.5 * offset, message))
    load.direct.sort(key=lambda pair: pair[0])
    return load


class _QuietServer(ThreadingHTTPServer):
    """A killed poller drops its connections mid-request: that is expected here, not an error."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class FeedFarm:
    """Serves ``feeds`` RSS feeds on a loopback port; each shows the items released so far (newest
    first) with an ETag that changes when its content does, answering 304 otherwise."""

    def __init__(self, items: list[FarmItem], feeds: int) -> None:
        self.items_of: list[list[FarmItem]] = [[] for _ in range(feeds)]
        for item in items:
            for feed in item.feeds:
                self.items_of[feed].append(item)
        self.started = time.monotonic()
        self.requests = Counter[str]()
        farm = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                try:
                    feed = int(self.path.split("?")[0].rsplit("/", 1)[-1].removesuffix(".xml"))
                    items = farm.items_of[feed]
                except (ValueError, IndexError):
                    self.send_error(404)
                    return
                etag, body = farm.render(feed, items, time.monotonic() - farm.started)
                if self.headers.get("If-None-Match") == etag:
                    farm.requests["304"] += 1
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                farm.requests["200"] += 1
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                return

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="feed-farm", daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def render(self, feed: int, items: list[FarmItem], t: float) -> tuple[str, bytes]:
        visible = [item for item in items if item.release_s <= t]
        revised = sum(1 for item in visible if item.revised_text is not None and t >= item.revise_s)
        etag = f'"{feed}-{len(visible)}-{revised}"'
        entries = "".join(
            f"<item><title>{html.escape(item.title)}</title><link>{html.escape(item.url)}</link>"
            f'<guid isPermaLink="true">{html.escape(item.url)}</guid>'
            f"<pubDate>{email.utils.format_datetime(item.published_at)}</pubDate>"
            f"<description>{html.escape(item.text_at(t))}</description></item>"
            for item in reversed(visible)
        )
        body = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Chaos farm {feed}'
                f"</title><link>{self.base_url}/</link><description>synthetic</description>{entries}"
                "</channel></rss>").encode()
        return etag, body

    def registry(self, path: Path) -> Path:
        lines = []
        for feed in range(len(self.items_of)):
            lines += ["[[feed]]", f'id = "farm-{feed:03d}"', f'url = "{self.base_url}/feed/{feed}.xml"',
                      f'source = "Chaos Farm {feed % 5}"', 'language = ""', "enabled = true",
                      'tags = ["chaos"]', "min_interval_s = 1.0", "max_interval_s = 2.0", ""]
        path.write_text("\n".join(lines), encoding="utf-8")
        return path

    def __enter__(self) -> FeedFarm:
        self.started = time.monotonic()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class DirectProducer:
    """Produces the direct share of the load at its planned times; every message is confirmed by
    the broker (re-sent until it is: duplicates on ``reports.raw`` are harmless by design)."""

    def __init__(self, pipeline: LocalPipeline, messages: list[tuple[float, Any]], started: float) -> None:
        self.pipeline, self.messages, self.started = pipeline, messages, started
        self.sent = 0
        self.resent = 0
        self.error: BaseException | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="direct-producer", daemon=True)

    def _run(self) -> None:
        from sitrep.kafka import make_producer

        # One record per batch: Tansu's ListOffsets is only right then (lag figures stay true).
        producer = make_producer(self.pipeline.settings.kafka, batch_size=16, linger_ms=0,
                                 request_timeout_ms=10000, retries=0)
        try:
            index = 0
            while index < len(self.messages) and not self._stop.is_set():
                due = self.started + self.messages[index][0]
                if due > time.monotonic():
                    self._stop.wait(min(0.2, due - time.monotonic()))
                    continue
                chunk = []
                while (index < len(self.messages)
                       and self.started + self.messages[index][0] <= time.monotonic()):
                    chunk.append(self.messages[index][1])
                    index += 1
                    if len(chunk) >= 200:
                        break
                self._send_confirmed(producer, chunk)
        except BaseException as exc:  # noqa: BLE001 (reported by the main thread)
            self.error = exc
        finally:
            producer.close(timeout=5)

    def _send_confirmed(self, producer: Any, reports: list[Any]) -> None:
        pending = reports
        while pending and not self._stop.is_set():
            futures = [(r, producer.send(topics.REPORTS_RAW, key=r.report_id.encode(),
                                         value=r.model_dump_json().encode())) for r in pending]
            failed = []
            for report, future in futures:
                try:
                    future.get(timeout=60)
                    self.sent += 1
                except Exception:  # noqa: BLE001 (broker paused or gone: send again)
                    failed.append(report)
            if failed:
                self.resent += len(failed)
                time.sleep(0.5)
            pending = failed

    def start(self) -> None:
        self._thread.start()

    def done(self) -> bool:
        return not self._thread.is_alive()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)


# --- poison ------------------------------------------------------------------------------------------


def poison_messages(topic: str, number: int) -> list[tuple[str, bytes]]:
    """Three poison messages for ``topic``, each carrying its unique mark in its first bytes: invalid
    JSON, valid JSON of the wrong schema, and an oversized record (> 2 MB, over every size limit)."""
    base = f"{POISON_MARK}{topic}-{number}"
    invalid = f'{{"report_id": "{base}-invalid", "title": "unterminated'.encode()
    wrong = json.dumps({"report_id": f"{base}-schema", "event_id": f"{base}-schema",
                        "revision": "not a number", "payload": [1, 2, 3]}).encode()
    filler = "x" * 2_100_000
    if topic == topics.EVENTS:
        oversized = json.dumps({"event_id": f"{base}-oversized", "event_type": "Battles",
                                "sub_event_type": "Armed clash", "event_date": "2026-11-02",
                                "summary": filler}).encode()
    else:
        oversized = json.dumps({"report_id": f"{base}-oversized", "title": "oversized", "text": filler,
                                "url": f"https://poison.invalid/{number}"}).encode()
    return [(f"{base}-invalid", invalid), (f"{base}-schema", wrong), (f"{base}-oversized", oversized)]


def inject_poison(pipeline: LocalPipeline, topic: str, number: int) -> dict[str, str]:
    """Write the three poison messages to ``topic``; returns mark → topic once the broker has them."""
    from sitrep.kafka import make_producer

    producer = make_producer(pipeline.settings.kafka, max_request_size=8_000_000, batch_size=16, linger_ms=0,
                             request_timeout_ms=10000)
    try:
        marks = {}
        for mark, value in poison_messages(topic, number):
            producer.send(topic, key=mark.encode(), value=value).get(timeout=30)
            marks[mark] = topic
        return marks
    finally:
        producer.close(timeout=5)


class PoisonInjector:
    """Injects poison rounds from a thread (a paused broker must not stall the fault schedule)."""

    def __init__(self, pipeline: LocalPipeline, say: Callable[[str], None]) -> None:
        self.pipeline, self.say = pipeline, say
        self.injected: dict[str, str] = {}
        self.rounds = 0
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []

    def inject(self, topic: str) -> None:
        number = self.rounds
        self.rounds += 1

        def run() -> None:
            for _attempt in range(20):
                try:
                    marks = inject_poison(self.pipeline, topic, number)
                except Exception as exc:  # noqa: BLE001 (broker paused: try again)
                    self.say(f"poison into {topic} not confirmed yet ({exc.__class__.__name__}); retrying")
                    time.sleep(2)
                    continue
                with self._lock:
                    self.injected.update(marks)
                self.say(f"poison: {len(marks)} messages into {topic}")
                return

        thread = threading.Thread(target=run, name=f"poison-{number}", daemon=True)
        thread.start()
        self._threads.append(thread)

    def busy(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    def join(self) -> None:
        for thread in self._threads:
            thread.join(timeout=120)


def poison_in_dead_letters(pipeline: LocalPipeline, poison: dict[str, str]) -> set[str]:
    """The poison marks found in the dead-letter topic of the topic each was written to."""
    from sitrep.kafka import read_topic
    from sitrep.records import DeadLetter

    found: set[str] = set()
    for topic in sorted(set(poison.values())):
        for record in read_topic(pipeline.settings.kafka, topics.dlq(topic)):
            try:
                letter = DeadLetter.model_validate_json(record.value)
            except ValueError:
                continue
            if letter.source_topic != topic:
                continue
            start = letter.original[:400]
            head = base64.b64decode(start[: len(start) - len(start) % 4])
            found.update(mark for mark, where in poison.items() if where == topic and mark.encode() in head)
    return found


def raw_history(pipeline: LocalPipeline, report_ids: set[str],
                topic: str = topics.REPORTS_RAW) -> dict[str, list[str]]:
    """For diagnosis: every message of ``topic`` naming one of ``report_ids`` (partition@offset,
    revision, feed or event id, content hash), in log order."""
    from sitrep.kafka import read_topic

    history: dict[str, list[str]] = {rid: [] for rid in report_ids}
    for record in read_topic(pipeline.settings.kafka, topic):
        value_bytes = record.value or b""
        for rid in history:
            if rid.encode() not in value_bytes:
                continue
            with contextlib.suppress(ValueError):
                value = json.loads(value_bytes)
                history[rid].append(
                    f"{record.partition}@{record.offset} rev {value.get('revision')} "
                    f"{value.get('feed_id') or value.get('event_id')} "
                    f"hash {str(value.get('content_hash'))[:8]}")
    return history


# --- the checks --------------------------------------------------------------------------------------


def expected_final(load: Load) -> dict[str, Any]:
    """Report id → the last version published (what the index must hold)."""
    return {rid: versions[-1] for rid, versions in load.versions.items()}


def clean_run(load: Load) -> tuple[Counter[str], Counter[str], int]:
    """Per report: (most candidate events any of its versions yields, canonical events containing it
    in a fault-free in-order run of dedup → extract → fuse)."""
    from processors.extract import extract_events
    from processors.fusion import FusionRun, FusionSettings
    from processors.fusion.pipeline import replay_order
    from processors.normalize import clean_report

    candidates: Counter[str] = Counter()
    run = FusionRun(FusionSettings(), extractor=lambda report: extract_events(clean_report(report)))
    ordered = [version for versions in load.versions.values() for version in versions]
    for report in replay_order(ordered):
        cleaned = clean_report(report)
        candidates[report.report_id] = max(candidates[report.report_id], len(extract_events(cleaned)))
        run.add(report)
    membership: Counter[str] = Counter()
    events = run.events_out()
    for event in events:
        membership.update(set(event.report_ids))
    return candidates, membership, len(events)


@dataclass
class Verdict:
    figures: list[dict[str, Any]]
    failures: list[str]


def verify(pipeline: LocalPipeline, load: Load, poison: dict[str, str], *,
           say: Callable[[str], None]) -> Verdict:
    from sinks.indices import index_names
    from sitrep.textnorm import clean_text

    names = index_names(pipeline.settings)
    es = pipeline.es
    es.indices.refresh(index=f"{names.prefix}-*", ignore_unavailable=True)
    expected = expected_final(load)
    report_hits = list(scan(es, names.reports, ["report_id", "revision", "text", "duplicate_of"]))
    event_hits = list(scan(es, names.events, ["report_ids", "revision"]))
    say(f"checking {len(report_hits)} report and {len(event_hits)} event documents")
    report_ids = Counter(hit["_id"] for hit in report_hits)
    event_ids = Counter(hit["_id"] for hit in event_hits)
    same_id = sum(n - 1 for n in report_ids.values()) + sum(n - 1 for n in event_ids.values())

    def squash(text: str) -> str:
        return " ".join(clean_text(text).split())

    latest = {hit["_id"]: hit["_source"] for hit in report_hits}
    missing = [rid for rid in expected if rid not in latest]
    stale = [rid for rid, report in expected.items()
             if rid in latest and squash(latest[rid].get("text") or "") != squash(report.text)]
    unexpected = [rid for rid in latest if rid not in expected]
    candidates, clean_membership, clean_events = clean_run(load)
    membership: Counter[str] = Counter()
    for hit in event_hits:
        membership.update(set(hit["_source"].get("report_ids") or ()))
    doubled = [rid for rid, n in membership.items()
               if n > max(candidates.get(rid, 0), clean_membership.get(rid, 0))]
    events_missing = [rid for rid, n in candidates.items() if n and not membership[rid]]
    differs = [rid for rid in expected if membership[rid] != clean_membership[rid]]
    poison_events = [hit["_id"] for hit in event_hits if hit["_id"].startswith(POISON_MARK)]
    in_dlq = poison_in_dead_letters(pipeline, poison)
    figures = [
        {"metric": "reports_lost", "value": len(missing) + len(stale), "unit": "reports"},
        {"metric": "duplicate_documents", "value": same_id + len(doubled), "unit": "documents"},
        {"metric": "events_missing", "value": len(events_missing), "unit": "reports"},
        {"metric": "poison_injected", "value": len(poison), "unit": "messages"},
        {"metric": "poison_in_dlq", "value": len(in_dlq), "unit": "messages"},
        {"metric": "events_vs_clean_run", "value": len(event_ids) - clean_events, "unit": "events"},
        {"metric": "reports_in_other_event_count", "value": len(differs), "unit": "reports"},
        {"metric": "events_indexed", "value": len(event_ids), "unit": "events"},
        {"metric": "events_clean_run", "value": clean_events, "unit": "events"},
    ]
    failures = []
    suspects = set(missing[:3] + stale[:3] + events_missing[:3] + doubled[:3])
    if suspects:
        for rid, lines in raw_history(pipeline, suspects).items():
            indexed = latest.get(rid, {})
            say(f"diagnosis {rid} ({'farm' if rid in load.via_farm else 'direct'}; indexed revision "
                f"{indexed.get('revision')}, expected text hash {expected[rid].content_hash[:8]}): {lines}")
        for topic in (topics.REPORTS_NORMALIZED, topics.REPORTS_CLEAN):
            for rid, lines in raw_history(pipeline, set(missing[:3] + stale[:3]), topic).items():
                say(f"diagnosis {rid}: on {topic}: {lines or 'none'}")
        for rid, lines in raw_history(pipeline, set(events_missing[:3] + doubled[:3]), topics.EVENTS).items():
            say(f"diagnosis {rid}: canonical events naming it on the events topic: {lines or 'none'}")
    if missing:
        failures.append(f"{len(missing)} published reports missing from Elasticsearch (e.g. {missing[:3]})")
    if stale:
        failures.append(f"{len(stale)} reports indexed with an older revision's text (e.g. {stale[:3]})")
    if same_id:
        failures.append(f"{same_id} documents share an id with another document")
    if doubled:
        failures.append(f"{len(doubled)} reports counted in more canonical events than they describe "
                        f"(e.g. {doubled[:3]})")
    if events_missing:
        failures.append(f"{len(events_missing)} reports yield events but are in no canonical event "
                        f"(e.g. {events_missing[:3]})")
    if len(in_dlq) != len(poison):
        failures.append(f"poison not dead-lettered: {sorted(set(poison) - in_dlq)}")
    if unexpected or poison_events:
        failures.append(f"documents nobody published: {(unexpected + poison_events)[:5]}")
    return Verdict(figures, failures)


# --- the run -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChaosPlan:
    """Sizes and fault budget of one chaos run."""

    reports: int = 10_000
    load_s: float = 240.0
    feeds: int = 30
    farm_share: float = 0.25
    kills: int = 12
    broker_pause_s: float = 30.0
    es_outage_s: float = 60.0
    poison_rounds: int = 2  # × 3 kinds × 2 topics
    second_worker: tuple[float, float] = (0.15, 0.8)  # share of the load window it runs in
    drain_timeout_s: float = 420.0
    seed: int = 1

    @classmethod
    def short(cls) -> ChaosPlan:
        """The variant `make test` runs: 500 reports over 30 s, every kind of fault once or more, and
        a second worker joining and leaving (two rebalances, where Faust drops fetched messages: see
        processors/offsets.py)."""
        return cls(reports=500, load_s=30.0, feeds=6, farm_share=0.3, kills=3, broker_pause_s=5.0,
                   es_outage_s=6.0, poison_rounds=1, second_worker=(0.15, 0.8), drain_timeout_s=150.0)


@dataclass
class Fault:
    at_s: float
    kind: str
    target: str = ""


def schedule_faults(plan: ChaosPlan, rng: random.Random) -> list[Fault]:
    """Kills spread over the load window (each target at least once), one broker pause and one
    Elasticsearch outage in separate parts of it, poison rounds in between."""
    window = plan.load_s
    faults = []
    if plan.broker_pause_s:
        faults.append(Fault(window * 0.30, "pause-broker"))
    if plan.es_outage_s:
        faults.append(Fault(window * 0.55, "stop-elasticsearch"))
    targets = ["poller", "worker", "sink"]
    for n in range(plan.kills):
        slot = window * (0.05 + 0.9 * (n + rng.random()) / plan.kills)
        faults.append(Fault(slot, "kill", targets[n % 3] if n < 3 else rng.choice(targets)))
    for n in range(plan.poison_rounds):
        slot = window * (0.1 + 0.8 * (n + rng.random()) / plan.poison_rounds)
        faults += [Fault(slot, "poison", topics.REPORTS_RAW), Fault(slot + 1, "poison", topics.EVENTS)]
    lo, hi = plan.second_worker
    if hi > lo:
        faults += [Fault(window * lo, "scale-out"), Fault(window * hi, "scale-in")]
    return sorted(faults, key=lambda f: f.at_s)


def run_chaos(plan: ChaosPlan, state_dir: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Run the plan; returns (metric lines, failures)."""
    from sitrep.supervisor import sitrep_argv

    started = time.monotonic()
    say = lambda line: _say(started, line)  # noqa: E731
    rng = random.Random(plan.seed)
    load = plan_load(plan.reports, seed=plan.seed, load_s=plan.load_s, feeds=plan.feeds,
                     farm_share=plan.farm_share)
    say(f"{len(load.versions)} reports: {len(load.farm)} through the feed farm ({plan.feeds} feeds), "
        f"{len(load.direct)} messages straight to reports.raw; state in {state_dir}")
    faults = schedule_faults(plan, rng)
    poller_env = {"SITREP_POLLER__POLITENESS_DELAY_S": "0", "SITREP_POLLER__PER_HOST_CONCURRENCY": "8",
                  "SITREP_POLLER__FULLTEXT": "false", "SITREP_POLLER__BACKOFF_BASE_S": "1",
                  "SITREP_POLLER__PUBLISH_TIMEOUT_S": "10"}
    figures: list[dict[str, Any]] = []
    failures: list[str] = []
    injected = 0
    with FeedFarm(load.farm, plan.feeds) as farm, \
            LocalPipeline(state_dir, extra_env=poller_env, say=say) as pipeline:
        registry = farm.registry(state_dir / "farm.toml")
        sup = pipeline.supervisor
        sup.add("worker-1", sitrep_argv("worker"))
        sup.add("sink", sitrep_argv("sink", "--progress-every", "0"))
        say("waiting for the worker and sink to join their groups")
        time.sleep(5)
        farm.started = time.monotonic()
        load_started = time.monotonic()
        sup.add("poller", sitrep_argv("poll", "--registry", str(registry), "--demo-url", farm.base_url,
                                      "--no-fulltext"))
        producer = DirectProducer(pipeline, load.direct, load_started)
        producer.start()
        pending = list(faults)
        poisoner = PoisonInjector(pipeline, say)
        resume: list[tuple[float, Callable[[], None]]] = []
        last_progress = 0.0

        def elapsed() -> float:
            return time.monotonic() - load_started

        while pending or resume or not producer.done() or poisoner.busy():
            now = elapsed()
            for when, action in [r for r in resume if r[0] <= now]:
                action()
                resume.remove((when, action))
            while pending and pending[0].at_s <= now:
                fault = pending.pop(0)
                if fault.kind == "kill":
                    names = [n for n in sup.children if n.startswith(fault.target) and sup.children[n].alive()
                             and not sup.children[n].stopping]
                    if names:
                        name = rng.choice(names)
                        sup.kill(name, signal.SIGKILL)
                        injected += 1
                        say(f"fault {injected}: SIGKILL {name}")
                elif fault.kind == "pause-broker":
                    pid = pipeline.service_pid("kafka")
                    assert pid
                    os.kill(pid, signal.SIGSTOP)
                    injected += 1
                    say(f"fault {injected}: broker paused (SIGSTOP {pid}) for {plan.broker_pause_s:.0f}s")

                    def cont(pid: int = pid) -> None:
                        os.kill(pid, signal.SIGCONT)
                        say("broker resumed (SIGCONT)")
                    resume.append((now + plan.broker_pause_s, cont))
                elif fault.kind == "stop-elasticsearch":
                    es_pid = pipeline.service_pid("elasticsearch")
                    assert es_pid
                    os.killpg(es_pid, signal.SIGSTOP)
                    injected += 1
                    say(f"fault {injected}: Elasticsearch down (frozen, SIGSTOP {es_pid}) for {plan.es_outage_s:.0f}s")

                    def thaw_es(pid: int = es_pid) -> None:
                        os.killpg(pid, signal.SIGCONT)
                        say("Elasticsearch back (SIGCONT)")
                    resume.append((now + plan.es_outage_s, thaw_es))
                elif fault.kind == "poison":
                    poisoner.inject(fault.target)
                elif fault.kind == "scale-out":
                    sup.add("worker-2", sitrep_argv("worker"))
                    say("scale-out: second worker started")
                elif fault.kind == "scale-in":
                    child = sup.children.get("worker-2")
                    if child is not None:
                        child.stopping = True
                        sup.kill("worker-2", signal.SIGTERM)
                        say("scale-in: second worker stopped (SIGTERM)")
            sup.poll()
            if producer.error is not None:
                raise producer.error
            if now - last_progress >= 10:
                last_progress = now
                with contextlib.suppress(Exception):
                    # a short timeout: a frozen Elasticsearch must not hold up the fault schedule
                    reports, events = pipeline.counts(timeout_s=2.0)
                    say(f"sent {producer.sent}/{len(load.direct)} direct, farm {farm.requests['200']}×200 "
                        f"{farm.requests['304']}×304; indexed {reports} reports, {events} events")
            time.sleep(0.1)
        say(f"load done ({producer.sent} direct messages confirmed, {producer.resent} re-sent); "
            "waiting for the farm's last items to be polled and everything to drain")
        expected = expected_final(load)
        drained_since: float | None = None
        deadline = time.monotonic() + plan.drain_timeout_s
        last_state: Any = None
        while time.monotonic() < deadline:
            sup.poll()
            try:
                reports, events = pipeline.counts()
                by_topic = pipeline.lag_by_topic()
                lag = sum(by_topic.values()) if by_topic else -1
            except Exception as exc:  # noqa: BLE001
                say(f"not answering yet: {exc.__class__.__name__}")
                time.sleep(1)
                continue
            state = (reports, events, lag)
            if reports >= len(expected) and lag == 0 and state == last_state:
                drained_since = drained_since or time.monotonic()
                if time.monotonic() - drained_since >= 5:
                    break
            else:
                drained_since = None
            if state != last_state:
                behind = ", ".join(f"{name} {n}" for name, n in by_topic.items() if n)
                say(f"draining: {reports}/{len(expected)} reports, {events} events indexed, lag {lag}"
                    + (f" ({behind})" if behind else ""))
            last_state = state
            time.sleep(1)
        else:
            failures.append(f"not drained within {plan.drain_timeout_s:.0f}s (last: {last_state})")
            with contextlib.suppress(Exception):
                for line in pipeline.stuck_partitions():
                    say(f"behind: {line}")
            for line in pipeline.log_warnings():
                say(f"log: {line}")
        restarts = {name: child.restarts for name, child in sup.children.items()}
        say(f"restarts: {restarts}")
        poisoner.join()
        verdict = verify(pipeline, load, poisoner.injected, say=say)
        figures = [
            {"metric": "reports_sent", "value": len(load.versions), "unit": "reports"},
            {"metric": "faults_injected", "value": injected, "unit": "faults"},
            *verdict.figures,
        ]
        failures += verdict.failures
    figures.append({"metric": "wall_time_s", "value": round(time.monotonic() - started, 1), "unit": "s"})
    return figures, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.chaos", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, help="distinct reports to publish (10000; --short: 500)")
    parser.add_argument("--short", action="store_true", help="the short variant (make test): ~500 reports")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--load-s", type=float, help="spread the load over this many seconds")
    parser.add_argument("--no-faults", action="store_true",
                        help="the same load without any fault (a baseline for the figures)")
    parser.add_argument("--keep", type=Path, help="state directory to use and keep (logs, data)")
    args = parser.parse_args(argv)
    plan = ChaosPlan.short() if args.short else ChaosPlan()
    if args.reports:
        plan = ChaosPlan(**{**plan.__dict__, "reports": args.reports})
    plan = ChaosPlan(**{**plan.__dict__, "seed": args.seed})
    if args.load_s:
        plan = ChaosPlan(**{**plan.__dict__, "load_s": args.load_s})
    if args.no_faults:
        plan = ChaosPlan(**{**plan.__dict__, "kills": 0, "broker_pause_s": 0.0, "es_outage_s": 0.0,
                            "poison_rounds": 0, "second_worker": (0.0, 0.0)})
    with contextlib.ExitStack() as stack:
        if args.keep:
            state = args.keep
            state.mkdir(parents=True, exist_ok=True)
        else:
            state = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="sitrep-chaos-")))
        try:
            figures, failures = run_chaos(plan, state)
        except KeyboardInterrupt:
            print("chaos: interrupted; everything started was stopped", file=sys.stderr)
            return 130
    for figure in figures:
        print(json.dumps(figure), flush=True)
    for failure in failures:
        print(f"chaos: FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
