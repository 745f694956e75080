"""The sink against the real stand-ins (Tansu of this test's own, the session's noida-db)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest

from sinks.elasticsearch import ElasticsearchSink, elasticsearch_client
from sinks.indices import index_names
from sinks.search import count, search
from sinks.settings import SinkSettings
from sitrep import topics
from sitrep.kafka import ensure_topics, make_producer
from sitrep.records import Alert, DeadLetter, Event, Location, Report
from sitrep.settings import Settings

pytestmark = pytest.mark.integration

FAST = SinkSettings(batch_max_wait_s=0.1, poll_timeout_s=0.1, backoff_base_s=0.05, backoff_cap_s=0.5)
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


@pytest.fixture()
def settings(stack_settings: Settings, fresh_kafka: str) -> Settings:
    """The session's Elasticsearch with a fresh index prefix, and a Kafka broker of this test's own."""
    return with_overrides(
        stack_settings, kafka={"bootstrap": fresh_kafka}, elasticsearch={"request_timeout_s": 2.0}
    )


def with_overrides(settings: Settings, **sections: Any) -> Settings:
    data = settings.model_dump()
    for name, values in sections.items():
        data[name] = {**data[name], **values} if isinstance(values, dict) else values
    return Settings(**data)


def report(report_id: str, revision: int = 1, title: str = "", text: str = "", **kw: Any) -> Report:
    return Report(
        report_id=report_id,
        revision=revision,
        title=title,
        text=text,
        published_at=kw.pop("published_at", NOW),
        **kw,
    )


def event(event_id: str, revision: int = 1, fatalities: int = 1) -> Event:
    return Event(
        event_id=event_id,
        revision=revision,
        event_type="Battles",
        sub_event_type="Armed clash",
        event_date=date(2026, 11, 24),
        actor1="Military Forces of Syria",
        actor2="Islamic State",
        fatalities=fatalities,
        summary="اشتباكات في دير الزور",
        location=Location(
            name="Deir ez-Zor",
            name_ar="دير الزور",
            admin1="Deir ez-Zor",
            country="Syria",
            lat=35.33,
            lon=40.14,
        ),
    )


def produce(settings: Settings, messages: list[tuple[str, bytes]]) -> None:
    producer = make_producer(settings.kafka)
    try:
        for topic, value in messages:
            producer.send(topic, value=value).get(timeout=10)
    finally:
        producer.close()


def wait_until(check: Callable[[], bool], timeout_s: float = 20.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


class RunningSink:
    """A sink running in a thread; stopped and joined on exit."""

    def __init__(self, settings: Settings, group_id: str, sink_settings: SinkSettings = FAST) -> None:
        self.sink = ElasticsearchSink(settings, group_id=group_id, sink_settings=sink_settings)
        self.stop = threading.Event()
        self.errors: list[BaseException] = []
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            self.sink.run(self.stop)
        except BaseException as exc:  # surfaced by the test
            self.errors.append(exc)

    def __enter__(self) -> ElasticsearchSink:
        self.thread.start()
        return self.sink

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=30)
        assert not self.thread.is_alive(), "sink did not stop"
        assert not self.errors, self.errors


def dead_letters(settings: Settings, topic: str, expected: int) -> list[DeadLetter]:
    from kafka import KafkaConsumer

    consumer = KafkaConsumer(
        topics.dlq(topic),
        **settings.kafka.kafka_python_config(),
        auto_offset_reset="earliest",
        consumer_timeout_ms=5000,
    )
    letters: list[DeadLetter] = []
    try:
        for message in consumer:
            letters.append(DeadLetter.model_validate_json(message.value))
            if len(letters) >= expected:
                break
    finally:
        consumer.close()
    return letters


@pytest.fixture()
def es(settings: Settings) -> Iterator[Any]:
    client = elasticsearch_client(settings)
    yield client
    created = client.indices.get(index=f"{settings.elasticsearch.index_prefix}-*")
    for name in created:  # one by one: wildcard deletes may be disabled
        client.indices.delete(index=name, ignore_unavailable=True)
    client.close()


def test_indexes_idempotently_dead_letters_bad_input_and_keeps_newest_revision(
    settings: Settings, es: Any
) -> None:
    # The monthly layout lets the test plant a month whose index has a conflicting mapping.
    settings = with_overrides(settings, elasticsearch={"reports_layout": "monthly"})
    ensure_topics(settings.kafka)
    names = index_names(settings)
    # A month whose index holds a conflicting mapping: Elasticsearch rejects that report (400).
    es.indices.create(
        index=names.reports_index(datetime(1999, 1, 1)),
        mappings={"properties": {"title": {"type": "integer"}}},
    )
    good_reports = [
        report(f"r{i}", title=f"اشتباكات في دير الزور {i}", text="قتل عناصر بالقصف") for i in range(5)
    ]
    messages = [(topics.REPORTS_CLEAN, r.model_dump_json().encode()) for r in good_reports]
    messages += [
        (topics.REPORTS_CLEAN, report("rv", 2, title="revision two").model_dump_json().encode()),
        (topics.REPORTS_CLEAN, report("rv", 1, title="revision one").model_dump_json().encode()),
        (topics.REPORTS_CLEAN, b"{not json"),
        (
            topics.REPORTS_CLEAN,
            report("conflict", title="x", published_at=datetime(1999, 1, 5, tzinfo=UTC))
            .model_dump_json()
            .encode(),
        ),
        (topics.EVENTS, event("e1", 1, fatalities=3).model_dump_json().encode()),
        (topics.EVENTS, event("e1", 3, fatalities=7).model_dump_json().encode()),
        (topics.EVENTS, event("e1", 2, fatalities=5).model_dump_json().encode()),
        (
            topics.EVENTS,
            json.dumps(
                {
                    "event_id": "bad",
                    "event_type": "Battles",
                    "sub_event_type": "Brawl",
                    "event_date": "2026-11-24",
                }
            ).encode(),
        ),
        (
            topics.ALERTS,
            Alert(alert_id="a1", rule="clash", kind="new", event_id="e1", summary="New clash in Deir ez-Zor")
            .model_dump_json()
            .encode(),
        ),
    ]
    produce(settings, messages)
    # One more good report after the bad ones: the stream does not stop.
    after = report("after", title="after the bad ones")
    produce(settings, [(topics.REPORTS_CLEAN, after.model_dump_json().encode())])

    with RunningSink(settings, "sink-a") as sink:
        wait_until(
            lambda: (
                sink.metrics.consumed >= len(messages) + 1
                and sink.metrics.commits > 0
                and sink.metrics.dead_lettered >= 3
            ),
            what="the sink to consume everything",
        )
    es.indices.refresh(index=f"{settings.elasticsearch.index_prefix}-*")
    assert count(es, settings, "report") == 7  # r0..r4, rv, after (the conflicting one went to the DLQ)
    assert count(es, settings, "event") == 1
    assert count(es, settings, "alert") == 1
    rv = es.search(index=names.reports, query={"ids": {"values": ["rv"]}})["hits"]["hits"][0]["_source"]
    assert rv["revision"] == 2 and rv["title"] == "revision two"
    e1 = es.get(index=names.events, id="e1")
    assert e1["_version"] == 3 and e1["_source"]["fatalities"] == 7

    letters = dead_letters(settings, topics.REPORTS_CLEAN, 2)
    assert sorted(letter.error_class for letter in letters) == ["DocumentRejected", "InvalidRecord"]
    rejected = next(letter for letter in letters if letter.error_class == "DocumentRejected")
    assert "400" in rejected.message and rejected.source_topic == topics.REPORTS_CLEAN
    assert rejected.source_offset is not None
    (bad_event,) = dead_letters(settings, topics.EVENTS, 1)
    assert bad_event.error_class == "InvalidRecord" and "sub_event_type" in bad_event.message

    hits = search(es, settings, "الاشتباكات").hits
    assert {h.id for h in hits} >= {"r0", "e1"}
    assert any("«" in h.best_highlight() for h in hits)

    # Replay everything from the start with a new group: nothing is duplicated or downgraded.
    with RunningSink(settings, "sink-replay") as replay:
        wait_until(
            lambda: replay.metrics.consumed >= len(messages) + 1 and replay.metrics.commits > 0,
            what="the replay",
        )
    es.indices.refresh(index=f"{settings.elasticsearch.index_prefix}-*")
    assert replay.metrics.written == 0 and replay.metrics.ignored >= 10
    assert count(es, settings, "report") == 7 and count(es, settings, "event") == 1
    assert es.get(index=names.events, id="e1")["_source"]["fatalities"] == 7

    # The first group committed after its bulk: a restart of it reads nothing again.
    with RunningSink(settings, "sink-a") as again:
        time.sleep(4.0)
    assert again.metrics.consumed == 0


def test_rollover_keeps_one_copy_of_each_report_across_rollovers(settings: Settings, es: Any) -> None:
    """Reports behind the write alias; the sink rolls it over (no ILM here) after every document.
    Revisions and replays that arrive after a rollover update the report in its first index."""
    settings = with_overrides(
        settings, elasticsearch={"reports_layout": "rollover", "rollover_max_docs": 1, "rollover_check_s": 0.01}
    )
    ensure_topics(settings.kafka)
    names = index_names(settings)
    first = [report(f"r{i}", title=f"first {i}") for i in range(3)]
    with RunningSink(settings, "sink-rollover") as sink:
        for n, r in enumerate(first, start=1):  # one at a time, so rollovers fall between them
            produce(settings, [(topics.REPORTS_CLEAN, r.model_dump_json().encode())])
            wait_until(lambda n=n: sink.metrics.written >= n, what="the report to be indexed")  # type: ignore[misc]
            es.indices.refresh(index=names.reports)
            time.sleep(0.05)
        later = [report("r0", 2, title="r0 revised"), report("r1", 1, title="first 1"), report("new", title="new")]
        produce(settings, [(topics.REPORTS_CLEAN, r.model_dump_json().encode()) for r in later])
        wait_until(lambda: sink.metrics.consumed >= 6 and sink.metrics.written + sink.metrics.ignored >= 6,
                   what="the later reports to be indexed")
        assert sink.router.rollovers >= 2 and sink.router.lookups >= 1
    es.indices.refresh(index=names.reports)
    indices = sorted(es.indices.get_alias(name=names.reports_write))
    assert len(indices) >= 3, indices
    hits = es.search(index=names.reports, query={"match_all": {}}, size=20)["hits"]["hits"]
    where = {h["_id"]: h["_index"] for h in hits}
    assert sorted(h["_id"] for h in hits) == ["new", "r0", "r1", "r2"]  # one copy each
    assert where["r0"] == names.first_reports_index
    r0 = next(h for h in hits if h["_id"] == "r0")["_source"]
    assert r0["revision"] == 2 and r0["title"] == "r0 revised"


def test_pauses_while_elasticsearch_is_down_and_resumes_by_itself(settings: Settings, tmp_path: Any) -> None:
    import os
    import signal

    from sitrep.services import ELASTICSEARCH, LocalServices, free_port

    own = with_overrides(settings, services={"elasticsearch_port": free_port()}, state_dir=tmp_path / "own")
    services = LocalServices(own)
    services.up((ELASTICSEARCH,))
    pid = services._read_pid(ELASTICSEARCH)
    assert pid
    own = with_overrides(own, elasticsearch={"url": services.address(ELASTICSEARCH)})
    ensure_topics(own.kafka)
    es = elasticsearch_client(own)
    first = [report(f"before{i}", title="before the outage") for i in range(5)]
    second = [report(f"during{i}", title="during the outage") for i in range(20)]
    try:
        with RunningSink(own, "sink-outage") as sink:
            produce(own, [(topics.REPORTS_CLEAN, r.model_dump_json().encode()) for r in first])
            wait_until(lambda: sink.metrics.written == 5, what="the first reports")
            os.killpg(pid, signal.SIGSTOP)
            try:
                produce(own, [(topics.REPORTS_CLEAN, r.model_dump_json().encode()) for r in second[:5]])
                wait_until(lambda: sink.paused and sink.metrics.unavailable_waits >= 1, what="the pause")
                consumed = sink.metrics.consumed
                produce(own, [(topics.REPORTS_CLEAN, r.model_dump_json().encode()) for r in second[5:]])
                time.sleep(1.5)
                assert sink.metrics.consumed == consumed, "a paused sink must not read on"
                assert sink.metrics.written == 5
            finally:
                os.killpg(pid, signal.SIGCONT)
            # A request that timed out may still have been applied by the frozen server: its retry
            # then meets the same version (409, ignored). Either way each report is there once.
            wait_until(
                lambda: sink.metrics.written + sink.metrics.ignored == 25 and not sink.paused,
                what="the resume",
            )
        es.indices.refresh(index=index_names(own).reports)
        assert count(es, own, "report") == 25
    finally:
        es.close()
        services.down((ELASTICSEARCH,))
