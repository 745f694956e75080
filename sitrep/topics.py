"""Topic names: the one place that spells them."""

from __future__ import annotations

REPORTS_RAW = "reports.raw"
REPORTS_NORMALIZED = "reports.normalized"  # cleaned, keyed by dedup bucket (internal)
REPORTS_CLEAN = "reports.clean"  # cleaned, deduplicated (duplicate_of set), keyed by report_id
EVENTS_CANDIDATES = "events.candidates"  # extracted, not yet fused; keyed by fusion bucket
EVENTS = "events"  # canonical events, keyed by event_id
ALERTS = "alerts"
FEEDS = "feeds"  # feed registry, partitioned so poller instances share the work

ALL = (REPORTS_RAW, REPORTS_NORMALIZED, REPORTS_CLEAN, EVENTS_CANDIDATES, EVENTS, ALERTS, FEEDS)


def dlq(topic: str) -> str:
    """Dead-letter topic of the consumers of ``topic``."""
    return f"{topic}.dlq"


def all_topics() -> list[str]:
    """Every topic the pipeline uses, dead-letter topics included."""
    return [*ALL, *(dlq(t) for t in ALL)]
