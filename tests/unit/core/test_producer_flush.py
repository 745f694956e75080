"""The worker's producer flush waits for every buffered message (processors.app._complete_producer_flush).

Faust's own flush gave up after one slow hand-over (0.1 s) and Faust then committed the offsets of
events whose table changelog records were still buffered; a worker lost right after lost that state.
"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import faust
from faust.transport.producer import ProducerBuffer

from processors.app import _complete_producer_flush


class _SlowChannel:
    """Hands each message over in ``delay_s`` (a broker answering slowly), recording the order."""

    def __init__(self, delay_s: float) -> None:
        self.delay_s = delay_s
        self.sent: list[int] = []

    async def publish_message(self, fut: Any, wait: bool = False) -> None:
        await asyncio.sleep(self.delay_s)
        self.sent.append(fut.number)


def _message(channel: _SlowChannel, number: int) -> Any:
    return SimpleNamespace(number=number, message=SimpleNamespace(channel=channel))


async def _buffer() -> ProducerBuffer:
    _complete_producer_flush()
    buffer = ProducerBuffer()
    buffer.app = faust.App("test-producer-flush", broker="kafka://127.0.0.1:1", store="memory://")
    await buffer.start()
    return buffer


def test_flush_returns_only_when_every_buffered_message_was_handed_over() -> None:
    async def run() -> list[int]:
        channel = _SlowChannel(delay_s=0.15)  # each hand-over slower than Faust's 0.1 s patience
        buffer = await _buffer()
        try:
            for number in range(4):
                buffer.put(_message(channel, number))
            await buffer.flush()
            return list(channel.sent)
        finally:
            await buffer.stop()

    assert asyncio.run(run()) == [0, 1, 2, 3]


def test_flush_does_not_wait_for_messages_buffered_after_it_started() -> None:
    async def run() -> tuple[list[int], int]:
        channel = _SlowChannel(delay_s=0.05)
        buffer = await _buffer()
        try:
            for number in range(2):
                buffer.put(_message(channel, number))
            flushing = asyncio.ensure_future(buffer.flush())
            await asyncio.sleep(0)
            for number in range(2, 40):  # a busy stream keeps writing while the commit flushes
                buffer.put(_message(channel, number))
            await asyncio.wait_for(flushing, timeout=1.0)
            result = list(channel.sent), buffer.size
            channel.delay_s = 0.0
            await buffer.flush()
            return result
        finally:
            await buffer.stop()

    sent, still_buffered = asyncio.run(run())
    assert sent[:2] == [0, 1]
    assert still_buffered > 0  # the flush returned without waiting for the later messages


def test_flush_of_a_stopped_buffer_with_unsent_messages_raises() -> None:
    async def run() -> None:
        channel = _SlowChannel(delay_s=10.0)
        buffer = await _buffer()
        buffer.put(_message(channel, 0))
        buffer.put(_message(channel, 1))
        await asyncio.sleep(0.01)
        await buffer.stop()
        await buffer.flush()

    try:
        asyncio.run(run())
    except RuntimeError as exc:
        assert "unsent" in str(exc)
    else:
        raise AssertionError("flush of a stopped buffer must not pretend its messages were sent")
