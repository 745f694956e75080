"""The sink loop with fake edges: commit after the covering bulk, DLQ, policies, pause/resume."""

from __future__ import annotations

import json
import random
import time
from datetime import UTC, datetime

import pytest
from elasticsearch import ConnectionError as ESConnectionError
from sink_fakes import FakeConsumer, FakeES, FakeProducer, FakeRecord, raising, statuses

from sinks.elasticsearch import ElasticsearchSink
from sinks.settings import SinkSettings
from sitrep import topics
from sitrep.errors import ConfigError
from sitrep.records import DeadLetter, Report
from sitrep.settings import Settings


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def report_bytes(report_id: str) -> bytes:
    return (
        Report(report_id=report_id, title="t", published_at=datetime(2026, 11, 1, tzinfo=UTC))
        .model_dump_json()
        .encode()
    )


def make_sink(
    settings: Settings,
    es: FakeES,
    consumer: FakeConsumer,
    producer: FakeProducer | None = None,
    **sink_kw: object,
) -> ElasticsearchSink:
    sink_settings = SinkSettings(**{"batch_max_docs": 100, "batch_max_wait_s": 1.0, **sink_kw})  # type: ignore[arg-type]
    sink = ElasticsearchSink(
        settings,
        es=es,
        consumer=consumer,
        producer=producer or FakeProducer(),
        sink_settings=sink_settings,
        clock=Clock(),
        rng=random.Random(0),
        ensure=False,
    )
    return sink


def committed(consumer: FakeConsumer) -> dict[tuple[str, int], int]:
    merged: dict[tuple[str, int], int] = {}
    for offsets in consumer.commits:
        for tp, meta in offsets.items():
            merged[(tp.topic, tp.partition)] = meta.offset
    return merged


def test_commits_after_the_bulk_and_dead_letters_bad_messages(settings: Settings) -> None:
    consumer = FakeConsumer(
        [
            [
                FakeRecord(topics.REPORTS_CLEAN, 0, 10, report_bytes("r1")),
                FakeRecord(topics.REPORTS_CLEAN, 0, 11, b"not json", key=b"k"),
                FakeRecord(topics.REPORTS_CLEAN, 1, 5, report_bytes("r2")),
                FakeRecord(topics.EVENTS, 0, 3, b'{"event_id": "x"}'),
            ]
        ]
    )
    es = FakeES(statuses(201, 400))
    producer = FakeProducer()
    sink = make_sink(settings, es, consumer, producer)
    counted: list[DeadLetter] = []
    sink.on_dead_letter = counted.append
    sink.run_once()
    assert consumer.commits == []  # the batch is not due yet
    sink.flush()
    assert committed(consumer) == {
        (topics.REPORTS_CLEAN, 0): 12,
        (topics.REPORTS_CLEAN, 1): 6,
        (topics.EVENTS, 0): 4,
    }
    letters = [(topic, DeadLetter.model_validate_json(value)) for topic, value, _ in producer.sent]
    assert [t for t, _ in letters] == [
        topics.dlq(topics.REPORTS_CLEAN),
        topics.dlq(topics.REPORTS_CLEAN),
        topics.dlq(topics.EVENTS),
    ]
    by_offset = {letter.source_offset: letter for _, letter in letters}
    assert by_offset[11].error_class == "InvalidRecord" and by_offset[11].original_key is not None
    assert by_offset[5].error_class == "DocumentRejected" and "400" in by_offset[5].message
    assert by_offset[3].error_class == "InvalidRecord"
    assert sink.metrics.written == 1 and sink.metrics.dead_lettered == 3
    assert sorted(letter.source_offset or 0 for letter in counted) == [3, 5, 11]


def test_flushes_when_the_batch_is_full_or_due(settings: Settings) -> None:
    records = [FakeRecord(topics.REPORTS_CLEAN, 0, i, report_bytes(f"r{i}")) for i in range(5)]
    consumer = FakeConsumer([records, [], []])
    es = FakeES()
    sink = make_sink(settings, es, consumer, batch_max_docs=2)
    sink.run_once()
    sink.wait_in_flight()
    assert [len(r) // 2 for r in es.requests] == [2, 2]  # two full batches, one message waits
    assert committed(consumer) == {(topics.REPORTS_CLEAN, 0): 4}
    sink.run_once()
    assert len(es.requests) == 2
    sink.clock.now = 1.5  # type: ignore[attr-defined]
    sink.run_once()
    sink.wait_in_flight()
    assert len(es.requests) == 3 and committed(consumer) == {(topics.REPORTS_CLEAN, 0): 5}


def test_batches_by_bytes(settings: Settings) -> None:
    from sinks.documents import document_size

    big = Report(report_id="big", text="x" * 3000).model_dump_json().encode()
    size = document_size(len(big))
    consumer = FakeConsumer([[FakeRecord(topics.REPORTS_CLEAN, 0, i, big) for i in range(5)]])
    es = FakeES()
    sink = make_sink(settings, es, consumer, batch_max_bytes=2 * size)
    sink.run_once()
    sink.wait_in_flight()
    assert [len(r) // 2 for r in es.requests] == [2, 2]


def test_replays_are_ignored_not_dead_lettered(settings: Settings) -> None:
    consumer = FakeConsumer([[FakeRecord(topics.REPORTS_CLEAN, 0, 0, report_bytes("r1"))]])
    producer = FakeProducer()
    sink = make_sink(settings, FakeES(statuses(409)), consumer, producer)
    sink.run_once()
    sink.flush()
    assert (
        sink.metrics.ignored == 1
        and producer.sent == []
        and committed(consumer) == {(topics.REPORTS_CLEAN, 0): 1}
    )


def test_retryable_item_failures_end_in_the_dlq_with_an_error_metric(settings: Settings) -> None:
    consumer = FakeConsumer([[FakeRecord(topics.REPORTS_CLEAN, 0, 0, report_bytes("r1"))]])
    producer = FakeProducer()
    sink = make_sink(settings, FakeES(statuses(500), statuses(500)), consumer, producer, item_max_attempts=2)
    sink.sleep = lambda _s: None
    sink.run_once()
    sink.flush()
    ((_, value, headers),) = producer.sent
    assert DeadLetter.model_validate_json(value).error_class == "RetriesExhausted"
    assert ("error.class", b"RetriesExhausted") in headers
    assert sink.metrics.errors == 1 and committed(consumer) == {(topics.REPORTS_CLEAN, 0): 1}


def test_pauses_consumption_while_elasticsearch_is_down_then_resumes(settings: Settings) -> None:
    consumer = FakeConsumer([[FakeRecord(topics.REPORTS_CLEAN, 0, 0, report_bytes("r1"))]])
    down = raising(ESConnectionError("refused"))
    es = FakeES(down, down, down, statuses(201))
    sink = make_sink(settings, es, consumer, pause_after_s=0.01, poll_timeout_s=0.01)
    sink.sleep = lambda _s: time.sleep(0.03)  # each backoff takes a little real time
    sink.run_once()
    sink.flush()
    assert consumer.polls_while_paused >= 2  # waited by polling paused partitions (group stays alive)
    assert consumer.paused_partitions == set() and not sink.paused
    assert committed(consumer) == {(topics.REPORTS_CLEAN, 0): 1} and sink.metrics.written == 1


def test_nothing_is_committed_when_stopping_during_an_outage(settings: Settings) -> None:
    import threading

    consumer = FakeConsumer([[FakeRecord(topics.REPORTS_CLEAN, 0, 0, report_bytes("r1"))]])
    stop = threading.Event()
    es = FakeES(*[raising(ESConnectionError("refused"))] * 100)
    sink = make_sink(settings, es, consumer)
    original_poll = consumer.poll

    def poll_then_stop(timeout_ms: int = 0, max_records: int | None = None) -> dict:
        result = original_poll(timeout_ms, max_records)
        stop.set()
        return result

    consumer.poll = poll_then_stop  # type: ignore[method-assign]
    sink.run(stop)
    assert consumer.commits == [] and consumer.closed


@pytest.mark.parametrize("policy", ["skip", "fail"])
def test_invalid_policy(policy: str) -> None:
    settings = Settings(on_invalid=policy, elasticsearch={"index_prefix": "u"})
    consumer = FakeConsumer([[FakeRecord(topics.ALERTS, 0, 0, b"[]")]])
    producer = FakeProducer()
    sink = make_sink(settings, FakeES(), consumer, producer)
    sink.run_once()
    if policy == "fail":
        with pytest.raises(ConfigError, match="SITREP_ON_INVALID=dlq"):
            sink.flush()
        assert consumer.commits == []
    else:
        sink.flush()
        assert (
            sink.metrics.skipped == 1
            and producer.sent == []
            and committed(consumer) == {(topics.ALERTS, 0): 1}
        )


def test_bulk_body_carries_external_versions(settings: Settings) -> None:
    revised = Report(report_id="r1", revision=7, title="t").model_dump_json().encode()
    consumer = FakeConsumer([[FakeRecord(topics.REPORTS_CLEAN, 0, 0, revised)]])
    es = FakeES()
    sink = make_sink(settings, es, consumer)
    sink.run_once()
    sink.flush()
    action = es.requests[0][0]["index"]
    assert action["_id"] == "r1" and action["version"] == 7 and action["version_type"] == "external"
    assert json.loads(json.dumps(es.requests[0][1]))["report_id"] == "r1"


def test_bulks_in_flight_together_commit_in_batch_order(settings: Settings) -> None:
    import threading

    first_may_finish = threading.Event()
    second_done = threading.Event()

    def respond(operations: list[dict[str, object]]) -> dict[str, object]:
        if "r0" in json.dumps(operations, default=str):  # the first batch's bulk is slow
            assert first_may_finish.wait(5)
        else:
            second_done.set()
        return statuses(*[201] * (len(operations) // 2))(operations)

    records = [FakeRecord(topics.REPORTS_CLEAN, 0, i, report_bytes(f"r{i}")) for i in range(4)]
    consumer = FakeConsumer([records, [], []])
    es = FakeES(respond, respond)
    sink = make_sink(settings, es, consumer, batch_max_docs=2, max_in_flight=2)
    sink.run_once()  # both batches submitted: two bulks in flight
    assert second_done.wait(5)  # the second bulk finished while the first still runs
    sink.run_once()
    assert committed(consumer) == {}  # nothing committed past the unfinished first batch
    first_may_finish.set()
    sink.wait_in_flight()
    assert committed(consumer) == {(topics.REPORTS_CLEAN, 0): 4}
    assert sink.metrics.written == 4


class _Coordinator:
    def __init__(self, state: str) -> None:
        self.state = state


def test_a_consumer_that_cannot_rejoin_its_group_gives_up(settings: Settings) -> None:
    from sinks.errors import GroupJoinStalled

    consumer = FakeConsumer()
    consumer._coordinator = _Coordinator("<rebalancing>")  # type: ignore[attr-defined]
    sink = make_sink(settings, FakeES(statuses()), consumer, rejoin_after_s=60.0)
    clock = sink.clock
    assert isinstance(clock, Clock)
    sink.run_once()
    clock.now = 59.0
    sink.run_once()  # a rebalance may take a while
    consumer._coordinator.state = "<stable>"  # type: ignore[attr-defined]
    clock.now = 100.0
    sink.run_once()  # joined: the clock starts again at the next rebalance
    consumer._coordinator.state = "<unjoined>"  # type: ignore[attr-defined]
    clock.now = 130.0
    sink.run_once()
    clock.now = 189.0
    sink.run_once()
    clock.now = 190.5
    with pytest.raises(GroupJoinStalled, match="has not rejoined group 'sitrep-sink' for 60s"):
        sink.run_once()


def test_a_commit_refused_mid_rebalance_does_not_stop_the_sink(settings: Settings) -> None:
    from kafka.errors import RebalanceInProgressError

    class Rebalancing(FakeConsumer):
        refusals = 1

        def commit(self, offsets: dict[object, object]) -> None:
            if self.refusals:
                self.refusals -= 1
                raise RebalanceInProgressError("the group is rebalancing")
            super().commit(offsets)

    consumer = Rebalancing([[FakeRecord(topics.REPORTS_CLEAN, 0, 10, report_bytes("r1"))],
                            [FakeRecord(topics.REPORTS_CLEAN, 0, 11, report_bytes("r2"))]])
    sink = make_sink(settings, FakeES(), consumer)
    sink.run_once()
    sink.flush()  # written; its commit refused
    sink.run_once()
    sink.flush()
    assert committed(consumer) == {(topics.REPORTS_CLEAN, 0): 12}  # the next commit covers both
