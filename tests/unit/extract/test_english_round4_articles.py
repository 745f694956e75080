"""English articles, round 4: photo captions that run into the story, the day a toll update was said, a
definite retelling of the event ("the blast", "Saturday's bombing"), an event heard from elsewhere, and
fusion of "outside <city>" with a spot on the city's edge (sentences written for these tests)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from english_reports import english_events

from processors.fusion.matching import Place, place_score
from processors.fusion.settings import FusionSettings
from sitrep.records import Event


def _events(text: str, title: str, published: datetime) -> list[Event]:
    return english_events(text, title, published=published, report_id="en-round4-articles")


def _place(event: Event) -> str:
    assert event.location is not None
    return event.location.name


def test_a_caption_closed_by_credits_without_a_full_stop_is_not_the_scene() -> None:
    events = _events(
        "A girl wounded in an earlier raid rests in a clinic in Azaz near the Turkish frontier Syria May 2 2017 "
        "(File photo) (Wire Agencies) A car bomb killed nine people and wounded 20 in the town of Jarablus on "
        "Thursday a war monitor said.",
        title="Car bomb kills nine in northern Syrian town",
        published=datetime(2017, 5, 4, 12, tzinfo=UTC),
    )
    assert events
    assert _place(events[0]) == "Jarablus"
    assert events[0].event_date == date(2017, 5, 4)
    assert events[0].fatalities == 9


def test_an_archive_caption_does_not_type_the_event() -> None:
    events = _events(
        "Gunmen shell the outskirts of a northern town in an older picture (archive) A bomb went off in the "
        "town of Manbij on Tuesday killing four people and wounding 11 state media reported.",
        title="Bomb blast in Manbij kills four",
        published=datetime(2017, 6, 6, 12, tzinfo=UTC),
    )
    assert events
    assert events[0].sub_event_type == "Remote explosive/landmine/IED"
    assert _place(events[0]) == "Manbij"


def test_a_sentence_describing_a_picture_is_a_caption() -> None:
    events = _events(
        "Air strikes killed 14 civilians in the town of Saraqib on Monday a monitor said. A picture taken on "
        "May 1 2017 shows rescuers searching the rubble after shelling in Ariha. The strikes on Saraqib hit a "
        "market and a bakery.",
        title="Strikes kill 14 in Saraqib",
        published=datetime(2017, 5, 9, 12, tzinfo=UTC),
    )
    assert events
    assert _place(events[0]) == "Saraqab"
    assert all(event.location is None or event.location.name != "Ariha" for event in events)


def test_the_day_a_toll_update_was_said_is_not_the_event_day() -> None:
    events = _events(
        "The death toll from a car bomb at a checkpoint outside the town of Azaz rose to 31 the monitoring group "
        "said on Tuesday. Mondays blast hit a queue of vehicles waiting at the checkpoint.",
        title="Toll from Azaz car bomb rises to 31",
        published=datetime(2017, 5, 9, 12, tzinfo=UTC),  # a Tuesday
    )
    assert events
    assert events[0].event_date == date(2017, 5, 8)
    assert events[0].fatalities == 31


def test_the_day_a_monitor_spoke_yields_to_the_day_the_bombing_is_told() -> None:
    events = _events(
        "At least 40 people were killed when a car bomb tore through a bus station in the town of Jarablus a "
        "monitor said on Sunday. Saturday's blast hit the station as travellers waited for buses.",
        title="Car bomb at Jarablus bus station kills 40",
        published=datetime(2017, 5, 14, 12, tzinfo=UTC),  # a Sunday
    )
    assert events
    assert events[0].event_date == date(2017, 5, 13)
    assert len([e for e in events if e.event_type == "Explosions/Remote violence"]) == 1


def test_a_blast_heard_elsewhere_is_not_a_second_event() -> None:
    events = _events(
        "A car bomb killed 12 people at a market in the town of Azaz on Friday a monitor said. Shopkeepers "
        "in the town of Marea heard the explosion from their stalls and closed early.",
        title="Car bomb kills 12 in Azaz market",
        published=datetime(2017, 5, 12, 12, tzinfo=UTC),
    )
    assert events
    assert _place(events[0]) == "Azaz"
    assert all(event.location is None or event.location.name != "Marea" for event in events)


def test_the_blast_told_again_with_a_day_off_is_the_same_event() -> None:
    events = _events(
        "A bomb exploded among lorries queuing at the edge of Aleppo on Saturday killing 50 people. The blast "
        "hit the lorries in the Ramouseh area where their drivers had parked them on Friday.",
        title="Bomb hits lorry queue near Aleppo",
        published=datetime(2017, 5, 13, 18, tzinfo=UTC),  # a Saturday
    )
    bombings = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert len(bombings) == 1
    assert bombings[0].event_date == date(2017, 5, 13)
    assert _place(bombings[0]) == "Al Ramouseh"


def _city(precision: int) -> Place:
    return Place(frozenset({"aleppo"}), "city", "aleppo", "jebel saman", 36.20, 37.16, precision, city=True)


def test_outside_a_provincial_capital_holds_a_spot_on_its_edge_but_not_for_battles() -> None:
    settings = FusionSettings()
    edge = Place(frozenset({"edge town"}), "edge", "aleppo", "jebel saman", 36.18, 37.05, 1)  # ~10 km west
    assert place_score(_city(2), edge, settings) is not None
    assert place_score(_city(2), edge, settings, outskirts=False) is None
    far = Place(frozenset({"far town"}), "far", "aleppo", "jebel saman", 36.20, 36.98, 1)  # ~16 km west
    assert place_score(_city(2), far, settings) is None


def test_no_one_claiming_the_attack_names_no_attacker() -> None:
    events = _events(
        "A bomb went off near a bakery in the town of Jarablus on Monday killing seven people a monitor said. "
        "Nobody has claimed responsibility for the bombing which the regime blamed on rebels.",
        title="Bomb near bakery kills seven in Jarablus",
        published=datetime(2017, 5, 8, 12, tzinfo=UTC),
    )
    assert events
    assert events[0].actor1 in ("", "Unidentified Armed Group")


def test_an_attack_title_over_a_lead_telling_of_a_missile_strike_is_that_strike() -> None:
    events = _events(
        "A U.S. missile strike on an air base outside the city of Hama on Monday caused casualties the "
        "province's governor said. The governor said the attack helped armed groups fighting the army east of "
        "Salamiyah where troops have battled Islamic State for weeks.",
        title="Governor says U.S. attack caused casualties at air base",
        published=datetime(2017, 5, 8, 12, tzinfo=UTC),
    )
    assert events
    assert events[0].sub_event_type == "Shelling/artillery/missile attack"
    assert events[0].actor1 == "Military Forces of the United States"


def test_the_weekday_beside_a_dateline_is_the_stated_day() -> None:
    events = _events(
        "Date of publication 9 May 2017 An airstrike by Russian jets on Tuesday killed 11 people in the town of "
        "Saraqib in Idlib province. The Saraqib strike came a day after regime jets hit the town of Ariha on "
        "Monday night.",
        title="Airstrike on Saraqib kills 11",
        published=datetime(2017, 5, 9, 12, tzinfo=UTC),  # a Tuesday
    )
    assert events
    assert events[0].event_date == date(2017, 5, 9)
    assert any(ev.field == "event_date" and ev.text == "on Tuesday" for ev in events[0].evidence)


def test_a_place_told_after_another_incident_is_that_incidents() -> None:
    events = _events(
        "Cruise missiles wrecked a government air base that had served as the launch site for a deadly gas "
        "attack on a village in Hama province. The missiles struck the base near the town of Tadmur before dawn "
        "on Friday.",
        title="Cruise missiles wreck Syrian air base",
        published=datetime(2017, 5, 12, 12, tzinfo=UTC),
    )
    assert events
    assert events[0].sub_event_type == "Shelling/artillery/missile attack"
    assert _place(events[0]) == "Tadmur"


def test_strikes_of_recent_months_are_background_not_the_event_told_again() -> None:
    events = _events(
        "Air strikes on a school in Idlib province killed 14 children on Tuesday the agency said. In recent "
        "months the town of Saraqib a rebel hub has been the target of heavy air strikes by government jets.",
        title="Air strikes on school kill 14 children in Idlib",
        published=datetime(2017, 5, 9, 12, tzinfo=UTC),
    )
    assert events
    assert _place(events[0]) == "Idleb"
    assert events[0].actor1 != "Opposition Rebels"


def test_killed_in_an_offensive_to_recapture_a_road_is_a_battle_not_a_capture() -> None:
    events = _events(
        "At least 17 rebels were killed during a large offensive to recapture a supply road into the town of "
        "Tal Rifaat a monitor said on Sunday.",
        title="Rebels killed in push for road",
        published=datetime(2017, 5, 14, 12, tzinfo=UTC),
    )
    assert events
    assert events[0].sub_event_type == "Armed clash"


def test_similar_air_strikes_the_day_before_are_background() -> None:
    events = _events(
        "Coalition air strikes killed 23 civilians in the village of Tokhar on Wednesday a monitor said. The "
        "raids followed similar air strikes on the town of Jarablus on Tuesday which killed nine civilians.",
        title="Coalition strikes kill 23 civilians in Tokhar",
        published=datetime(2017, 5, 10, 12, tzinfo=UTC),
    )
    assert events
    assert _place(events[0]) == "Tokhar"
    assert all(event.location is None or event.location.name != "Jarablus" for event in events)
