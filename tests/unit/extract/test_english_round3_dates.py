"""English datelines, round 3: a day and year run together when the comma was lost, and a dateline that
follows the headline repeated at the head of the body (sentences written for these tests)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from english_reports import english_events

from sitrep.records import Event


def _events(text: str, title: str, published: datetime) -> list[Event]:
    return english_events(text, title, published=published, report_id="en-round3-dates")


def test_a_dateline_with_day_and_year_run_together_anchors_the_weekday() -> None:
    events = _events(
        "Last updated at Mar 152017 Government jets struck the town of Saraqib on Tuesday killing nine people "
        "a monitor said.",
        title="Jets kill nine in Saraqib | Daily Wire",
        published=datetime(2017, 4, 2, 12, tzinfo=UTC),
    )
    assert events[0].event_date == date(2017, 3, 14)


def test_a_dateline_after_the_repeated_headline_anchors_the_weekday() -> None:
    events = _events(
        "Jets kill nine in raid on the market of Saraqib Monitor AFP Thursday 9 Mar 2017 Government jets "
        "struck the market of Saraqib on Wednesday killing nine people a monitor said.",
        title="Jets kill nine in raid on the market of Saraqib Monitor",
        published=datetime(2017, 2, 10, 12, tzinfo=UTC),
    )
    assert events[0].event_date == date(2017, 3, 8)


def test_related_headlines_appended_to_an_article_are_not_its_events() -> None:
    events = _events(
        "The Syrian army killed more than 40 militants in fighting in the Manshiyah district of Daraa a "
        "military source said on Sunday. The militants had tried to storm army posts in the district overnight "
        "the source said. Fighting in the south has picked up in recent weeks as the army brought in more "
        "troops. ... 512 Related Syrian Army Kills 1300 Terrorists in Hama Since February 11 Army Frees Two "
        "Villages in Latakia Province Tags Daraa Syria",
        title="Syrian army kills over 40 militants in Daraa",
        published=datetime(2017, 4, 9, 12, tzinfo=UTC),
    )
    assert events[0].event_date == date(2017, 4, 9)
    assert all(e.location is None or e.location.name != "Hama" for e in events)
    assert all(e.event_date.month == 4 for e in events)
