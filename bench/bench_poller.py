"""Poller throughput: feed checks per minute against a local farm of 5,000 feeds, mostly 304.

The farm (a separate process, ``python -m bench.bench_poller --farm PORTS FEEDS``) listens on
many loopback ports (one "host" each, so per-host politeness applies as in production: default
1 s between requests to one host, 2 in flight). Each feed answers 304 to its ETag, except one in
twenty, which publishes a new entry on every request. The poller (this process, one core) starts
in steady state (every feed's ETag known, as after a first round) and polls every feed once through
the production code path: guarded fetcher, parser, seen-store and feed state in SQLite, an
in-memory sink.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


# --- the farm ------------------------------------------------------------------------------------


class _FarmProtocol(asyncio.Protocol):
    counters: dict[str, int] = {}

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport: asyncio.Transport = transport  # type: ignore[assignment]
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while b"\r\n\r\n" in self.buffer:
            head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
            lines = head.decode("latin-1").split("\r\n")
            path = lines[0].split(" ")[1] if len(lines[0].split(" ")) > 1 else "/"
            headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:])}
            self.transport.write(self.respond(path, headers.get("if-none-match")))

    def respond(self, path: str, etag: str | None) -> bytes:
        feed = int(path.strip("/").split("/")[-1] or 0)
        lively = feed % 20 == 0
        count = self.counters.get(path, 0)
        if lively:
            count = self.counters[path] = count + 1
        current = f'"{feed}-{count}"'
        if etag == current:
            return f"HTTP/1.1 304 Not Modified\r\nETag: {current}\r\nContent-Length: 0\r\n\r\n".encode()
        items = "".join(
            f"<item><title>Feed {feed} report {n}</title><link>https://farm.example/{feed}/{n}</link>"
            f"<description>Clashes reported, entry {n}.</description></item>"
            for n in range(max(0, count - 5), count + 1)
        )
        body = (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>feed {feed}</title>{items}'
            "</channel></rss>"
        ).encode()
        return (
            f"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nETag: {current}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode() + body


async def _serve_farm(ports: int) -> None:
    loop = asyncio.get_running_loop()
    servers = [await loop.create_server(_FarmProtocol, "127.0.0.1", 0) for _ in range(ports)]
    print(json.dumps([s.sockets[0].getsockname()[1] for s in servers]), flush=True)
    await loop.run_in_executor(None, sys.stdin.read)  # until the parent closes our stdin


# --- the measurement -------------------------------------------------------------------------------


def _farm(ports: int) -> tuple[subprocess.Popen[str], list[int]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.bench_poller", "--farm", str(ports)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    return process, json.loads(process.stdout.readline())


async def _rounds(feeds: list[Any], state_dir: str) -> tuple[float, Any]:
    from ingest.fetcher import Fetcher
    from ingest.handler import FeedPoller
    from ingest.publisher import CollectingSink
    from ingest.scheduler import FeedState
    from ingest.service import PollerService
    from ingest.settings import PollerSettings
    from ingest.store import PollerStore

    settings = PollerSettings(
        allow_hosts=["127.0.0.1"], fulltext=False, state_path=Path(state_dir) / "p.sqlite3"
    )
    store = PollerStore(settings.state_path)  # type: ignore[arg-type]
    # Steady state: the poller has seen every feed before and holds its ETag (as after a first round).
    for feed in feeds:
        number = feed.url.rsplit("/", 1)[1]
        store.save_state(FeedState(feed.id, etag=f'"{number}-0"'))
    async with Fetcher(settings) as fetcher:
        service = PollerService(FeedPoller(fetcher, store, CollectingSink(), settings))
        started = time.perf_counter()
        summary = await service.poll_feeds(feeds)
        elapsed = time.perf_counter() - started
    store.close()
    return elapsed, summary


def run(quick: bool) -> Iterator[dict[str, Any]]:
    from ingest.registry import Feed

    total, per_host = (1000, 10) if quick else (5000, 10)
    process, ports = _farm(total // per_host)
    try:
        feeds = [
            Feed(id=f"farm-{i}", url=f"http://127.0.0.1:{ports[i % len(ports)]}/feed/{i}")
            for i in range(total)
        ]
        with tempfile.TemporaryDirectory() as state_dir:
            cpu_before = time.process_time()
            elapsed, summary = asyncio.run(_rounds(feeds, state_dir))
            cpu = time.process_time() - cpu_before
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=10)
    assert not summary.errors, f"farm feeds failed: {list(summary.errors.items())[:3]}"
    yield {
        "metric": "poller_feed_checks_per_min",
        "value": round(summary.feeds_polled / elapsed * 60),
        "unit": "checks/min",
    }
    yield {
        "metric": "poller_not_modified_share",
        "value": round(summary.not_modified / summary.feeds_polled, 3),
        "unit": "ratio",
    }
    yield {"metric": "poller_cpu_s_per_1000_checks", "value": round(cpu / total * 1000, 3), "unit": "s"}


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--farm":
        asyncio.run(_serve_farm(int(sys.argv[2])))
    else:
        for figure in run(quick="--quick" in sys.argv):
            print(json.dumps(figure))
