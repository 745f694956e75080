"""``sitrep feeds check``: fetch and parse URLs now, publish nothing, report one result per URL.

Runs every URL in one event loop (concurrently, per-host politeness still applies) with a
throw-away in-memory seen-store, so checking never touches the poller's state.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from ingest.fetcher import Fetcher
from ingest.handler import FeedOutcome, FeedPoller
from ingest.publisher import CollectingSink
from ingest.registry import Feed, feed_id_for
from ingest.settings import PollerSettings
from ingest.store import PollerStore


@dataclass
class FeedCheck:
    """The answer for one URL (the JSON line of ``sitrep feeds check --json``)."""

    url: str
    ok: bool
    status: int | None
    entries: int
    reports: int
    bozo: bool
    error: str | None

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    def line(self) -> str:
        """One human-readable line."""
        if not self.ok:
            return f"FAIL {self.url}: {self.error}"
        warning = " (recovered from malformed XML)" if self.bozo else ""
        return f"ok   {self.url}: HTTP {self.status}, {self.entries} entries, {self.reports} reports{warning}"


def _check_from(outcome: FeedOutcome) -> FeedCheck:
    error = f"{outcome.error_kind}: {outcome.error}" if not outcome.ok else None
    return FeedCheck(
        outcome.feed_id if not outcome.url else outcome.url,
        outcome.ok,
        outcome.status,
        outcome.entries,
        outcome.reports,
        outcome.bozo,
        error,
    )


async def check_feeds(
    urls: Sequence[str], settings: PollerSettings, *, on_result: Callable[[FeedCheck], None] | None = None
) -> list[FeedCheck]:
    """Fetch and parse every URL; results in the order of ``urls``. Never raises for a feed."""
    results: list[FeedCheck | None] = [None] * len(urls)
    store = PollerStore(":memory:")
    async with Fetcher(settings) as fetcher:
        poller = FeedPoller(fetcher, store, CollectingSink(), settings, fulltext=False)

        async def one(index: int, url: str) -> None:
            try:
                feed = Feed(id=feed_id_for(url), url=url)
            except Exception as exc:  # pydantic ValidationError: not an http(s) URL
                check = FeedCheck(url, False, None, 0, 0, False, f"invalid_url: {_first_error(exc)}")
            else:
                check = _check_from(await poller.poll(feed))
                check.url = url
            results[index] = check
            if on_result:
                on_result(check)

        await asyncio.gather(*(one(i, u) for i, u in enumerate(urls)))
    store.close()
    return [r for r in results if r is not None]


def _first_error(exc: Exception) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        try:
            return str(errors()[0]["msg"])
        except Exception:
            pass
    return str(exc).splitlines()[0]
