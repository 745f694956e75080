"""The stages the agents call, bound to settings: dedup, extraction and fusion (pure logic elsewhere)."""

from __future__ import annotations

from collections.abc import MutableMapping
from datetime import UTC, datetime, time
from typing import Any

from processors.extract import extract_events
from processors.fusion import EventFuser, FusionSettings, ReportDeduper, dedup_bucket, fusion_bucket
from processors.fusion.dedup import report_time
from sitrep.records import Event, Report


class Stages:
    """Dedup, extraction and fusion as the stream uses them. Stream time, not wall time, drives the
    fusion window, so a replay of old reports fuses exactly as the live run did."""

    def __init__(self, fusion: FusionSettings | None = None) -> None:
        self.fusion = fusion or FusionSettings()

    def dedup_key(self, report: Report) -> str:
        """Partition key under which near-duplicate candidates of ``report`` meet."""
        return dedup_bucket(report)

    def dedup(self, report: Report, store: MutableMapping[str, Any]) -> Report:
        """The report, marked ``duplicate_of`` its canonical copy when it is a near-duplicate."""
        verdict = ReportDeduper(self.fusion, store).check(report, report_time(report))
        if verdict.duplicate_of and verdict.duplicate_of != report.report_id:
            return report.model_copy(update={"duplicate_of": verdict.duplicate_of})
        return report

    def extract(self, report: Report) -> list[Event]:
        """Candidate events of a report. On ``events.candidates`` an event's ``revision`` is its
        report's revision (fusion gives canonical events their own), so fusion can replace what an
        outlet said earlier with what its revised report says."""
        return [event.model_copy(update={"revision": report.revision}) for event in extract_events(report)]

    def fusion_key(self, event: Event) -> str:
        """Partition key under which every candidate match of ``event`` lives."""
        return fusion_bucket(event, self.fusion)

    def state_behind(self, store: MutableMapping[str, Any], partition: int, offset: int) -> str | None:
        """Why the fusion state of ``partition`` misses candidates before ``offset``, or None.

        The state records the last offset of ``events.candidates`` it has taken in (see
        :meth:`record_position`); offsets of a topic partition are consecutive, and a worker resumes at
        the committed offset, so the next candidate is at most one past it (a replay is at or before
        it). A larger step means the state lacks candidates that were processed and committed: the
        table was not fully recovered from its changelog, or changelog writes were lost."""
        last = store.get(position_key(partition))
        if last is None:
            return None if offset == 0 else f"no position recorded for partition {partition} (first offset {offset})"
        if offset > last + 1:
            return f"partition {partition} state has taken in offsets up to {last}, next candidate is at {offset}"
        return None

    def record_position(self, store: MutableMapping[str, Any], partition: int, offset: int) -> None:
        """Remember that the state of ``partition`` has taken in the candidate at ``offset``."""
        key = position_key(partition)
        last = store.get(key)
        if last is None or offset > last:
            store[key] = offset

    def fuse(self, event: Event, store: MutableMapping[str, Any]) -> list[Event]:
        """The canonical event to publish for a candidate (none when fusion skipped it).

        An unchanged canonical event is published again on purpose: after a crash the table's
        changelog may hold a merge whose output never reached the broker. The copy carries the
        same event_id and revision, so the sink ignores it when it already has it."""
        result = EventFuser(self.fusion, store).fuse(event, stream_time(event), report_revision=event.revision)
        return [] if result.skipped else [result.canonical]


def position_key(partition: int) -> str:
    """Store key of the last candidate offset the fusion state of ``partition`` has taken in (written
    only while processing that partition, like every other key of the state)."""
    return f"pos|{partition}"


def stream_time(event: Event) -> datetime:
    """When the stream saw ``event``: its report's publication, else noon of its date."""
    return event.published_at or datetime.combine(event.event_date, time(12), tzinfo=UTC)

