"""English roles, round 3: the side named after "the toll from" owns the attacks it names (sentences
written for these tests)."""

from __future__ import annotations

from datetime import UTC, datetime

from english_reports import english_events

PUBLISHED = datetime(2016, 9, 14, 12, 0, tzinfo=UTC)


def test_the_side_after_the_toll_from_is_the_attacker() -> None:
    text = ("The death toll from the terrorist group mortar attacks on the Furqan district of Aleppo rose to "
            "5 civilians on Wednesday.")
    event = english_events(text, published=PUBLISHED, report_id="en-round3-roles")[0]
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.actor1 == "Opposition Rebels"
    assert event.actor2 == "Civilians"
