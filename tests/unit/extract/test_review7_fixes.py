"""Readings a review of the seventh session's rules found wrong, kept right."""

from __future__ import annotations

from datetime import UTC, date, datetime

from processors.extract import extract_events
from sitrep.records import Report

_PUBLISHED = datetime(2019, 4, 11, 9, tzinfo=UTC)  # a Thursday


def _events(text: str) -> list:
    return extract_events(Report(report_id="r7", title="", text=text, language="en", source="t",
                                 published_at=_PUBLISHED, fetched_at=_PUBLISHED))


def test_the_day_before_something_else_is_not_the_day_before_the_report() -> None:
    events = _events("Government jets struck Kafranbel on the day before the talks opened, killing 6 civilians.")
    assert events and events[0].event_date != date(2019, 4, 10)
    closing = _events("Government jets struck Kafranbel the day before, killing 6 civilians, activists said.")
    assert closing and closing[0].event_date == date(2019, 4, 10)


def test_a_long_list_of_places_in_a_note_is_read() -> None:
    places = " and ".join(["Tafas", "Nawa", "Jasim", "Inkhil", "Dael", "Izra"] * 5)
    events = _events(f"Shelling on Tafas killed 5 people on Tuesday; fatalities divided between {places}.")
    assert events and events[0].sub_event_type == "Shelling/artillery/missile attack"
