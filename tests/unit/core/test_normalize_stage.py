"""The normalize stage: valid reports cleaned, anything else rejected with a reason."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from processors.errors import PoisonMessage
from processors.normalize import clean_report, parse_report
from sitrep.deadletter import make_dead_letter, original_bytes
from sitrep.records import Report


def test_valid_report_is_parsed_and_cleaned() -> None:
    raw = Report(report_id="r1", title="قصف  على  ريف إدلب", text="قتل ٣ مدنيين").model_dump_json().encode()
    report = clean_report(parse_report(raw))
    assert report.title == "قصف على ريف إدلب"
    assert "3" in report.text
    assert report.language == "ar"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"{not json", "not a Report"),
        (b'{"report_id": 5}', "report_id"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b'{"report_id": "x", "unexpected": true}', "unexpected"),
        (b"x" * 2_000_001, "exceeds"),
    ],
)
def test_poison_messages_are_rejected_with_reason(raw: bytes, reason: str) -> None:
    with pytest.raises(PoisonMessage) as info:
        parse_report(raw)
    assert reason in str(info.value)


@given(st.binary(max_size=300))
def test_parse_never_raises_anything_but_poison(raw: bytes) -> None:
    try:
        parse_report(raw)
    except PoisonMessage:
        pass


def test_dead_letter_keeps_original_bytes_and_origin() -> None:
    letter = make_dead_letter(b"\xff\x00raw", PoisonMessage("reports.raw", "bad"), stage="normalize",
                              key=b"k", topic="reports.raw", partition=1, offset=42)
    assert original_bytes(letter) == b"\xff\x00raw"
    assert (letter.error_class, letter.source_offset) == ("PoisonMessage", 42)


def test_dead_letter_of_an_oversized_message_fits_in_a_kafka_message() -> None:
    huge = b'{"report_id": "x", "text": "' + b"a" * 3_000_000 + b'"}'
    letter = make_dead_letter(huge, PoisonMessage("reports.raw", "too big"), stage="normalize",
                              topic="reports.raw", partition=0, offset=7)
    assert len(letter.model_dump_json()) < 1_000_000
    assert original_bytes(letter) == huge[:len(original_bytes(letter))]
    assert "cut to its first" in letter.message and str(len(huge)) in letter.message
