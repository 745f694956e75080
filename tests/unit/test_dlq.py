"""Dead-letter logic without a broker: decoding letters, filters, replay state and dry runs."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sitrep.deadletter import dead_letter_headers, make_dead_letter
from sitrep.dlq import Letter, ReplayState, dlq_topic, matches, parse_offset, parse_since, replay
from sitrep.errors import ConfigError

T0 = datetime(2026, 11, 24, 20, 0, tzinfo=UTC)


def letter(
    offset: int,
    original: bytes = b'{"bad": true}',
    error: str = "boom",
    *,
    key: bytes | None = b"k1",
    failed_at: datetime = T0,
    error_class: type[Exception] = ValueError,
) -> Letter:
    envelope = make_dead_letter(
        original,
        error_class(error),
        stage="normalize",
        key=key,
        topic="reports.raw",
        partition=1,
        offset=40 + offset,
        now=failed_at,
    )
    return Letter(
        topic="reports.raw.dlq",
        partition=0,
        offset=offset,
        value=envelope.model_dump_json().encode(),
        key=key,
        headers=dict(dead_letter_headers(envelope)),
    )


def test_a_letter_decodes_its_envelope_and_original() -> None:
    one = letter(3)
    assert one.problem is None
    assert one.original() == b'{"bad": true}' and one.original_key() == b"k1"
    assert one.source_topic == "reports.raw" and one.error_class == "ValueError"
    line = one.line()
    assert line.startswith("0:3") and "2026-11-24 20:00:00" in line
    assert "ValueError (normalize): boom" in line and "reports.raw[1]@43" in line
    shown = one.as_dict()
    assert shown["original"] == {"bad": True} and shown["original_key"] == "k1"
    assert shown["envelope"]["source_offset"] == 43 and shown["dlq"]["offset"] == 3
    assert shown["headers"]["error.class"] == "ValueError"


def test_binary_and_text_originals_are_shown_readably() -> None:
    assert letter(0, original=b"not json at all").as_dict()["original"] == "not json at all"
    assert letter(0, original=b"\x00\xff\x10").as_dict()["original"] == "base64:AP8Q"


def test_a_record_that_is_no_envelope_is_kept_with_the_reason() -> None:
    junk = Letter(
        topic="events.dlq",
        partition=0,
        offset=7,
        value=b"garbage",
        timestamp_ms=1_700_000_000_000,
        headers={"error.class": b"Poison"},
    )
    assert junk.envelope is None and junk.original() is None
    assert "not a dead-letter envelope" in (junk.problem or "")
    assert junk.error_class == "Poison" and junk.source_topic == "events"
    assert "UNREADABLE" in junk.line() and junk.as_dict()["value"] == "garbage"


def test_filters() -> None:
    early, late = letter(1, failed_at=T0), letter(2, failed_at=T0.replace(hour=22), error_class=KeyError)
    assert matches(early) and matches(late)
    assert [x.offset for x in (early, late) if matches(x, offsets=[(None, 2)])] == [2]
    assert not matches(late, offsets=[(1, 2)])  # wrong partition
    assert [x.offset for x in (early, late) if matches(x, since=T0.replace(hour=21))] == [2]
    assert [x.offset for x in (early, late) if matches(x, error_class="valueerror")] == [1]


def test_argument_parsing() -> None:
    assert dlq_topic("reports.raw") == dlq_topic("reports.raw.dlq") == "reports.raw.dlq"
    assert parse_offset("12") == (None, 12) and parse_offset("0:12") == (0, 12)
    with pytest.raises(ConfigError, match="PARTITION:OFFSET"):
        parse_offset("x")
    assert parse_since("2h", now=T0) == T0.replace(hour=18)
    assert parse_since("2026-11-24T20:00") == T0
    with pytest.raises(ConfigError, match="30m, 2h, 1d"):
        parse_since("yesterday")


def test_replay_state_remembers_letters_by_position_and_content(tmp_path: Path) -> None:
    path = tmp_path / "state" / "dlq-replayed.json"
    state = ReplayState(path)
    one = letter(1)
    assert not state.replayed(one)
    state.mark(one)
    state.save()
    again = ReplayState(path)
    assert again.replayed(one)
    # Same position, different letter (the topic was re-created): not replayed yet.
    assert not again.replayed(letter(1, error="other"))
    path.write_text("{broken")
    with pytest.raises(ConfigError, match="not JSON"):
        ReplayState(path)


def test_dry_run_counts_without_publishing(tmp_path: Path) -> None:
    state = ReplayState(tmp_path / "s.json")
    done = letter(1)
    state.mark(done)
    junk = Letter(topic="reports.raw.dlq", partition=0, offset=9, value=b"{}")
    result = replay([done, letter(2), junk], state, dry_run=True)
    assert (
        result.selected == 3 and result.already_replayed == 1 and result.unreadable == ["reports.raw.dlq:0:9"]
    )
    assert result.targets == {"reports.raw": 1} and result.published == 0
    assert "would re-publish 1" in result.line(dry_run=True)
    assert not (tmp_path / "s.json").exists()
    forced = replay([done], state, dry_run=True, force=True)
    assert forced.targets == {"reports.raw": 1}
    assert json.loads(letter(5).value)["source_offset"] == 45


@pytest.mark.parametrize("argv", [["list"], ["show", "events"], ["replay", "events", "--dry-run"]])
def test_no_broker_is_one_clear_line(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from sitrep.cli import main
    from sitrep.services import free_port

    monkeypatch.setenv("SITREP_KAFKA__BOOTSTRAP", f"127.0.0.1:{free_port()}")
    monkeypatch.setenv("SITREP_STATE_DIR", str(tmp_path))
    assert main(["dlq", *argv]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("sitrep: error: no Kafka broker answers")
