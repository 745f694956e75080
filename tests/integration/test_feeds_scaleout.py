"""Two `sitrep poll --shard` instances share the registry through the feeds topic: no feed is
polled twice, and when one instance is killed the other takes over its feeds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
FEEDS = 10
INTERVAL_S = 4.0


@contextmanager
def feed_server(hits: list[tuple[float, str, str]]) -> Iterator[str]:
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            with lock:
                hits.append((time.monotonic(), self.path, self.headers.get("User-Agent", "")))
            feed = self.path.strip("/")
            body = (
                f'<?xml version="1.0"?><rss version="2.0"><channel><title>{feed}</title><item>'
                f"<title>report of {feed}</title><link>https://example.org/{feed}</link>"
                "</item></channel></rss>"
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def wait_for(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout_s:.0f}s waiting for {what}")


def test_two_instances_share_feeds_and_take_over(fresh_kafka: str, tmp_path: Path) -> None:
    hits: list[tuple[float, str, str]] = []
    processes: list[subprocess.Popen[bytes]] = []
    with feed_server(hits) as base:
        registry = tmp_path / "feeds.toml"
        registry.write_text(
            "".join(
                f'[[feed]]\nid = "f{i}"\nurl = "{base}/f{i}"\nmin_interval_s = {INTERVAL_S}\n'
                f"max_interval_s = {INTERVAL_S}\n\n"
                for i in range(FEEDS)
            )
        )

        def start(name: str) -> subprocess.Popen[bytes]:
            env = {
                **os.environ,
                "SITREP_KAFKA__BOOTSTRAP": fresh_kafka,
                "SITREP_STATE_DIR": str(tmp_path / "state"),
                "SITREP_POLLER__ALLOW_HOSTS": '["127.0.0.1"]',
                "SITREP_POLLER__JITTER_FRACTION": "0",
                "SITREP_POLLER__POLITENESS_DELAY_S": "0",
                "SITREP_POLLER__FULLTEXT": "false",
                "SITREP_POLLER__GROUP_ID": f"pollers-{tmp_path.name}",
                "SITREP_POLLER__USER_AGENT": f"sitrep-poller/test instance-{name}",
            }
            log = open(tmp_path / f"{name}.log", "wb")  # noqa: SIM115
            process = subprocess.Popen(
                [sys.executable, "-m", "sitrep", "poll", "--shard", "--registry", str(registry)],
                cwd=REPO,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            processes.append(process)
            return process

        def polled_by(name: str, since: float = 0.0) -> set[str]:
            return {path for t, path, ua in list(hits) if ua.endswith(f"instance-{name}") and t >= since}

        try:
            a = start("a")
            wait_for(lambda: len(polled_by("a")) == FEEDS, 40, "instance a to poll every feed")
            start("b")
            wait_for(lambda: len(polled_by("b")) > 0, 40, "instance b to get a share of the feeds")
            both_since = time.monotonic()
            time.sleep(INTERVAL_S * 2)
            shared_a, shared_b = polled_by("a", both_since), polled_by("b", both_since)
            assert shared_a and shared_b and not shared_a & shared_b, (shared_a, shared_b)
            assert len(shared_a | shared_b) == FEEDS

            a.send_signal(signal.SIGKILL)  # a dead instance: no goodbye to the group
            a.wait(10)
            killed_at = time.monotonic()
            wait_for(
                lambda: len(polled_by("b", killed_at + 0.5)) == FEEDS,
                40,
                "instance b to take over every feed",
            )
        finally:
            for process in processes:
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)
            for process in processes:
                try:
                    process.wait(15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(5)
    # No double polling, ever: per feed, consecutive polls are about one interval apart.
    by_feed: dict[str, list[float]] = {}
    for t, path, _ua in hits:
        by_feed.setdefault(path, []).append(t)
    for path, times in by_feed.items():
        gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
        assert min(gaps, default=INTERVAL_S) > INTERVAL_S / 2, f"{path} polled twice within {min(gaps):.2f}s"
    log_b = (tmp_path / "b.log").read_text()
    assert "assigned feeds partitions" in log_b and "Traceback" not in log_b
