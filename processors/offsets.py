"""Offset commits that never pass a message the worker has not processed (fixes to Faust 0.15.3).

Faust drops fetched messages around every rebalance (the fetch loop gives up a message it was handing
over when flow stops, agent queues are cleared, a stream skips events of an older generation) and
relies on seeking back to the committed offsets afterwards. Three holes in its bookkeeping let a
commit pass such a message, which is then never processed (found under `make chaos`: the last two
reports of a partition lost with every consumer group at lag 0):

1. The head-of-queue check lets one missing offset through: committed 100, acked 101–120 → it commits
   121 and message 100 is lost (faust-streaming issue #606; fixed upstream by PR #707, not in a
   release on PyPI). Here a commit needs the acked run to start at the committed offset.
2. A partition that has never been committed is not seeked at all (aiokafka's `seek_to_committed`
   skips offsets None and 0), so messages dropped before its first commit are skipped for good, and
   with no committed offset Faust commits whatever acked run comes first. Here such partitions are
   seeked to their earliest offset, which is where a new consumer group starts
   (`auto_offset_reset=earliest`), and that offset becomes the base of the check above. A partition
   whose committed offset Faust's books lack anyway (a rebalance that ended without its seek) commits
   nothing until `HoleWatch` has looked the offset up on the broker.
3. A failed commit still moved the committed offset in Faust's books and forgot the acked offsets
   (faust-streaming #316; upstream PR #692). Here the books move only when the broker took the commit.
4. When the offsets it fetches jump (its fetch position moved past messages it then dropped), Faust
   records the skipped offsets as a "gap" and counts them as acked, assuming a compacted topic or
   transaction markers. Our topics are neither (offsets are consecutive), so the jump means dropped
   messages: here no gap is assumed from a jump (seen under `make chaos`: three reports lost at once).

With 1–4 a dropped message can no longer be committed past; it stops the partition's commits instead
(the lag shows it). Faust seeks back at the next rebalance; if none comes, `HoleWatch` seeks the
partition back to its committed offset itself: messages of one partition are acked in order (one
agent per topic, concurrency 1), so acked offsets past a missing one mean that one was dropped. The
messages after it are processed twice, which every stage tolerates (stable ids, idempotent writes).
Should the seek bring nothing at that offset, it seeks again, waiting twice as long each time (up to
a minute): under load a re-read can take long, and counting the offsets as a gap would lose them.
A log that really has gaps (a topic compacted or written by a transactional producer; sitrep's topics
are neither) therefore stops its partition's commits, with a warning naming the offsets.

A partition can also stall with nothing acked past the missing message, so no hole shows: its
messages dropped with none after them, or never handed over (a fetch position or read offset left past
them, a fetch left paused). `StallWatch` seeks such a partition back, and resumes its fetch, once its
committed offset has stayed below the high-water mark for a grace period with none of its messages in
flight (Faust tracks every message handed to an agent until it is acked).

Only Faust's consumer base class is patched (no driver code), once per process; `install()` is
idempotent and the originals stay reachable as ``_sitrep_original`` for tests.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)


def committable_offset(acked: list[int], committed: int | None) -> int | None:
    """The offset to commit for one partition: one past the run of acked offsets that starts at
    ``committed`` (the next offset to process), or None when the message at ``committed`` has not been
    acked, or ``committed`` is not known (`HoleWatch` looks it up). ``acked`` is sorted in place and
    loses the offsets below ``committed``."""
    acked.sort()
    if committed is None:
        return None
    below = 0
    while below < len(acked) and acked[below] < committed:
        below += 1
    del acked[:below]
    if not acked or acked[0] != committed:
        return None
    end = acked[0]
    for offset in acked[1:]:
        if offset != end + 1:
            break
        end = offset
    return end + 1


def head_hole(acked: list[int], committed: int | None) -> tuple[int, int] | None:
    """``(first missing offset, first acked offset after it)`` when offsets past ``committed`` were
    acked but the one at ``committed`` was not, else None."""
    if committed is None or not acked:
        return None
    later = [offset for offset in acked if offset > committed]
    if not later or committed in acked:
        return None
    return committed, min(later)


def install() -> None:
    """Patch Faust's consumer (see the module docstring)."""
    from faust.transport.consumer import Consumer

    if getattr(Consumer, "_sitrep_offsets", False):
        return
    original_perform_seek = Consumer.perform_seek
    original_commit_offsets = Consumer._commit_offsets

    def _new_offset(self: Any, tp: Any) -> int | None:
        acked = self._acked[tp]
        if not acked:
            return None
        # Faust's gap intervals are not consulted: nothing records them any more (see _add_gap below).
        before = set(acked)
        offset = committable_offset(acked, self._committed_offset[tp])
        self._acked_index[tp].difference_update(before - set(acked))
        return offset

    async def _commit_offsets(self: Any, offsets: Any, start_new_transaction: bool = True) -> bool:
        previous = {tp: self._committed_offset[tp] for tp in offsets}
        did_commit = await original_commit_offsets(self, offsets, start_new_transaction=start_new_transaction)
        for tp, offset in offsets.items():
            if did_commit and self._committed_offset[tp] == offset:
                # the committed run is done with: forget it (Faust's own _new_offset did this before
                # the commit, so a failed commit lost it)
                acked = self._acked[tp]
                done = [o for o in acked if o < offset]
                if done:
                    acked[:] = [o for o in acked if o >= offset]
                    self._acked_index[tp].difference_update(done)
            elif not did_commit:
                self._committed_offset[tp] = previous[tp]
        return did_commit

    async def perform_seek(self: Any) -> None:
        await original_perform_seek(self)
        acking = self.app.topics.acks_enabled_for
        fresh = [tp for tp in self.assignment() if acking(tp.topic) and self._committed_offset[tp] is None]
        if not fresh:
            return
        earliest = await self.earliest_offsets(*fresh)
        for tp in fresh:
            start = earliest.get(tp)
            if start is None:
                continue
            await _seek(self, tp, start)
            self._read_offset[tp] = None
            self._committed_offset[tp] = start

    async def _add_gap(self: Any, tp: Any, offset_from: int, offset_to: int) -> None:
        log.debug("offsets %s-%s of %s skipped by the fetch: left for a seek back", offset_from, offset_to, tp)

    _add_gap._sitrep_original = Consumer._add_gap  # type: ignore[attr-defined]
    Consumer._add_gap = _add_gap  # type: ignore[method-assign]
    _new_offset._sitrep_original = Consumer._new_offset  # type: ignore[attr-defined]
    _commit_offsets._sitrep_original = original_commit_offsets  # type: ignore[attr-defined]
    perform_seek._sitrep_original = original_perform_seek  # type: ignore[attr-defined]
    Consumer._new_offset = _new_offset  # type: ignore[method-assign]
    Consumer._commit_offsets = _commit_offsets  # type: ignore[method-assign]
    Consumer.perform_seek = perform_seek  # type: ignore[method-assign]
    Consumer._sitrep_offsets = True  # type: ignore[attr-defined]


class HoleWatch:
    """Seeks a partition back to its committed offset when a dropped message has stopped its commits
    for ``grace_s`` (no rebalance came to seek it back).

    After a seek the message comes again behind whatever the agent has queued (thousands of messages
    when it is behind), so a hole that outlives a seek is sought again only once the grace has passed,
    doubled for each seek, and, while the fetch has gone past the offset since the seek (the message
    was handed over and waits in the queue), only after ``max_grace_s``."""

    def __init__(self, grace_s: float = 3.0, clock: Any = time.monotonic, max_grace_s: float = 60.0,
                 on_seek: Callable[[Any], None] | None = None) -> None:
        self.grace_s, self.max_grace_s = grace_s, max_grace_s
        self.clock = clock
        self.on_seek = on_seek
        self.seen: dict[Any, tuple[tuple[int, int], float]] = {}
        self.sought: dict[Any, tuple[int, int]] = {}  # partition -> (offset sought back to, times)

    def due(self, consumer: Any) -> list[tuple[Any, int, int]]:
        """``(tp, missing offset, next acked offset)`` for each partition whose hole outlived the grace."""
        now = self.clock()
        due, current = [], {}
        for tp, acked in list(consumer._acked.items()):
            hole = head_hole(acked, consumer._committed_offset[tp])
            if hole is None:
                continue
            first_seen = self.seen.get(tp)
            since = first_seen[1] if first_seen and first_seen[0] == hole else now
            current[tp] = (hole, since)
            missing, times = self.sought.get(tp, (None, 0))
            if missing != hole[0]:
                grace = self.grace_s
            elif (consumer._read_offset.get(tp) or -1) > missing:
                grace = self.max_grace_s  # fetched again since the seek: it waits in the agent's queue
            else:
                grace = min(self.max_grace_s, self.grace_s * 2 ** times)
            if now - since >= grace:
                due.append((tp, *hole))
                del current[tp]
        self.seen = current
        return due

    async def check(self, app: Any) -> int:
        """Seek back every partition with an overdue hole; returns how many."""
        consumer = app.consumer
        if app.rebalancing or not consumer.flow_active:
            self.seen.clear()  # a rebalance ends with a seek to the committed offsets anyway
            self.sought.clear()
            return 0
        assigned = consumer.assignment()
        await self.learn_committed(consumer, assigned)
        sought = 0
        for tp, missing, acked_after in self.due(consumer):
            if tp not in assigned:
                continue
            where = {"topic": tp.topic, "partition": tp.partition, "offset": missing}
            before, times = self.sought.get(tp, (None, 0))
            times = times + 1 if before == missing else 1
            if times == 1:
                log.warning("offset %s of %s[%s] was dropped before processing (offsets from %s acked): "
                            "seeking back to it", missing, tp.topic, tp.partition, acked_after, extra=where)
            else:
                log.warning("offset %s of %s[%s] still not processed after %d seeks back; commits of the "
                            "partition wait for it (a gap in the log? compacted topics and transactional "
                            "producers are not supported): seeking back again", missing, tp.topic,
                            tp.partition, times - 1, extra=where)
            await _seek(consumer, tp, missing)
            self.sought[tp] = (missing, times)
            sought += 1
            if self.on_seek is not None:
                self.on_seek(tp)
        return sought

    async def learn_committed(self, consumer: Any, assigned: Any) -> None:
        """Look up the committed offset of partitions processed without one in Faust's books (a
        rebalance that ended without its seek to the committed offsets): until it is known nothing of
        theirs is committed, since where the acked run must start is unknown."""
        for tp, acked in list(consumer._acked.items()):
            if not acked or tp not in assigned or consumer._committed_offset[tp] is not None:
                continue
            committed = await _broker_committed(consumer, tp)
            if committed is None:
                committed = (await consumer.earliest_offsets(tp)).get(tp)
            if committed is not None and consumer._committed_offset[tp] is None:
                consumer._committed_offset[tp] = committed


class StallWatch:
    """Seeks a partition back to its committed offset, and resumes its fetch, when it has messages
    past that offset but none in flight and none acked, and the offset has not moved for ``grace_s``.

    `HoleWatch` sees a dropped message only through the acks of later ones; this sees a partition
    whose messages are neither processed nor on their way: dropped with nothing acked after them,
    skipped by a fetch position or read offset left past them, or a fetch left paused. Seen once in CI
    (short chaos): after the second worker left, one reports.raw partition stayed 258 messages behind
    its committed offset for minutes while every other partition drained. A partition with messages
    queued for its agent (tracked by Faust until acked) is never touched, so a slow agent is not
    disturbed. While other partitions have messages in flight the worker may simply be busy (Faust's
    fetch loop waits whenever one agent's queue is full, so other partitions get nothing handed over):
    then a partition counts as stalled only after ``max_grace_s``. Each further seek at the same
    offset waits twice as long (up to ``max_grace_s``)."""

    def __init__(self, grace_s: float = 15.0, clock: Any = time.monotonic, max_grace_s: float = 120.0,
                 on_seek: Callable[[Any], None] | None = None) -> None:
        self.grace_s, self.max_grace_s = grace_s, max_grace_s
        self.clock = clock
        self.on_seek = on_seek
        self.seen: dict[Any, tuple[int, float]] = {}  # partition -> (committed offset, stalled since)
        self.sought: dict[Any, tuple[int, int]] = {}  # partition -> (offset sought back to, times)

    def due(self, consumer: Any, assigned: Any, acking: Callable[[str], bool]) -> list[tuple[Any, int, int]]:
        """``(tp, committed offset, high-water mark)`` for each stalled partition whose grace is over."""
        now = self.clock()
        in_flight = {message.tp for message in list(consumer._unacked_messages) if not message.acked}
        due, current = [], {}
        for tp in assigned:
            if not acking(tp.topic) or tp in in_flight or consumer._acked.get(tp):
                continue
            committed = consumer._committed_offset.get(tp)
            try:
                high = consumer.highwater(tp)
            except Exception:  # noqa: BLE001 (not fetched yet, or no longer assigned)
                continue
            if committed is None or high is None or high <= committed:
                continue
            seen = self.seen.get(tp)
            since = seen[1] if seen and seen[0] == committed else now
            current[tp] = (committed, since)
            offset, times = self.sought.get(tp, (None, 0))
            grace = min(self.max_grace_s, self.grace_s * 2 ** (times if offset == committed else 0))
            if in_flight:
                grace = self.max_grace_s
            if now - since >= grace:
                due.append((tp, committed, high))
                current[tp] = (committed, now)
        self.seen = current
        return due

    async def check(self, app: Any) -> int:
        """Seek back (and resume) every partition stalled past its grace; returns how many."""
        consumer = app.consumer
        if app.rebalancing or not consumer.flow_active:
            self.seen.clear()
            return 0
        sought = 0
        for tp, committed, high in self.due(consumer, consumer.assignment(), app.topics.acks_enabled_for):
            offset, times = self.sought.get(tp, (None, 0))
            times = times + 1 if offset == committed else 1
            paused = tp in getattr(consumer, "_paused_partitions", ())
            log.warning("%s[%s] has made no progress at offset %s (%s message(s) behind, none in flight%s): "
                        "seeking back to it%s", tp.topic, tp.partition, committed, high - committed,
                        ", fetch paused" if paused else "", "" if times == 1 else f" (again, {times})",
                        extra={"topic": tp.topic, "partition": tp.partition, "offset": committed})
            if paused:
                consumer.resume_partitions({tp})
            await _seek(consumer, tp, committed)
            self.sought[tp] = (committed, times)
            sought += 1
            if self.on_seek is not None:
                self.on_seek(tp)
        return sought


async def _broker_committed(consumer: Any, tp: Any) -> int | None:
    """The group's committed offset of ``tp`` on the broker (aiokafka driver), or None."""
    thread = getattr(consumer, "_thread", None)
    if thread is None or not hasattr(thread, "call_thread"):
        return None
    return await thread.call_thread(thread._ensure_consumer().committed, tp)


async def _seek(consumer: Any, tp: Any, offset: int) -> None:
    """Seek on the consumer's own thread and wait for the new position (Faust's ``seek_wait``, which
    also resets its read offset), where the driver has it."""
    if hasattr(consumer, "seek_wait"):
        await consumer.seek_wait({tp: offset})
    else:
        await consumer.seek(tp, offset)
