"""Pollers → reports.raw on a real (local) Kafka: keys, revisions, and a broker outage losing nothing."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from ingest.fetcher import Fetcher
from ingest.handler import FeedPoller
from ingest.publisher import KafkaReportSink
from ingest.registry import Feed
from ingest.service import PollerService, poll_once
from ingest.settings import PollerSettings
from ingest.store import PollerStore
from sitrep import topics
from sitrep.records import Report
from sitrep.settings import Settings

pytestmark = pytest.mark.integration


def rss(*items: tuple[str, str]) -> bytes:
    body = "".join(
        f"<item><title>{t}</title><link>https://news.example/{t}</link><description>{d}</description></item>"
        for t, d in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>c</title>{body}</channel></rss>'.encode()


def read_reports(bootstrap: str, expected: int, timeout_s: float = 20.0) -> list[tuple[bytes, Report]]:
    from kafka import KafkaConsumer

    consumer = KafkaConsumer(
        topics.REPORTS_RAW,
        bootstrap_servers=[bootstrap],
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        group_id=None,
        consumer_timeout_ms=1000,
    )
    found: list[tuple[bytes, Report]] = []
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline and len(found) < expected:
            for batch in consumer.poll(timeout_ms=500).values():
                found += [(r.key, Report.model_validate_json(r.value)) for r in batch]
    finally:
        consumer.close()
    return found


@pytest.fixture()
def own_kafka(tmp_path: Path) -> Iterator[tuple[str, int]]:
    """A Tansu of this test's own, with its pid (the test pauses it)."""
    from sitrep.services import KAFKA, LocalServices, free_port

    settings = Settings(state_dir=tmp_path / "kafka-state", services={"kafka_port": free_port()})
    services = LocalServices(settings)
    services.up((KAFKA,))
    try:
        [status] = [s for s in services.status() if s.name == KAFKA]
        assert status.pid
        yield services.address(KAFKA), status.pid
    finally:
        try:
            os.kill(status.pid, signal.SIGCONT)
        except (ProcessLookupError, UnboundLocalError):
            pass
        services.down((KAFKA,))


@pytest.fixture()
def feed_server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.stop()


def test_poll_once_publishes_keyed_reports(fresh_kafka: str, feed_server: HTTPServer, tmp_path: Path) -> None:
    feed_server.expect_request("/feed").respond_with_data(rss(("a", "one"), ("b", "two")))
    settings = Settings(state_dir=tmp_path, kafka={"bootstrap": fresh_kafka})
    poller_settings = PollerSettings(allow_hosts=["127.0.0.1"], fulltext=False, politeness_delay_s=0)
    feed = Feed(id="f", url=feed_server.url_for("/feed"), source="Src")
    summary = asyncio.run(poll_once(settings, [feed], poller_settings=poller_settings))
    assert summary.reports_published == 2 and not summary.errors
    again = asyncio.run(poll_once(settings, [feed], poller_settings=poller_settings))
    assert again.reports_published == 0  # the seen-store survived the restart (SQLite)
    messages = read_reports(fresh_kafka, 2)
    assert len(messages) == 2
    for key, report in messages:
        assert key == report.report_id.encode() and report.feed_id == "f" and report.source == "Src"


def test_broker_outage_backs_up_and_loses_nothing(
    own_kafka: tuple[str, int], feed_server: HTTPServer, tmp_path: Path
) -> None:
    from sitrep.kafka import ensure_topics, make_producer

    bootstrap, pid = own_kafka
    settings = Settings(state_dir=tmp_path, kafka={"bootstrap": bootstrap})
    ensure_topics(settings.kafka, [topics.REPORTS_RAW])
    poller_settings = PollerSettings(
        allow_hosts=["127.0.0.1"], fulltext=False, politeness_delay_s=0, publish_timeout_s=2.0
    )
    feed = Feed(id="f", url=feed_server.url_for("/feed"))
    producer = make_producer(settings.kafka)
    store = PollerStore(tmp_path / "p.sqlite3")

    def poll() -> object:
        async def go() -> object:
            async with Fetcher(poller_settings) as fetcher:
                poller = FeedPoller(fetcher, store, KafkaReportSink(producer, timeout_s=2.0), poller_settings)
                return (await PollerService(poller).poll_feeds([feed])).outcomes[0]

        return asyncio.run(go())

    try:
        feed_server.expect_ordered_request("/feed").respond_with_data(
            rss(("a", "one")), headers={"ETag": '"1"'}
        )
        feed_server.expect_ordered_request("/feed").respond_with_data(
            rss(("a", "one"), ("b", "two")), headers={"ETag": '"2"'}
        )
        feed_server.expect_ordered_request("/feed").respond_with_data(
            rss(("a", "one"), ("b", "two")), headers={"ETag": '"2"'}
        )
        feed_server.expect_ordered_request("/feed").respond_with_data(
            rss(("a", "one, revised"), ("b", "two")), headers={"ETag": '"3"'}
        )
        assert poll().published == 1  # type: ignore[attr-defined]
        os.kill(pid, signal.SIGSTOP)  # the broker stops answering (memory kept)
        try:
            during = poll()
        finally:
            os.kill(pid, signal.SIGCONT)
        assert not during.ok and during.error_kind == "publish"  # type: ignore[attr-defined]
        assert store.seen_count() == 1 and store.state("f").etag == '"1"'  # nothing marked, no 304 trap
        after = poll()
        assert after.ok and after.published == 1  # type: ignore[attr-defined]
        revised = poll()
        assert revised.published == 1 and revised.revisions == 1  # type: ignore[attr-defined]
    finally:
        producer.close(timeout=10)
        store.close()
    messages = read_reports(bootstrap, 3)
    by_id: dict[str, set[int]] = {}
    for key, report in messages:
        by_id.setdefault(key.decode(), set()).add(report.revision)
    assert len(by_id) == 2  # both reports arrived (at least once), none lost
    # "a" was revised; "b" was sent during the outage without a confirmation (it may have reached
    # the broker), so its next attempt carries revision 2: a number is never reused for other content.
    assert sorted(max(revs) for revs in by_id.values()) == [2, 2]


def test_sitrep_poll_once_cli(
    fresh_kafka: str,
    feed_server: HTTPServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from sitrep.cli import main

    feed_server.expect_request("/feed").respond_with_data(rss(("a", "one")))
    registry = tmp_path / "feeds.toml"
    registry.write_text(
        f'[[feed]]\nid = "good"\nurl = "{feed_server.url_for("/feed")}"\n\n'
        '[[feed]]\nid = "private"\nurl = "http://10.255.255.1/feed"\n'
    )
    monkeypatch.setenv("SITREP_KAFKA__BOOTSTRAP", fresh_kafka)
    monkeypatch.setenv("SITREP_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("SITREP_POLLER__FULLTEXT", "false")
    code = main(["poll", "--once", "--registry", str(registry), "--allow-host", "127.0.0.1"])
    err = capsys.readouterr().err
    assert code == 1  # one feed failed; the other still published
    assert "good: ok; 1 published" in err and "private: FAIL blocked_address" in err
    assert "Traceback" not in err
    assert len(read_reports(fresh_kafka, 1)) == 1
