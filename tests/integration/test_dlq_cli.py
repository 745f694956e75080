"""`sitrep dlq list|show|replay` against a Tansu broker of the test's own: letters written the way the
stages write them, replayed to their source topic once, however often the replay runs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sitrep import topics
from sitrep.cli import build_parser
from sitrep.deadletter import make_dead_letter
from sitrep.dlq import REPLAY_HEADER, ReplayState, read_letters, replay, replay_state_path
from sitrep.kafka import ensure_topics, make_producer, publish_dead_letter
from sitrep.settings import Settings

pytestmark = pytest.mark.integration

RAW_DLQ = topics.dlq(topics.REPORTS_RAW)


def run(settings: Settings, *argv: str) -> int:
    args = build_parser().parse_args(["dlq", *argv])
    return int(args.func(args, settings))


def read_topic(settings: Settings, topic: str) -> list[Any]:
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(**settings.kafka.kafka_python_config(), group_id=None, enable_auto_commit=False)
    try:
        partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        end = consumer.end_offsets(partitions)
        records: list[Any] = []
        while any(consumer.position(tp) < end[tp] for tp in partitions):
            for batch in consumer.poll(timeout_ms=500).values():
                records.extend(batch)
        return records
    finally:
        consumer.close()


@pytest.fixture()
def settings(fresh_kafka: str, tmp_path: Path) -> Settings:
    settings = Settings(kafka={"bootstrap": fresh_kafka}, state_dir=tmp_path / "state")
    ensure_topics(settings.kafka, [topics.REPORTS_RAW, RAW_DLQ, topics.dlq(topics.EVENTS)])
    producer = make_producer(settings.kafka, batch_size=16)
    try:
        for i, (original, error) in enumerate(
            [
                (b'{"report_id": "r0"', ValueError("Unterminated string")),
                (b'{"report_id": "r1", "schema": 99}', KeyError("title")),
                ("تقرير r2".encode(), ValueError("not JSON")),
            ]
        ):
            letter = make_dead_letter(
                original,
                error,
                stage="normalize",
                key=f"r{i}".encode(),
                topic=topics.REPORTS_RAW,
                partition=0,
                offset=100 + i,
            )
            publish_dead_letter(producer, topics.REPORTS_RAW, letter)
        producer.send(RAW_DLQ, value=b"poison, not an envelope").get(timeout=30)
    finally:
        producer.close(10)
    return settings


def test_list_and_show(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(settings, "list") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "reports.raw.dlq: 4 letters"
    assert "ValueError (normalize): Unterminated string" in out[1] and "reports.raw[0]@100" in out[1]
    assert "KeyError (normalize): 'title'" in out[2]
    assert "UNREADABLE" in out[4]
    assert not any("events.dlq" in line for line in out)  # empty DLQs are left out

    assert run(settings, "list", "events", "-n", "5") == 0
    assert capsys.readouterr().out.strip() == "no dead letters in events.dlq"

    assert run(settings, "show", "reports.raw", "--offset", "2") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["original"] == "تقرير r2" and shown["original_key"] == "r2"
    assert shown["envelope"]["error_class"] == "ValueError" and shown["dlq"]["offset"] == 2

    assert run(settings, "show", "reports.raw.dlq", "-n", "2") == 0
    out = capsys.readouterr().out
    assert out.count('"dlq"') == 2 and "poison, not an envelope" in out

    assert run(settings, "show", "reports.raw", "--offset", "99") == 1
    assert "no letter at offset 99" in capsys.readouterr().err


def test_replay_publishes_originals_once(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(settings, "replay", "reports.raw", "--error-class", "ValueError", "--dry-run") == 0
    captured = capsys.readouterr()
    assert "would re-publish 2 (reports.raw=2)" in captured.err
    assert read_topic(settings, topics.REPORTS_RAW) == []

    assert run(settings, "replay", "reports.raw", "--error-class", "ValueError") == 0
    err = capsys.readouterr().err
    assert "replayed 2/2" in err and "re-published 2 (reports.raw=2)" in err
    records = read_topic(settings, topics.REPORTS_RAW)
    assert sorted((r.key, r.value) for r in records) == [
        (b"r0", b'{"report_id": "r0"'),
        (b"r2", "تقرير r2".encode()),
    ]
    assert {dict(r.headers)[REPLAY_HEADER] for r in records} == {
        b"reports.raw.dlq:0:0",
        b"reports.raw.dlq:0:2",
    }

    # The same replay again, and one over everything: only the letter not replayed yet goes out.
    assert run(settings, "replay", "reports.raw", "--error-class", "ValueError") == 0
    assert "2 already replayed" in capsys.readouterr().err
    assert run(settings, "replay", "reports.raw.dlq") == 0
    err = capsys.readouterr().err
    assert "re-published 1 (reports.raw=1), 2 already replayed, 1 unreadable" in err
    assert "not replayable (no readable envelope): reports.raw.dlq:0:3" in err
    assert len(read_topic(settings, topics.REPORTS_RAW)) == 3
    assert len(read_letters(settings.kafka, RAW_DLQ)) == 4  # the DLQ itself is unchanged


def test_replay_by_offset_and_force(settings: Settings) -> None:
    letters = read_letters(settings.kafka, RAW_DLQ, from_offset=1)
    assert [x.offset for x in letters] == [1, 2, 3]
    producer = make_producer(settings.kafka, batch_size=16)
    try:
        assert run(settings, "replay", "reports.raw", "--offset", "0:1") == 0
        assert (
            replay(
                letters[:1], state := ReplayState(replay_state_path(settings.state_dir)), producer=producer
            ).published
            == 0
        )
        assert replay(letters[:1], state, producer=producer, force=True).published == 1
    finally:
        producer.close(10)
    assert [r.key for r in read_topic(settings, topics.REPORTS_RAW)] == [b"r1", b"r1"]
