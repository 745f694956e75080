"""Batch fusion over a file of reports: the same deduplication and fusion the stream runs.

Reports are processed in ``published`` order (ties by ``report_id``), with ``now`` = the report's
publication time, so a replay in any input order gives the same canonical events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from processors.fusion.dedup import ReportDeduper, report_time
from processors.fusion.fuser import EventFuser
from processors.fusion.settings import FusionSettings
from processors.fusion.store import FusionStore, state_bytes
from sitrep.records import Event, Report

Extractor = Callable[[Report], list[Event]]
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _default_extractor() -> Extractor:
    from processors.extract import extract_events  # the extraction stage (another package)

    return extract_events


def number_revisions(reports: Iterable[Report]) -> list[Report]:
    """Reports of a file with their revision numbers: lines sharing an ``id`` with different content
    are revisions 1, 2, ... in the order they first appear (a repeated line keeps its number)."""
    seen: dict[str, list[str]] = {}
    numbered: list[Report] = []
    for report in reports:
        versions = seen.setdefault(report.report_id, [])
        if report.content_hash not in versions:
            versions.append(report.content_hash)
        revision = versions.index(report.content_hash) + 1
        if report.revision != revision:
            report = report.model_copy(update={"revision": revision})
        numbered.append(report)
    return numbered


def replay_order(reports: Iterable[Report]) -> list[Report]:
    """Reports in the order fusion sees them: by publication (else fetch) time, then id, then revision."""
    return sorted(reports, key=lambda r: (r.published_at or _EPOCH, r.report_id, r.revision, r.content_hash))


class FusionRun:
    """Deduper + fuser over dict stores, remembering every canonical event it emitted
    (including ones later evicted from the window)."""

    def __init__(self, settings: FusionSettings, extractor: Extractor | None = None) -> None:
        self.settings = settings
        self.extractor = extractor or _default_extractor()
        self.store: FusionStore = {}
        self.deduper = ReportDeduper(settings, self.store)
        self.fuser = EventFuser(settings, self.store)
        self.canonical: dict[str, Event] = {}
        self.duplicates: dict[str, str] = {}
        # report id -> canonical id of its main (first, most salient) event
        self.main_event_of: dict[str, str] = {}
        # report id -> (extracted event, canonical id it joined), in extraction order
        self.joined: dict[str, list[tuple[Event, str]]] = {}
        self.reports = 0
        self.events = 0

    def add(self, report: Report) -> None:
        """Deduplicate, extract and fuse one report."""
        now = report_time(report)
        verdict = self.deduper.check(report, now)
        if verdict.duplicate_of:
            self.duplicates[report.report_id] = verdict.duplicate_of
        self.reports += 1
        # A duplicate is still extracted: its outlet and report id belong on the canonical events.
        self.main_event_of.pop(report.report_id, None)
        self.joined[report.report_id] = []
        for event in self.extractor(report):
            self.events += 1
            result = self.fuser.fuse(event, now, report_revision=report.revision)
            if result.skipped is None:
                self.main_event_of.setdefault(report.report_id, result.canonical.event_id)
                self.joined[report.report_id].append((event, result.canonical.event_id))
            if result.changed:
                self.canonical[result.canonical.event_id] = result.canonical

    def events_out(self) -> list[Event]:
        """Canonical events, by date then id."""
        return sorted(self.canonical.values(), key=lambda e: (e.event_date, e.event_id))

    def state_bytes(self) -> int:
        """Current size of the state (JSON bytes)."""
        return state_bytes(self.store)


def fuse_reports(
    reports: Iterable[Report], settings: FusionSettings | None = None, extractor: Extractor | None = None
) -> list[Event]:
    """Canonical events of a batch of reports (extraction with ``processors.extract`` by default)."""
    run = FusionRun(settings or FusionSettings(), extractor)
    for report in replay_order(number_revisions(reports)):
        run.add(report)
    return run.events_out()
