"""Durable poller state in SQLite: the seen-store and each feed's state.

* ``seen``: report_id → (entry_hash, content_hash, revision). A report is written here only after
  the broker confirmed its delivery, so a crash or outage re-publishes rather than loses.
* ``feed_state``: one JSON row per feed (validators, errors, last success, next poll...).

Several poller processes on one machine may share the file (WAL mode, busy timeout).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ingest.scheduler import FeedState

_SCHEMA = """
CREATE TABLE IF NOT EXISTS seen (
    report_id    TEXT PRIMARY KEY,
    entry_hash   TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    revision     INTEGER NOT NULL,
    feed_id      TEXT NOT NULL,
    published_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS feed_state (
    feed_id TEXT PRIMARY KEY,
    data    TEXT NOT NULL
);
"""
_DATETIME_FIELDS = (
    "last_checked_at",
    "last_success_at",
    "last_new_entry_at",
    "next_poll_at",
    "websub_expires_at",
)


@dataclass(frozen=True)
class SeenMark:
    """What was last published for a report_id."""

    entry_hash: str
    content_hash: str
    revision: int


def _state_to_json(state: FeedState) -> str:
    data: dict[str, Any] = asdict(state)
    for name in _DATETIME_FIELDS:
        data[name] = data[name].isoformat() if data[name] else None
    data["recent_entry_times"] = [t.isoformat() for t in state.recent_entry_times]
    return json.dumps(data)


def _state_from_json(text: str) -> FeedState:
    data = json.loads(text)
    for name in _DATETIME_FIELDS:
        data[name] = datetime.fromisoformat(data[name]) if data.get(name) else None
    data["recent_entry_times"] = [datetime.fromisoformat(t) for t in data.get("recent_entry_times", [])]
    known = FeedState.__dataclass_fields__
    return FeedState(**{k: v for k, v in data.items() if k in known})


class PollerStore:
    """SQLite-backed seen-store and feed-state store."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, timeout=30.0, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> PollerStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- seen-store -----------------------------------------------------------------------------

    def seen(self, report_id: str) -> SeenMark | None:
        """The last published version of ``report_id``, or None if never published."""
        with self._lock:
            row = self._db.execute(
                "SELECT entry_hash, content_hash, revision FROM seen WHERE report_id = ?", (report_id,)
            ).fetchone()
        return SeenMark(*row) if row else None

    def mark_seen(
        self, report_id: str, entry_hash: str, content_hash: str, revision: int, feed_id: str, now: datetime
    ) -> None:
        """Record a delivered report (call only after the broker confirmed it)."""
        with self._lock:
            self._db.execute(
                "INSERT INTO seen (report_id, entry_hash, content_hash, revision, feed_id, published_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(report_id) DO UPDATE SET "
                "entry_hash = excluded.entry_hash, content_hash = excluded.content_hash, "
                "revision = excluded.revision, published_at = excluded.published_at",
                (report_id, entry_hash, content_hash, revision, feed_id, now.isoformat()),
            )

    def reserve_revision(self, report_id: str, revision: int, feed_id: str, now: datetime) -> None:
        """Record that ``revision`` of ``report_id`` is about to be published (before sending it).

        The broker may take a message whose confirmation never reaches us (a timeout, or a crash
        before ``mark_seen``). The reserved mark has no hashes, so the next attempt publishes again
        under ``revision + 1``: a number is never reused for other content (downstream keeps the
        first document of a revision and ignores later ones)."""
        self.mark_seen(report_id, "", "", revision, feed_id, now)

    def seen_count(self) -> int:
        """Reports whose delivery was confirmed."""
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM seen WHERE entry_hash != ''").fetchone()[0])

    # --- feed state -----------------------------------------------------------------------------

    def state(self, feed_id: str) -> FeedState:
        """The feed's stored state, or a fresh one."""
        with self._lock:
            row = self._db.execute("SELECT data FROM feed_state WHERE feed_id = ?", (feed_id,)).fetchone()
        return _state_from_json(row[0]) if row else FeedState(feed_id=feed_id)

    def states(self) -> dict[str, FeedState]:
        with self._lock:
            rows = self._db.execute("SELECT data FROM feed_state").fetchall()
        states = [_state_from_json(r[0]) for r in rows]
        return {s.feed_id: s for s in states}

    def save_state(self, state: FeedState) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO feed_state (feed_id, data) VALUES (?, ?) "
                "ON CONFLICT(feed_id) DO UPDATE SET data = excluded.data",
                (state.feed_id, _state_to_json(state)),
            )

    def forget_feed(self, feed_id: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM feed_state WHERE feed_id = ?", (feed_id,))
