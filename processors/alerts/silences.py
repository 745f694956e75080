"""Silences: "stop telling me about RULE (for KEY) until T".

A silence names a rule and, optionally, a key: an event id, or a place (admin1 or the location's
name). Without a key it silences the whole rule. `silenced_by` is the pure decision; `SilenceStore`
keeps silences in a small SQLite file under ``settings.state_dir`` so that ``sitrep alerts silence``
and a running pipeline share them (the engine re-reads them on each evaluation).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from processors.alerts.errors import SilenceError
from sitrep.records import Alert

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


@dataclass(frozen=True)
class Silence:
    """Alerts of ``rule`` (matching ``key`` when given) are not sent before ``until``."""

    rule: str
    until: datetime
    key: str | None = None
    created_at: datetime | None = None
    reason: str = ""

    def covers(self, alert: Alert, now: datetime) -> bool:
        """True when this silence is in force at ``now`` and applies to the alert."""
        if now >= self.until or self.rule not in (alert.rule, "*"):
            return False
        return self.key is None or self.key.strip().casefold() in alert_keys(alert)


class SilenceSource(Protocol):
    """Anything that can list the silences in force (a `SilenceStore`, or a list in tests)."""

    def active(self, now: datetime) -> Sequence[Silence]: ...


@dataclass(frozen=True)
class StaticSilences:
    """A fixed list of silences (tests, ``sitrep alerts test``)."""

    silences: tuple[Silence, ...] = ()

    def active(self, now: datetime) -> Sequence[Silence]:
        return [s for s in self.silences if now < s.until]


def alert_keys(alert: Alert) -> set[str]:
    """The keys a silence can name for this alert: event id(s), admin1, the place's name."""
    keys = {alert.event_id or "", *alert.event_ids, alert.admin1}
    if alert.location is not None:
        keys |= {alert.location.name, alert.location.admin1, alert.location.admin2}
    return {key.strip().casefold() for key in keys if key and key.strip()}


def silenced_by(silences: Iterable[Silence], alert: Alert, now: datetime) -> Silence | None:
    """The silence that holds this alert back at ``now``, if any."""
    return next((silence for silence in silences if silence.covers(alert, now)), None)


def parse_duration(text: str) -> timedelta:
    """``"90s"``, ``"30m"``, ``"6h"``, ``"7d"``, ``"2w"`` → a timedelta (positive)."""
    found = _DURATION.match(text or "")
    if not found:
        raise SilenceError(f"cannot read duration {text!r}: use a number and a unit, e.g. 30m, 6h, 7d")
    seconds = float(found.group(1)) * _UNIT_SECONDS[found.group(2)]
    if seconds <= 0:
        raise SilenceError(f"duration {text!r} must be longer than zero")
    return timedelta(seconds=seconds)


class SilenceStore:
    """Silences in a SQLite file (``<state_dir>/alerts.sqlite``), shared by the CLI and the stream."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    @classmethod
    def in_state_dir(cls, state_dir: Path | str) -> SilenceStore:
        return cls(Path(state_dir) / "alerts.sqlite")

    def add(self, silence: Silence) -> None:
        """Store a silence; silencing the same rule and key again replaces the earlier one."""
        with closing(self._connect(create=True)) as db, db:
            db.execute(
                "INSERT OR REPLACE INTO silences(rule, key, until, created_at, reason)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    silence.rule,
                    silence.key or "",
                    _iso(silence.until),
                    _iso(silence.created_at) if silence.created_at else None,
                    silence.reason,
                ),
            )

    def remove(self, rule: str, key: str | None = None) -> int:
        """Lift the silence of a rule (and key); returns how many were lifted."""
        if not self.path.exists():
            return 0
        with closing(self._connect()) as db, db:
            return db.execute("DELETE FROM silences WHERE rule = ? AND key = ?", (rule, key or "")).rowcount

    def all(self) -> list[Silence]:
        """Every stored silence, expired ones included, soonest to end first."""
        if not self.path.exists():
            return []
        with closing(self._connect()) as db:
            rows = db.execute(
                "SELECT rule, key, until, created_at, reason FROM silences ORDER BY until"
            ).fetchall()
        return [
            Silence(
                rule=rule,
                key=key or None,
                until=datetime.fromisoformat(until),
                created_at=datetime.fromisoformat(created) if created else None,
                reason=reason or "",
            )
            for rule, key, until, created, reason in rows
        ]

    def active(self, now: datetime) -> list[Silence]:
        """The silences in force at ``now``."""
        return [silence for silence in self.all() if now < silence.until]

    def prune(self, now: datetime) -> int:
        """Forget silences that have ended; returns how many."""
        if not self.path.exists():
            return 0
        with closing(self._connect()) as db, db:
            return db.execute("DELETE FROM silences WHERE until <= ?", (_iso(now),)).rowcount

    def _connect(self, create: bool = False) -> sqlite3.Connection:
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=5.0)
            db.execute(
                "CREATE TABLE IF NOT EXISTS silences (rule TEXT NOT NULL, key TEXT NOT NULL DEFAULT '',"
                " until TEXT NOT NULL, created_at TEXT, reason TEXT NOT NULL DEFAULT '',"
                " PRIMARY KEY (rule, key))"
            )
            return db
        except (sqlite3.Error, OSError) as exc:
            raise SilenceError(f"cannot open the silences file {self.path}: {exc}") from None


def _iso(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="microseconds")
