"""Offset commits never pass an unprocessed message (processors.offsets, fixes to Faust's consumer)."""

from __future__ import annotations

import asyncio
from typing import Any

import faust
import pytest
from faust.types import TP

from processors import offsets
from processors.offsets import HoleWatch, StallWatch, committable_offset, head_hole


def test_commit_needs_the_run_to_start_at_the_committed_offset() -> None:
    assert committable_offset([101, 102, 103], 100) is None  # faust would commit 104: 100 lost
    assert committable_offset([100, 101, 102, 104], 100) == 103
    assert committable_offset([102, 101, 100], 100) == 103
    assert committable_offset([], 100) is None


def test_offsets_below_the_committed_one_are_forgotten() -> None:
    acked = [95, 98, 100, 101]
    assert committable_offset(acked, 100) == 102
    assert acked == [100, 101]


def test_nothing_is_committed_while_the_committed_offset_is_unknown() -> None:
    assert committable_offset([5, 6, 8], None) is None


def test_hole_watch_learns_an_unknown_committed_offset() -> None:
    class Thread:
        def _ensure_consumer(self) -> Any:
            return self

        async def committed(self, tp: Any) -> int:
            return 40

        async def call_thread(self, fn: Any, *args: Any) -> Any:
            return await fn(*args)

    consumer = _Consumer()
    tp = TP("reports.raw", 1)
    consumer._acked[tp] = [41, 42]
    consumer._committed_offset = {tp: None}
    consumer._thread = Thread()
    asyncio.run(HoleWatch().learn_committed(consumer, {tp}))
    assert consumer._committed_offset[tp] == 40
    assert committable_offset(consumer._acked[tp], 40) is None  # 40 itself was never acked


def test_head_hole() -> None:
    assert head_hole([101, 102], 100) == (100, 101)
    assert head_hole([100, 101], 100) is None
    assert head_hole([], 100) is None
    assert head_hole([101], None) is None


class _Consumer:
    def __init__(self) -> None:
        self._acked: dict[Any, list[int]] = {}
        self._committed_offset: dict[Any, int | None] = {}
        self._read_offset: dict[Any, int | None] = {}


def test_hole_watch_waits_out_the_grace_then_reports_once() -> None:
    now = [0.0]
    watch = HoleWatch(grace_s=3.0, clock=lambda: now[0])
    consumer = _Consumer()
    tp = TP("reports.raw", 1)
    consumer._acked[tp] = [2445]
    consumer._committed_offset[tp] = 2444
    assert watch.due(consumer) == []
    now[0] = 2.0
    assert watch.due(consumer) == []
    now[0] = 3.5
    assert watch.due(consumer) == [(tp, 2444, 2445)]
    now[0] = 4.0
    assert watch.due(consumer) == []  # the clock starts again after a seek


def test_hole_watch_forgets_a_hole_that_filled() -> None:
    now = [0.0]
    watch = HoleWatch(grace_s=1.0, clock=lambda: now[0])
    consumer = _Consumer()
    tp = TP("reports.raw", 0)
    consumer._acked[tp] = [11]
    consumer._committed_offset[tp] = 10
    watch.due(consumer)
    consumer._acked[tp] = [10, 11]
    now[0] = 5.0
    assert watch.due(consumer) == []


@pytest.fixture()
def consumer() -> Any:
    offsets.install()
    app = faust.App("sitrep-test-offsets", broker="kafka://127.0.0.1:1", store="memory://")
    app.topic("reports.raw")
    consumer = app.consumer
    tp = TP("reports.raw", 0)
    consumer.assignment = lambda: {tp}  # type: ignore[method-assign]
    committed: list[dict[Any, int]] = []
    outcome = {"ok": True}

    async def commit(offsets: Any) -> bool:
        if outcome["ok"]:
            committed.append(dict(offsets))
        return outcome["ok"]

    async def flush() -> None:
        return None

    consumer._commit = commit  # type: ignore[method-assign]
    app.producer.flush = flush  # type: ignore[method-assign]
    consumer._test = (tp, committed, outcome)
    return consumer


def _ack(consumer: Any, tp: TP, *numbers: int) -> None:
    for number in numbers:
        consumer._acked[tp].append(number)
        consumer._acked_index[tp].add(number)


def test_patched_consumer_does_not_commit_past_a_dropped_message(consumer: Any) -> None:
    tp, committed, _ = consumer._test
    consumer._committed_offset[tp] = 100
    _ack(consumer, tp, 101, 102, 103)
    assert asyncio.run(consumer.commit()) is False
    assert committed == []
    _ack(consumer, tp, 100)
    assert asyncio.run(consumer.commit()) is True
    assert committed == [{tp: 104}]
    assert consumer._committed_offset[tp] == 104
    assert consumer._acked[tp] == []


def test_a_failed_commit_keeps_the_books(consumer: Any) -> None:
    tp, committed, outcome = consumer._test
    consumer._committed_offset[tp] = 100
    _ack(consumer, tp, 100, 101)
    outcome["ok"] = False
    asyncio.run(consumer.commit())
    assert consumer._committed_offset[tp] == 100
    assert sorted(consumer._acked[tp]) == [100, 101]
    outcome["ok"] = True
    _ack(consumer, tp, 102)
    asyncio.run(consumer.commit())
    assert committed == [{tp: 103}]


class _App:
    def __init__(self, consumer: Any) -> None:
        self.consumer = consumer
        self.rebalancing = False


def test_hole_watch_seeks_back_again_waiting_longer_each_time() -> None:
    now = [0.0]
    watch = HoleWatch(grace_s=1.0, clock=lambda: now[0], max_grace_s=3.0)
    consumer = _Consumer()
    tp = TP("reports.raw", 0)
    consumer._acked[tp] = [12, 13]
    consumer._committed_offset[tp] = 10
    consumer.flow_active = True
    consumer.assignment = lambda: {tp}
    sought: list[float] = []

    async def seek(partition: Any, offset: int) -> None:
        assert (partition, offset) == (tp, 10)
        sought.append(now[0])

    consumer.seek = seek
    app = _App(consumer)
    for step in range(40):
        now[0] = step * 0.5
        asyncio.run(watch.check(app))
    # first after 1 s, then 2 s, then at most 3 s apart; never counted as a gap (offsets stay unacked)
    assert sought[:3] == [1.0, 3.5, 7.0]
    assert all(b - a <= 3.5 for a, b in zip(sought[2:], sought[3:], strict=False))
    assert committable_offset(consumer._acked[tp], 10) is None


def test_a_fetch_that_jumps_adds_no_gap(consumer: Any) -> None:
    tp, committed, _ = consumer._test
    consumer._committed_offset[tp] = 100
    asyncio.run(consumer._add_gap(tp, 100, 103))
    _ack(consumer, tp, 104)
    assert asyncio.run(consumer.commit()) is False
    assert committed == []


def test_hole_watch_waits_longest_for_a_message_fetched_again() -> None:
    now = [0.0]
    watch = HoleWatch(grace_s=1.0, clock=lambda: now[0], max_grace_s=30.0)
    consumer = _Consumer()
    tp = TP("events.candidates", 0)
    consumer._acked[tp] = [8650]
    consumer._committed_offset[tp] = 8640
    watch.due(consumer)
    now[0] = 1.0
    assert watch.due(consumer) == [(tp, 8640, 8650)]
    watch.sought[tp] = (8640, 1)
    consumer._read_offset[tp] = 8700  # the fetch went past it after the seek: it is queued
    now[0] = 1.5
    watch.due(consumer)
    now[0] = 20.0
    assert watch.due(consumer) == []
    now[0] = 31.5
    assert watch.due(consumer) == [(tp, 8640, 8650)]


class _Message:
    def __init__(self, tp: TP, offset: int) -> None:
        self.tp, self.offset, self.acked = tp, offset, False


class _StalledConsumer(_Consumer):
    def __init__(self, tp: TP, committed: int, high: int) -> None:
        super().__init__()
        self._committed_offset[tp] = committed
        self._unacked_messages: set[_Message] = set()
        self._paused_partitions: set[TP] = set()
        self.high = {tp: high}
        self.flow_active = True
        self.sought: list[tuple[TP, int]] = []
        self.resumed: list[TP] = []
        self.assignment = lambda: {tp}

    def highwater(self, tp: TP) -> int | None:
        return self.high.get(tp)

    async def seek(self, tp: TP, offset: int) -> None:
        self.sought.append((tp, offset))

    def resume_partitions(self, tps: Any) -> None:
        self.resumed.extend(tps)
        self._paused_partitions.difference_update(tps)


class _Topics:
    @staticmethod
    def acks_enabled_for(topic: str) -> bool:
        return not topic.endswith("-changelog")


class _StallApp(_App):
    def __init__(self, consumer: Any) -> None:
        super().__init__(consumer)
        self.topics = _Topics()


def test_stall_watch_seeks_back_a_partition_behind_with_nothing_in_flight() -> None:
    now = [0.0]
    tp = TP("reports.raw", 1)
    consumer = _StalledConsumer(tp, committed=20, high=278)
    consumer._paused_partitions.add(tp)
    app = _StallApp(consumer)
    watch = StallWatch(grace_s=10.0, clock=lambda: now[0], max_grace_s=40.0)
    for step in range(12):
        now[0] = step * 1.0
        asyncio.run(watch.check(app))
    assert consumer.sought == [(tp, 20)] and consumer.resumed == [tp]
    # still stuck at 20: the next seek waits twice as long
    for step in range(12, 40):
        now[0] = step * 1.0
        asyncio.run(watch.check(app))
    assert consumer.sought == [(tp, 20), (tp, 20)]


def test_stall_watch_leaves_busy_caught_up_and_acking_partitions_alone() -> None:
    now = [0.0]
    tp = TP("reports.clean", 0)
    consumer = _StalledConsumer(tp, committed=100, high=400)
    consumer._unacked_messages.add(_Message(tp, 100))  # queued for a slow agent
    app = _StallApp(consumer)
    watch = StallWatch(grace_s=5.0, clock=lambda: now[0])
    for step in range(30):
        now[0] = float(step)
        asyncio.run(watch.check(app))
    assert consumer.sought == []
    consumer._unacked_messages.clear()
    consumer._acked[tp] = [100, 101]  # processed, commit not yet made
    for step in range(30, 60):
        now[0] = float(step)
        asyncio.run(watch.check(app))
    assert consumer.sought == []
    consumer._acked[tp] = []
    consumer._committed_offset[tp] = 400  # caught up
    for step in range(60, 90):
        now[0] = float(step)
        asyncio.run(watch.check(app))
    assert consumer.sought == []


def test_stall_watch_clock_starts_again_when_the_committed_offset_moves() -> None:
    now = [0.0]
    tp = TP("events.candidates", 0)
    consumer = _StalledConsumer(tp, committed=10, high=50)
    watch = StallWatch(grace_s=10.0, clock=lambda: now[0])
    assert watch.due(consumer, {tp}, _Topics.acks_enabled_for) == []
    now[0] = 8.0
    consumer._committed_offset[tp] = 30
    assert watch.due(consumer, {tp}, _Topics.acks_enabled_for) == []
    now[0] = 12.0
    assert watch.due(consumer, {tp}, _Topics.acks_enabled_for) == []
    now[0] = 18.5
    assert watch.due(consumer, {tp}, _Topics.acks_enabled_for) == [(tp, 30, 50)]


def test_stall_watch_waits_during_a_rebalance() -> None:
    now = [0.0]
    tp = TP("reports.raw", 0)
    consumer = _StalledConsumer(tp, committed=0, high=30)
    app = _StallApp(consumer)
    app.rebalancing = True
    watch = StallWatch(grace_s=1.0, clock=lambda: now[0])
    for step in range(10):
        now[0] = float(step)
        asyncio.run(watch.check(app))
    assert consumer.sought == []


def test_stall_watch_gives_a_busy_worker_the_long_grace() -> None:
    now = [0.0]
    tp, other = TP("events", 1), TP("reports.clean", 0)
    consumer = _StalledConsumer(tp, committed=3600, high=4600)
    consumer._unacked_messages.add(_Message(other, 7))  # another agent's queue is full
    watch = StallWatch(grace_s=10.0, clock=lambda: now[0], max_grace_s=120.0)
    for step in range(0, 119, 5):
        now[0] = float(step)
        assert watch.due(consumer, {tp, other}, _Topics.acks_enabled_for) == []
    now[0] = 120.0
    assert watch.due(consumer, {tp, other}, _Topics.acks_enabled_for) == [(tp, 3600, 4600)]
