"""The stages the agents call, bound to settings: extraction and fusion (pure logic elsewhere)."""

from __future__ import annotations

from collections.abc import MutableMapping
from datetime import datetime, timezone
from typing import Any

from sitrep.records import Event, Report
from sitrep.settings import Settings


class EventStage:
    """Extraction and fusion as the stream uses them."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def extract(self, report: Report) -> list[Event]:
        from processors.extract import extract_events

        return extract_events(report)

    def bucket(self, event: Event) -> str:
        """Key of the partition where fusion state for this event lives."""
        try:
            from processors.fusion import fusion_bucket
        except ImportError:
            return event.event_id
        return fusion_bucket(event)

    def fuse(self, event: Event, store: MutableMapping[str, Any], now: datetime | None = None) -> list[Event]:
        """Canonical events to publish for a candidate (none when nothing changed)."""
        try:
            from processors.fusion import EventFuser
        except ImportError:
            return [event]
        result = EventFuser(store=store).fuse(event, now or datetime.now(timezone.utc))
        return [result.canonical] if (result.is_new or result.changed) else []
