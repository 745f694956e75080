"""When to poll a feed next — a pure function of its state, the last response and the settings.

``next_poll_at(state, meta, settings, now, rng)``:

* success: the interval follows the feed's observed publishing rate (mean gap between its recent
  entries × ``rate_factor``), or ``default_interval_s`` until there is history; the server's hints
  (Cache-Control max-age, Expires, the feed's TTL) lengthen it; the result is clamped to the
  feed's [min, max];
* failure: capped exponential backoff ``backoff_base_s × 2^(errors-1)``, at least Retry-After
  (429/503), never more than the feed's max interval — a failing feed is tried again at the max
  interval forever, never parked;
* jitter of ±``jitter_fraction`` spreads feeds out (still within [min, max]).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ingest.response import ResponseMeta
from ingest.settings import PollerSettings

RECENT_ENTRIES_KEPT = 20


@dataclass
class FeedState:
    """What the poller remembers about one feed (persisted in the state store)."""

    feed_id: str
    etag: str | None = None
    last_modified: str | None = None
    consecutive_errors: int = 0
    total_errors: int = 0
    checks: int = 0
    last_error: str | None = None
    last_error_kind: str | None = None
    last_status: int | None = None
    last_checked_at: datetime | None = None
    last_success_at: datetime | None = None
    last_new_entry_at: datetime | None = None
    next_poll_at: datetime | None = None
    # publication times of the most recent new entries (newest last), for the rate estimate
    recent_entry_times: list[datetime] = field(default_factory=list)
    moved_to: str | None = None  # where every hop of the last redirect chain was permanent (301/308)
    websub_hub: str | None = None
    websub_topic: str | None = None
    websub_expires_at: datetime | None = None


@dataclass(frozen=True)
class Bounds:
    """The interval bounds of one feed (registry values, else the settings')."""

    min_s: float
    max_s: float

    @classmethod
    def of(cls, settings: PollerSettings, min_s: float | None = None, max_s: float | None = None) -> Bounds:
        low = settings.min_interval_s if min_s is None else min_s
        high = settings.max_interval_s if max_s is None else max_s
        return cls(low, max(low, high))


def observed_interval_s(times: list[datetime]) -> float | None:
    """Mean gap between the recent entries' publication times, or None with fewer than two."""
    ordered = sorted(times)
    if len(ordered) < 2:
        return None
    span = (ordered[-1] - ordered[0]).total_seconds()
    return span / (len(ordered) - 1) if span > 0 else None


def remember_entry_times(state: FeedState, new_times: list[datetime]) -> list[datetime]:
    """The recent-entry list after adding ``new_times`` (bounded, sorted)."""
    merged = sorted({*state.recent_entry_times, *new_times})
    return merged[-RECENT_ENTRIES_KEPT:]


def base_interval_s(state: FeedState, meta: ResponseMeta, settings: PollerSettings, bounds: Bounds) -> float:
    """The un-jittered delay before the next poll, in seconds, within ``bounds``."""
    if not meta.ok and meta.sink_error:
        return min(max(settings.backoff_base_s, bounds.min_s), bounds.max_s)
    if not meta.ok:
        errors = max(1, state.consecutive_errors)
        backoff = settings.backoff_base_s * (2.0 ** min(errors - 1, 30))
        delay = max(backoff, meta.retry_after_s or 0.0, bounds.min_s)
        return min(delay, bounds.max_s)
    if state.websub_expires_at is not None:
        return bounds.max_s  # pushes bring new entries; polling is only the safety net
    gap = observed_interval_s(state.recent_entry_times)
    delay = gap * settings.rate_factor if gap is not None else settings.default_interval_s
    for hint in (meta.max_age_s, meta.expires_in_s, meta.ttl_s):
        if hint is not None and hint > delay:
            delay = hint  # the server asks us not to come back before this
    return min(max(delay, bounds.min_s), bounds.max_s)


def next_poll_at(
    state: FeedState,
    meta: ResponseMeta,
    settings: PollerSettings,
    now: datetime,
    rng: random.Random,
    bounds: Bounds | None = None,
) -> datetime:
    """When to poll next (see the module docstring). ``state`` already counts this poll's outcome."""
    bounds = bounds or Bounds.of(settings)
    delay = base_interval_s(state, meta, settings, bounds)
    if settings.jitter_fraction:
        delay *= 1.0 + rng.uniform(-settings.jitter_fraction, settings.jitter_fraction)
        floor = bounds.min_s
        if not meta.ok and meta.retry_after_s:
            floor = max(floor, min(meta.retry_after_s, bounds.max_s))
        delay = min(max(delay, floor), bounds.max_s)
    return now + timedelta(seconds=delay)
