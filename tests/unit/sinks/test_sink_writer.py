from __future__ import annotations

import random

from elasticsearch import ConnectionError as ESConnectionError
from sink_fakes import FakeES, raising, statuses

from sinks.bulk import Outcome
from sinks.documents import BulkAction
from sinks.elasticsearch import BulkWriter, SinkMetrics
from sinks.settings import SinkSettings

SETTINGS = SinkSettings(item_max_attempts=3, backoff_base_s=0.1, backoff_cap_s=1.0)


def actions(n: int) -> list[BulkAction]:
    return [BulkAction("i", f"d{k}", {"k": k}, version=1) for k in range(n)]


def writer(es: FakeES, waits: list[float]) -> BulkWriter:
    return BulkWriter(es, SETTINGS, wait=waits.append, rng=random.Random(7), metrics=SinkMetrics())


def test_retries_only_the_items_that_failed_with_a_retryable_status() -> None:
    es = FakeES(statuses(201, 429, 400, 409), statuses(201))
    waits: list[float] = []
    results = writer(es, waits).write(actions(4))
    assert [r.outcome for r in results] == [
        Outcome.WRITTEN,
        Outcome.WRITTEN,
        Outcome.REJECTED,
        Outcome.IGNORED,
    ]
    assert len(es.requests) == 2 and es.requests[1][0]["index"]["_id"] == "d1"
    assert len(waits) == 1 and 0 <= waits[0] <= 0.1


def test_gives_up_on_an_item_after_max_attempts() -> None:
    es = FakeES(statuses(503, 201), statuses(503), statuses(503), statuses(201))
    waits: list[float] = []
    w = writer(es, waits)
    results = w.write(actions(2))
    assert [r.outcome for r in results] == [Outcome.RETRY, Outcome.WRITTEN]
    assert results[0].status == 503
    assert len(es.requests) == 3 and w.metrics.retries == 2


def test_request_failures_wait_with_growing_capped_backoff_and_never_drop() -> None:
    down = raising(ESConnectionError("refused"))
    es = FakeES(*[down] * 8, statuses(201, 201))
    waits: list[float] = []
    unavailable: list[Exception] = []
    w = BulkWriter(es, SETTINGS, wait=waits.append, rng=random.Random(1), on_unavailable=unavailable.append)
    results = w.write(actions(2))
    assert [r.outcome for r in results] == [Outcome.WRITTEN, Outcome.WRITTEN]
    assert len(waits) == 8 and len(unavailable) == 8 and w.metrics.unavailable_waits == 8
    assert all(0 <= d <= min(1.0, 0.1 * 2**i) for i, d in enumerate(waits))
    assert max(waits) <= SETTINGS.backoff_cap_s


def test_empty_batch_sends_nothing() -> None:
    es = FakeES()
    assert writer(es, []).write([]) == [] and es.requests == []
