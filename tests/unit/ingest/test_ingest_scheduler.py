"""next_poll_at as a pure function, with an injected clock and random source."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ingest.response import ResponseMeta, parse_max_age, parse_retry_after
from ingest.scheduler import Bounds, FeedState, next_poll_at, observed_interval_s, remember_entry_times
from ingest.settings import PollerSettings

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
SETTINGS = PollerSettings(
    min_interval_s=60,
    max_interval_s=3600,
    default_interval_s=900,
    backoff_base_s=60,
    rate_factor=0.5,
    jitter_fraction=0.0,
)
OK = ResponseMeta(status=200)


def delay(
    state: FeedState,
    meta: ResponseMeta = OK,
    settings: PollerSettings = SETTINGS,
    bounds: Bounds | None = None,
) -> float:
    return (next_poll_at(state, meta, settings, NOW, random.Random(1), bounds) - NOW).total_seconds()


def test_no_history_uses_the_default_interval() -> None:
    assert delay(FeedState("f")) == 900


def test_interval_follows_the_observed_publishing_rate() -> None:
    busy = FeedState("f", recent_entry_times=[NOW - timedelta(minutes=10 * i) for i in range(6)])
    assert delay(busy) == 300  # one entry every 10 min → poll every 5 min
    quiet = FeedState("f", recent_entry_times=[NOW - timedelta(hours=5 * i) for i in range(3)])
    assert delay(quiet) == 3600  # clamped to max
    frantic = FeedState("f", recent_entry_times=[NOW - timedelta(seconds=10 * i) for i in range(6)])
    assert delay(frantic) == 60  # clamped to min


def test_per_feed_bounds_override_the_settings() -> None:
    bounds = Bounds.of(SETTINGS, 5, 30)
    assert delay(FeedState("f"), bounds=bounds) == 30
    assert Bounds.of(SETTINGS, 100, 10) == Bounds(100, 100)  # max never below min


def test_server_hints_lengthen_the_interval_within_max() -> None:
    assert delay(FeedState("f"), ResponseMeta(status=200, max_age_s=1800)) == 1800
    assert delay(FeedState("f"), ResponseMeta(status=200, expires_in_s=2400)) == 2400
    assert delay(FeedState("f"), ResponseMeta(status=200, ttl_s=7200)) == 3600
    assert delay(FeedState("f"), ResponseMeta(status=200, max_age_s=10)) == 900  # never shortens


def test_errors_back_off_exponentially_up_to_max_never_parked() -> None:
    failed = ResponseMeta.failure("boom", 500)
    delays = [delay(FeedState("f", consecutive_errors=n), failed) for n in range(1, 12)]
    assert delays[:4] == [60, 120, 240, 480]
    assert delays[-1] == 3600 and all(d <= 3600 for d in delays)
    assert delay(FeedState("f", consecutive_errors=10_000), failed) == 3600


def test_retry_after_is_honoured_on_429() -> None:
    limited = ResponseMeta.failure("429", 429, retry_after_s=1200)
    assert delay(FeedState("f", consecutive_errors=1), limited) == 1200
    huge = ResponseMeta.failure("503", 503, retry_after_s=10 * 86400)
    assert delay(FeedState("f", consecutive_errors=1), huge) == 3600  # but never beyond max


def test_websub_subscribed_feeds_are_polled_at_max_as_a_safety_net() -> None:
    assert delay(FeedState("f", websub_expires_at=NOW + timedelta(days=1))) == 3600


@given(
    st.integers(min_value=0, max_value=50),
    st.floats(min_value=0, max_value=1e7),
    st.integers(min_value=0, max_value=2**32),
    st.booleans(),
)
def test_jittered_delay_always_within_bounds(errors: int, hint: float, seed: int, ok: bool) -> None:
    settings = SETTINGS.model_copy(update={"jitter_fraction": 0.2})
    meta = (
        ResponseMeta(status=200, max_age_s=hint) if ok else ResponseMeta.failure("x", 503, retry_after_s=hint)
    )
    state = FeedState("f", consecutive_errors=errors)
    d = (next_poll_at(state, meta, settings, NOW, random.Random(seed)) - NOW).total_seconds()
    assert 60 <= d <= 3600


def test_jitter_spreads_feeds() -> None:
    settings = SETTINGS.model_copy(update={"jitter_fraction": 0.1})
    rng = random.Random(7)
    delays = {(next_poll_at(FeedState("f"), OK, settings, NOW, rng) - NOW).total_seconds() for _ in range(20)}
    assert len(delays) > 10 and all(810 <= d <= 990 for d in delays)


def test_entry_history_is_bounded_and_rate_computed() -> None:
    state = FeedState("f")
    times = [NOW - timedelta(minutes=i) for i in range(50)]
    state.recent_entry_times = remember_entry_times(state, times)
    assert len(state.recent_entry_times) == 20 and state.recent_entry_times[-1] == NOW
    assert observed_interval_s(state.recent_entry_times) == 60
    assert observed_interval_s([NOW]) is None


def test_header_parsing() -> None:
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Tue, 24 Nov 2026 12:10:00 GMT", NOW) == 600
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None
    assert parse_max_age("public, max-age=300") == 300 and parse_max_age("no-cache") == 0
    assert parse_max_age(None) is None
    meta = ResponseMeta.from_headers(
        200,
        {"expires": "Tue, 24 Nov 2026 13:00:00 GMT", "date": "Tue, 24 Nov 2026 12:30:00 GMT", "etag": '"e"'},
        NOW,
    )
    assert meta.expires_in_s == 1800 and meta.etag == '"e"'  # relative to the server's Date


def test_broker_errors_retry_soon_without_growing_backoff() -> None:
    sink_down = ResponseMeta(status=200, ok=False, error="broker", sink_error=True)
    assert delay(FeedState("f", consecutive_errors=9), sink_down) == 60
