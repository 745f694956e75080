"""English roles, round 3: the side named after "the toll from" owns the attacks it names (sentences
written for these tests)."""

from __future__ import annotations

from datetime import UTC, datetime

from processors.extract import extract_events
from sitrep.records import Report

PUBLISHED = datetime(2016, 9, 14, 12, 0, tzinfo=UTC)


def test_the_side_after_the_toll_from_is_the_attacker() -> None:
    report = Report(
        report_id="en-round3-roles",
        title="",
        text="The death toll from the terrorist group mortar attacks on the Furqan district of Aleppo rose to "
        "5 civilians on Wednesday.",
        language="en",
        source="test",
        published_at=PUBLISHED,
        fetched_at=PUBLISHED,
    )
    event = extract_events(report)[0]
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.actor1 == "Opposition Rebels"
    assert event.actor2 == "Civilians"
