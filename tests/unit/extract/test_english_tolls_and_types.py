"""English tolls of several days are running totals; a bombing told as a suicide bomber's is a suicide bomb
(sentences written for these tests)."""

from __future__ import annotations

from datetime import UTC, datetime

from processors.extract import extract_events
from sitrep.records import Event, Report

PUBLISHED = datetime(2016, 5, 11, 12, 0, tzinfo=UTC)  # a Wednesday


def _events(text: str) -> list[Event]:
    report = Report(
        report_id="en-multiday",
        title="",
        text=text,
        language="en",
        source="test",
        published_at=PUBLISHED,
        fetched_at=PUBLISHED,
    )
    return extract_events(report)


def test_a_third_day_of_bombing_toll_gives_way_to_the_days_own_toll() -> None:
    events = _events(
        "Warplanes pounded the rebel-held north of Hama on Wednesday in a third day of raids that has killed "
        "at least 52 people, a monitor said. The raids on Wednesday alone killed 17 people, it added."
    )
    assert events[0].sub_event_type == "Air/drone strike"
    assert events[0].fatalities == 17


def test_a_toll_over_two_days_is_not_the_days_event() -> None:
    events = _events(
        "Regime air strikes on the town of Kafranbel on Wednesday killed nine civilians. Over two days "
        "at least 26 people have been killed in the strikes on the town."
    )
    assert all(e.fatalities != 26 for e in events)
    assert events[0].fatalities == 9


def test_a_bombing_later_told_as_a_suicide_bombers_is_a_suicide_bomb() -> None:
    events = _events(
        "A powerful explosion killed at least 23 people near a market in Manbij on Tuesday. Local officials "
        "said the blast was carried out by a suicide bomber at the wheel of a fuel tanker."
    )
    assert events[0].sub_event_type == "Suicide bomb"
    assert events[0].fatalities == 23
    assert [e.sub_event_type for e in events].count("Suicide bomb") == 1
