"""Silences: durations, the SQLite store shared by the CLI and the stream."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from alerts_factories import NOW

from processors.alerts import Silence, SilenceError, SilenceStore, parse_duration


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("90s", timedelta(seconds=90)),
        ("30m", timedelta(minutes=30)),
        ("6h", timedelta(hours=6)),
        ("7d", timedelta(days=7)),
        ("2w", timedelta(weeks=2)),
        ("1.5h", timedelta(minutes=90)),
        (" 6h ", timedelta(hours=6)),
    ],
)
def test_durations(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "6", "h", "6 hours", "-1h", "0h"])
def test_bad_durations_say_how_to_write_one(text: str) -> None:
    with pytest.raises(SilenceError, match="6h|longer than zero"):
        parse_duration(text)


def test_store_round_trip_replace_remove_prune(tmp_path: Path) -> None:
    store = SilenceStore.in_state_dir(tmp_path / "state")
    assert store.active(NOW) == []  # no file yet: nothing silenced, nothing created
    assert not (tmp_path / "state").exists()
    store.add(
        Silence(
            "surge-idlib", NOW + timedelta(hours=6), key="Idleb", created_at=NOW, reason="known offensive"
        )
    )
    store.add(Silence("near-tal-rifaat", NOW + timedelta(hours=1)))
    store.add(Silence("old", NOW - timedelta(seconds=1)))
    assert [(s.rule, s.key) for s in store.active(NOW)] == [
        ("near-tal-rifaat", None),
        ("surge-idlib", "Idleb"),
    ]
    assert store.active(NOW)[1].reason == "known offensive"
    # silencing again replaces (extends) rather than stacking
    store.add(Silence("near-tal-rifaat", NOW + timedelta(hours=12)))
    assert [s.until - NOW for s in store.active(NOW) if s.rule == "near-tal-rifaat"] == [timedelta(hours=12)]
    assert store.prune(NOW) == 1
    assert store.remove("surge-idlib", "Idleb") == 1 and store.remove("surge-idlib", "Idleb") == 0
    assert [s.rule for s in store.all()] == ["near-tal-rifaat"]


def test_an_unreadable_store_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "alerts.sqlite"
    bad.write_text("this is not a database")
    with pytest.raises(SilenceError, match="cannot open the silences file"):
        SilenceStore(bad).active(NOW)
