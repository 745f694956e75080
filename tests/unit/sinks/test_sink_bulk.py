from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from sinks.bulk import (
    ItemResult,
    Outcome,
    backoff_delay,
    classify_items,
    classify_status,
    is_retryable_status,
)


def test_classify_status() -> None:
    assert [classify_status(s) for s in (200, 201, 409, 400, 429, 500, 503, 404)] == [
        Outcome.WRITTEN,
        Outcome.WRITTEN,
        Outcome.IGNORED,
        Outcome.REJECTED,
        Outcome.RETRY,
        Outcome.RETRY,
        Outcome.RETRY,
        Outcome.RETRY,
    ]


def test_classify_items_keeps_order_and_reasons() -> None:
    response = {
        "items": [
            {"index": {"_id": "a", "status": 201}},
            {
                "index": {
                    "_id": "b",
                    "status": 400,
                    "error": {
                        "type": "document_parsing_exception",
                        "reason": "failed to parse field [n]",
                        "caused_by": {
                            "type": "illegal_argument_exception",
                            "reason": 'For input string: "x"',
                        },
                    },
                }
            },
            {
                "create": {
                    "_id": "c",
                    "status": 409,
                    "error": {"type": "version_conflict_engine_exception", "reason": "v"},
                }
            },
            {"index": {"_id": "d", "status": 429, "error": "rejected"}},
        ]
    }
    results = classify_items(response)
    assert [r.outcome for r in results] == [Outcome.WRITTEN, Outcome.REJECTED, Outcome.IGNORED, Outcome.RETRY]
    assert results[1] == ItemResult(
        Outcome.REJECTED,
        400,
        "document_parsing_exception",
        'failed to parse field [n]: For input string: "x"',
    )
    assert results[3].reason == "rejected"


def test_retryable_request_statuses() -> None:
    assert is_retryable_status(None) and is_retryable_status(429) and is_retryable_status(503)
    assert not is_retryable_status(400) and not is_retryable_status(413)


@given(
    st.integers(min_value=0, max_value=200),
    st.floats(min_value=0.001, max_value=5),
    st.floats(min_value=0.01, max_value=60),
    st.integers(),
)
def test_backoff_is_full_jitter_within_the_cap(attempt: int, base: float, cap: float, seed: int) -> None:
    delay = backoff_delay(attempt, base, cap, random.Random(seed))
    assert 0.0 <= delay <= min(cap, base * 2 ** min(attempt, 62))


def test_backoff_grows_then_caps() -> None:
    class Top(random.Random):
        def uniform(self, a: float, b: float) -> float:
            return b

    assert [backoff_delay(n, 0.1, 1.0, Top()) for n in range(6)] == [0.1, 0.2, 0.4, 0.8, 1.0, 1.0]
