"""Topic names: the one place that spells them."""

from __future__ import annotations

REPORTS_RAW = "reports.raw"
REPORTS_NORMALIZED = "reports.normalized"  # cleaned, keyed by dedup bucket (internal)
REPORTS_CLEAN = "reports.clean"  # cleaned, deduplicated (duplicate_of set), keyed by report_id
EVENTS_CANDIDATES = "events.candidates"  # extracted, not yet fused; keyed by fusion bucket
EVENTS = "events"  # canonical events, keyed by event_id
EVENTS_ALERTING = "events.alerting"  # canonical events on one partition, so surge windows see all
ALERTS = "alerts"
FEEDS = "feeds"  # feed registry, partitioned so poller instances share the work

ALL = (REPORTS_RAW, REPORTS_NORMALIZED, REPORTS_CLEAN, EVENTS_CANDIDATES, EVENTS, EVENTS_ALERTING, ALERTS, FEEDS)
# Topics that must have exactly one partition (state that needs to see every message).
SINGLE_PARTITION = frozenset({EVENTS_ALERTING})


def dlq(topic: str) -> str:
    """Dead-letter topic of the consumers of ``topic``."""
    return f"{topic}.dlq"


def all_topics() -> list[str]:
    """Every topic the pipeline uses, dead-letter topics included."""
    return [*ALL, *(dlq(t) for t in ALL)]


def partitions_for(topic: str, default: int) -> int:
    """Partitions a topic is created with: dead letters and single-partition topics get one."""
    return 1 if topic.endswith(".dlq") or topic in SINGLE_PARTITION else default
