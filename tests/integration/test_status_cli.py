"""`sitrep status` against the session's stand-ins: reachability, lag per group, DLQ sizes, the newest
event's times from the fields the sink writes, and feed health from the pollers' store."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ingest.scheduler import FeedState
from ingest.store import PollerStore
from sinks.documents import bulk_operations, to_action
from sinks.elasticsearch import elasticsearch_client
from sinks.indices import ensure_indices, index_names
from sitrep import topics
from sitrep.cli.status import collect, run
from sitrep.deadletter import make_dead_letter
from sitrep.kafka import ensure_topics, make_producer, publish_dead_letter
from sitrep.records import Event, Location
from sitrep.settings import Settings

pytestmark = pytest.mark.integration

WRITTEN = datetime(2026, 11, 24, 21, 30, tzinfo=UTC)


def test_status_reports_every_part(stack_settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    settings = stack_settings
    es = elasticsearch_client(settings)
    try:
        ensure_indices(es, settings)
        event = Event(
            event_id="ev-status",
            event_type="Battles",
            sub_event_type="Armed clash",
            event_date=date(2026, 11, 20),
            fatalities=2,
            location=Location(name="Hajin"),
            summary="Clash.",
            updated_at=WRITTEN,
            published_at=datetime(2026, 11, 20, 9, tzinfo=UTC),
        )
        es.bulk(operations=bulk_operations([to_action(event, index_names(settings))]), refresh="wait_for")
    finally:
        es.close()
    dlq = topics.dlq(topics.EVENTS_CANDIDATES)
    ensure_topics(settings.kafka)
    producer = make_producer(settings.kafka, batch_size=16)
    try:
        letter = make_dead_letter(b"{}", ValueError("bad"), stage="fuse", topic=topics.EVENTS_CANDIDATES)
        before = collect(settings)["kafka"]["dlq"].get(dlq, 0)
        publish_dead_letter(producer, topics.EVENTS_CANDIDATES, letter)
    finally:
        producer.close(10)
    with PollerStore(Path(settings.state_dir) / "poller.sqlite3") as store:
        store.save_state(FeedState("good", checks=3, last_success_at=WRITTEN))
        store.save_state(FeedState("broken", checks=2, consecutive_errors=2, last_error_kind="timeout"))
        store.save_state(FeedState("new"))

    status = collect(settings)
    assert status["kafka"]["ok"] and status["elasticsearch"]["ok"]
    assert status["kafka"]["kind"] == "cluster"  # the test's stand-ins are not on the default ports
    assert status["kafka"]["dlq"][dlq] == before + 1
    assert topics.EVENTS_ALERTING in status["kafka"]["lag"]["sitrep-processors"]
    assert status["elasticsearch"]["last_event_at"].startswith("2026-11-24T21:30")
    assert status["elasticsearch"]["last_event_reported_at"].startswith("2026-11-20T09:00")
    feeds = status["feeds"]
    assert (feeds["feeds"], feeds["ok"], feeds["never_checked"]) == (3, 1, 1)
    assert feeds["failing_kinds"] == {"broken": "timeout x2"}
    assert feeds["last_success_at"].startswith("2026-11-24T21:30")

    assert run(argparse.Namespace(json=False), settings) == 0
    out = capsys.readouterr().out
    assert "3 known: 1 ok, 1 failing, 1 never checked" in out
    assert "failing broken: timeout x2" in out
    assert f"{dlq}=" in out


def test_status_says_what_is_down(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sitrep.services import free_port

    settings = Settings(
        state_dir=tmp_path,
        kafka={"bootstrap": f"127.0.0.1:{free_port()}"},
        elasticsearch={"url": f"http://127.0.0.1:{free_port()}", "request_timeout_s": 2},
    )
    assert run(argparse.Namespace(json=False), settings) == 3
    out = capsys.readouterr().out
    assert "kafka          DOWN" in out and "elasticsearch  DOWN" in out
    assert "no poller state yet" in out
