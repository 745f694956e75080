"""One English test report through extraction: the report builder the English rule tests share (each
test file keeps its own publication time and report id)."""

from __future__ import annotations

from datetime import datetime

from processors.extract import extract_events
from sitrep.records import Event, Report


def english_events(text: str, title: str = "", *, published: datetime, report_id: str) -> list[Event]:
    """The events of an English report with ``text`` and ``title`` published at ``published``."""
    report = Report(
        report_id=report_id,
        title=title,
        text=text,
        language="en",
        source="test",
        published_at=published,
        fetched_at=published,
    )
    return extract_events(report)
