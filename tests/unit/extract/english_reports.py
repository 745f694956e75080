"""One test report through extraction: the report builders the English (and some Arabic) rule tests share
(each test file keeps its own publication time and report id)."""

from __future__ import annotations

from datetime import datetime

from processors.extract import extract_events
from sitrep.records import Event, Report


def english_events(text: str, title: str = "", *, published: datetime, report_id: str) -> list[Event]:
    """The events of an English report with ``text`` and ``title`` published at ``published``."""
    return _events(text, title, "en", published, report_id)


def arabic_events(text: str, title: str = "", *, published: datetime, report_id: str) -> list[Event]:
    """The events of an Arabic report with ``text`` and ``title`` published at ``published``."""
    return _events(text, title, "ar", published, report_id)


def _events(text: str, title: str, language: str, published: datetime, report_id: str) -> list[Event]:
    report = Report(
        report_id=report_id,
        title=title,
        text=text,
        language=language,
        source="test",
        published_at=published,
        fetched_at=published,
    )
    return extract_events(report)
