"""The fuse agent notices fusion state that is behind its stream (processors.stages.Stages.state_behind)."""

from __future__ import annotations

from typing import Any

from processors.stages import Stages


def _taken_in(offsets: list[int], partition: int = 0) -> dict[str, Any]:
    stage, store = Stages(), {}
    for offset in offsets:
        assert stage.state_behind(store, partition, offset) is None
        stage.record_position(store, partition, offset)
    return store


def test_a_partition_read_in_order_is_never_behind() -> None:
    _taken_in(list(range(50)))


def test_a_replay_after_a_crash_or_rebalance_is_not_behind() -> None:
    store = _taken_in(list(range(20)))
    stage = Stages()
    for offset in range(12, 25):  # resumed at the committed offset 12, before what the state has seen
        assert stage.state_behind(store, 0, offset) is None
        stage.record_position(store, 0, offset)
    assert store["pos|0"] == 24


def test_state_missing_committed_candidates_is_behind_once() -> None:
    stage = Stages()
    store = _taken_in(list(range(10)))
    assert "up to 9" in (stage.state_behind(store, 0, 15) or "")
    stage.record_position(store, 0, 15)
    assert stage.state_behind(store, 0, 16) is None


def test_an_empty_state_in_the_middle_of_a_partition_is_behind() -> None:
    stage = Stages()
    assert stage.state_behind({}, 0, 0) is None  # a partition's first candidate
    assert "no position" in (stage.state_behind({}, 0, 140) or "")  # a table that recovered nothing


def test_partitions_are_tracked_apart() -> None:
    stage = Stages()
    store = _taken_in(list(range(5)), partition=0)
    assert stage.state_behind(store, 1, 0) is None
    stage.record_position(store, 1, 0)
    assert stage.state_behind(store, 0, 5) is None
