"""Faust agents: decode, call the pure stage, send, and dead-letter what fails (one message at a time).

Faust restarts an agent whose body raises, so every message is handled inside its own try block.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import faust

from processors.alerts import AlertsSettings, kafka_dead_letter
from processors.alerts.stage import AlertStage
from processors.normalize import clean_report, parse_report
from processors.stages import Stages
from sitrep import topics
from sitrep.deadletter import dead_letter_headers, make_dead_letter
from sitrep.kafka import make_producer
from sitrep.metrics import dead_letter_counter, worker_metrics
from sitrep.records import Event, Report, utcnow
from sitrep.settings import Settings

log = logging.getLogger(__name__)


def register_agents(app: faust.App, settings: Settings) -> None:
    """Declare the topics and agents of the stream on ``app``."""
    raw = app.topic(topics.REPORTS_RAW)
    normalized = app.topic(topics.REPORTS_NORMALIZED)
    clean = app.topic(topics.REPORTS_CLEAN)
    candidates = app.topic(topics.EVENTS_CANDIDATES)
    events = app.topic(topics.EVENTS)
    alerting = app.topic(topics.EVENTS_ALERTING, partitions=1)
    alerts = app.topic(topics.ALERTS)
    dead_letter_topics = {
        name: app.topic(topics.dlq(name))
        for name in (topics.REPORTS_RAW, topics.REPORTS_NORMALIZED, topics.REPORTS_CLEAN,
                     topics.EVENTS_CANDIDATES, topics.EVENTS, topics.EVENTS_ALERTING)
    }
    # State lives in changelog-backed tables, so a restarted or rebalanced worker keeps it.
    dedup_table = app.Table("dedup-state", default=None, partitions=settings.kafka.partitions)
    fusion_table = app.Table("fusion-state", default=None, partitions=settings.kafka.partitions)
    alert_table = app.Table("alert-state", default=None, partitions=1)
    alerting_stage = _alert_stage(settings)
    stage = Stages()
    metrics, letters = worker_metrics(), dead_letter_counter()

    async def dead_letter(event: Any, error: BaseException, stage_name: str) -> None:
        message = event.message
        if settings.on_invalid == "fail":
            raise error
        letter = make_dead_letter(
            event.value, error, stage=stage_name, key=event.key,
            topic=message.topic, partition=message.partition, offset=message.offset,
        )
        log.warning("%s: %s at %s[%s]@%s", stage_name, letter.message, message.topic, message.partition,
                    message.offset, extra={"stage": stage_name, "topic": message.topic,
                                           "partition": message.partition, "offset": message.offset})
        if settings.on_invalid == "dlq":
            await dead_letter_topics[message.topic].send(
                key=event.key or b"", value=letter.model_dump_json().encode(),
                headers=dead_letter_headers(letter),
            )
            letters.labels(topic=topics.dlq(message.topic), stage=stage_name,
                           error_class=letter.error_class).inc()

    Handler = Callable[[Any], Awaitable[None]]

    async def tables_recovered() -> None:
        """Wait until a rebalance's table recovery is over.

        Faust can hand an agent events fetched around a rebalance while it is still re-reading the
        tables' changelogs, which replaces newer table values with older ones (seen under `make
        chaos`: after a scale-out a worker that kept its partition held fusion state up to candidate
        11 and went on at candidate 32; the 20 in between had been fused and committed); a worker
        taking a partition over would fuse them against a table not loaded yet. Either way reports
        of known events start new ones. While a revocation is under way (flow suspended) the event
        is one Faust waits for: it goes on at once."""
        while app.rebalancing and app.flow_control.is_active():
            await asyncio.sleep(0.05)

    def each_message(stage_name: str, handle: Handler, *, stateful: bool = False) -> Handler:
        """An agent body that hands each message to ``handle`` and dead-letters what it raises
        (``stateful``: the stage reads a table, so it waits for the table's recovery first)."""

        async def agent(stream: Any) -> None:
            async for event in stream.events():
                if stateful:
                    await tables_recovered()
                try:
                    await handle(event)
                    metrics.messages.labels(stage=stage_name).inc()
                except Exception as exc:  # noqa: BLE001 (one bad message must not stop the stream)
                    await dead_letter(event, exc, stage_name)

        agent.__name__ = agent.__qualname__ = stage_name.replace("-", "_")
        return agent

    async def normalize(event: Any) -> None:
        report = clean_report(parse_report(event.value, event.message.topic))
        await normalized.send(key=stage.dedup_key(report).encode(), value=report.model_dump_json().encode())

    async def dedup(event: Any) -> None:
        report = stage.dedup(Report.model_validate_json(event.value), dedup_table)
        await clean.send(key=report.report_id.encode(), value=report.model_dump_json().encode())

    async def extract(event: Any) -> None:
        report = parse_report(event.value, event.message.topic)
        for extracted in stage.extract(report):
            key = stage.fusion_key(extracted).encode()
            await candidates.send(key=key, value=extracted.model_dump_json().encode())
            metrics.events_extracted.labels(event_type=str(extracted.event_type)).inc()

    async def fuse(event: Any) -> None:
        message = event.message
        behind = stage.state_behind(fusion_table, message.partition, message.offset)
        if behind:
            # Candidates skipped: Faust dropped them around a rebalance (processors.offsets seeks back
            # and they come after this one), or the table lost them (not fully recovered, changelog
            # writes lost) and candidates of known events start new ones. Logged once per hole.
            log.warning("fusion state behind the stream: %s", behind,
                      extra={"stage": "fuse", "topic": message.topic, "partition": message.partition,
                             "offset": message.offset})
        try:
            for canonical in stage.fuse(Event.model_validate_json(event.value), fusion_table):
                await events.send(key=canonical.event_id.encode(), value=canonical.model_dump_json().encode())
                metrics.events_published.inc()
        finally:
            stage.record_position(fusion_table, message.partition, message.offset)

    async def route_alerting(event: Any) -> None:
        # Surge rules count events across the whole stream: gather them on one partition
        # (canonical events are few; this never limits throughput). Poison stops here, dead-lettered
        # from `events` with its reason, instead of travelling on to the alerting topic.
        Event.model_validate_json(event.value)
        await alerting.send(key=b"all", value=event.value)

    async def alert(event: Any) -> None:
        canonical = Event.model_validate_json(event.value)
        if alerting_stage is None:
            return
        for fired in alerting_stage.evaluate(canonical, alert_table, utcnow()):
            await alerts.send(key=fired.alert_id.encode(), value=fired.model_dump_json().encode())
            await alerting_stage.deliver_async(fired)
            metrics.alerts_sent.labels(rule=fired.rule, kind=fired.kind).inc()

    for source, name, handle, stateful in (
        (raw, "normalize", normalize, False),
        (normalized, "dedup", dedup, True),
        (clean, "extract", extract, False),
        (candidates, "fuse", fuse, True),
        (events, "route-alerting", route_alerting, False),
        (alerting, "alert", alert, True),
    ):
        app.agent(source, name=name)(each_message(name, handle, stateful=stateful))


def _alert_stage(settings: Settings) -> AlertStage | None:
    """The alerting stage, or None (alerting off) when no rules file exists."""
    alerts_settings = AlertsSettings()
    if not alerts_settings.rules_path.exists():
        log.warning("no alert rules at %s (setting: SITREP_ALERTS__RULES_PATH): alerting is off",
                    alerts_settings.rules_path)
        return None
    return AlertStage.from_settings(
        settings, alerts_settings, dead_letter=kafka_dead_letter(make_producer(settings.kafka))
    )
