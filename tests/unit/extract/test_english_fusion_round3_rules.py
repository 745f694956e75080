"""English extraction rules behind the FA-KES event clusters (issue #6, third round): a coalition named with
its apostrophe dropped, a province placed in the country ("Syria's northern Hama province"), "near the Syrian
city of X", a capital standing for its government ("its Damascus ally"), and a toll that a news sentence
"divides" without spreading it; the keywords of a page's "Tags" line. Sentences written for these tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

from english_reports import english_events

from sitrep.records import Event

PUBLISHED = datetime(2018, 3, 8, 12, tzinfo=UTC)  # a Thursday


def _events(text: str, title: str = "") -> list[Event]:
    return english_events(text, title, published=PUBLISHED, report_id="en-fusion-round3")


def _where(event: Event) -> tuple[str, int]:
    assert event.location is not None
    return event.location.name, event.location.geo_precision


def test_a_coalition_possessive_without_its_apostrophe_still_names_the_attacker() -> None:
    events = _events("Air strikes by the US-led coalitions fighter jets killed 14 civilians in Hajin on Wednesday.")
    assert events and events[0].actor1 == "Coalition"
    assert events[0].fatalities == 14
    # a plural of another noun is no coalition
    other = _events("Two rival coalitions of rebel factions clashed near Saraqib on Wednesday, killing 7 fighters.")
    assert other and other[0].actor1 != "Coalition"


def test_a_direction_after_the_country_places_the_whole_province() -> None:
    for country in ("Syria's", "Syrias"):
        events = _events(f"Dozens were killed in {country} northern Hama province on Wednesday in air strikes.")
        assert events and _where(events[0]) == ("Hama", 3)
    # without the country, "northern Hama province" is still the north of the province
    events = _events("Dozens of people were killed in northern Hama province on Wednesday in air strikes.")
    assert events and _where(events[0]) == ("Northern Hama countryside", 2)


def test_near_the_syrian_city_of_a_town_is_near_it() -> None:
    events = _events("A missile strike on an air base near the Syrian city of Hama on Wednesday killed four soldiers.")
    assert events and _where(events[0]) == ("Hama", 2)


def test_a_capital_named_as_an_ally_is_its_government_not_the_scene() -> None:
    events = _events(
        "Thirty-one people are now dead after barrel bombs fell on a village held by rebels, a monitor said "
        "on Wednesday. Tehran defended its Damascus ally, saying the bombs had hit a weapons depot."
    )
    assert events
    assert all(e.location is None or e.location.name != "Damascus" for e in events)


def test_a_city_divided_between_sides_spreads_no_toll() -> None:
    events = _events(
        "Nineteen civilians, six of them children, died on Wednesday when a barrel bomb hit the Bustan al-Qasr "
        "district of Aleppo. The city has been split between rebels in the east and the army "
        "in the west since 2012, with each side shelling the other and causing civilian casualties."
    )
    assert events and events[0].fatalities == 19
    assert events[0].event_date == date(2018, 3, 7)


def test_the_keywords_of_a_tags_line_start_no_event() -> None:
    text = (
        "Tags Syria warplanes barrel bombs Talbiseh rebels At least 12 people were killed by government "
        "shelling on the town of Talbiseh on Wednesday, a monitor said."
    )
    events = _events(text, title="Shelling kills 12 in rebel-held town")
    assert events
    assert {e.sub_event_type for e in events} == {"Shelling/artillery/missile attack"}
    assert events[0].fatalities == 12
