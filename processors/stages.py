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

    def fuse(self, event: Event, store: MutableMapping[str, Any]) -> list[Event]:
        """The canonical event to publish for a candidate (none when fusion skipped it).

        An unchanged canonical event is published again on purpose: after a crash the table's
        changelog may hold a merge whose output never reached the broker. The copy carries the
        same event_id and revision, so the sink ignores it when it already has it."""
        result = EventFuser(self.fusion, store).fuse(event, stream_time(event), report_revision=event.revision)
        return [] if result.skipped else [result.canonical]


def stream_time(event: Event) -> datetime:
    """When the stream saw ``event``: its report's publication, else noon of its date."""
    return event.published_at or datetime.combine(event.event_date, time(12), tzinfo=UTC)

