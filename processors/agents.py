"""Faust agents: decode, call the pure stage, send, and dead-letter what fails (one message at a time).

Faust restarts an agent whose body raises, so every message is handled inside its own try block.
"""

from __future__ import annotations

import logging
from typing import Any

import faust

from processors.normalize import clean_report, parse_report
from processors.stages import Stages
from sitrep import topics
from sitrep.deadletter import dead_letter_headers, make_dead_letter
from sitrep.records import Event, Report
from sitrep.settings import Settings

log = logging.getLogger(__name__)


def register_agents(app: faust.App, settings: Settings) -> None:
    """Declare the topics and agents of the stream on ``app``."""
    raw = app.topic(topics.REPORTS_RAW)
    normalized = app.topic(topics.REPORTS_NORMALIZED)
    clean = app.topic(topics.REPORTS_CLEAN)
    candidates = app.topic(topics.EVENTS_CANDIDATES)
    events = app.topic(topics.EVENTS)
    dead_letter_topics = {
        name: app.topic(topics.dlq(name))
        for name in (topics.REPORTS_RAW, topics.REPORTS_NORMALIZED, topics.REPORTS_CLEAN,
                     topics.EVENTS_CANDIDATES)
    }
    # State lives in changelog-backed tables, so a restarted or rebalanced worker keeps it.
    dedup_table = app.Table("dedup-state", default=None, partitions=settings.kafka.partitions)
    fusion_table = app.Table("fusion-state", default=None, partitions=settings.kafka.partitions)
    stage = Stages()

    async def dead_letter(event: Any, error: BaseException, stage_name: str) -> None:
        message = event.message
        if settings.on_invalid == "fail":
            raise error
        letter = make_dead_letter(
            event.value, error, stage=stage_name, key=event.key,
            topic=message.topic, partition=message.partition, offset=message.offset,
        )
        log.warning("%s: %s at %s[%s]@%s", stage_name, letter.message, message.topic, message.partition,
                    message.offset)
        if settings.on_invalid == "dlq":
            await dead_letter_topics[message.topic].send(
                key=event.key or b"", value=letter.model_dump_json().encode(),
                headers=dead_letter_headers(letter),
            )

    @app.agent(raw, name="normalize")
    async def normalize(stream: Any) -> None:
        async for event in stream.events():
            try:
                report = clean_report(parse_report(event.value, event.message.topic))
                await normalized.send(key=stage.dedup_key(report).encode(), value=report.model_dump_json().encode())
            except Exception as exc:  # noqa: BLE001 (one bad message must not stop the stream)
                await dead_letter(event, exc, "normalize")

    @app.agent(normalized, name="dedup")
    async def dedup(stream: Any) -> None:
        async for event in stream.events():
            try:
                report = stage.dedup(Report.model_validate_json(event.value), dedup_table)
                await clean.send(key=report.report_id.encode(), value=report.model_dump_json().encode())
            except Exception as exc:  # noqa: BLE001
                await dead_letter(event, exc, "dedup")

    @app.agent(clean, name="extract")
    async def extract(stream: Any) -> None:
        async for event in stream.events():
            try:
                report = parse_report(event.value, event.message.topic)
                for extracted in stage.extract(report):
                    await candidates.send(
                        key=stage.fusion_key(extracted).encode(), value=extracted.model_dump_json().encode()
                    )
            except Exception as exc:  # noqa: BLE001
                await dead_letter(event, exc, "extract")

    @app.agent(candidates, name="fuse")
    async def fuse(stream: Any) -> None:
        async for event in stream.events():
            try:
                candidate = Event.model_validate_json(event.value)
                for canonical in stage.fuse(candidate, fusion_table):
                    await events.send(key=canonical.event_id.encode(), value=canonical.model_dump_json().encode())
            except Exception as exc:  # noqa: BLE001
                await dead_letter(event, exc, "fuse")
