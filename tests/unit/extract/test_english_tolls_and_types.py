"""English tolls of several days are running totals; a bombing told as a suicide bomber's is a suicide bomb
(sentences written for these tests)."""

from __future__ import annotations

from datetime import UTC, datetime

from english_reports import english_events

from sitrep.records import Event

PUBLISHED = datetime(2016, 5, 11, 12, 0, tzinfo=UTC)  # a Wednesday


def _events(text: str) -> list[Event]:
    return english_events(text, published=PUBLISHED, report_id="en-multiday")


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


def test_another_sources_higher_toll_does_not_replace_the_told_toll() -> None:
    events = _events(
        "A car bomb killed 11 people near the market of Jarablus on Monday, a monitor said. Local medics gave "
        "a higher toll of 19 dead."
    )
    assert events[0].fatalities == 11
    assert all(e.fatalities != 19 for e in events)


def test_some_of_the_dead_at_one_spot_are_not_an_event_toll() -> None:
    events = _events(
        "Regime air strikes on rebel-held districts of Aleppo killed at least 22 civilians on Wednesday, a "
        "monitor said. It said at least 8 of the dead came in strikes near a bakery in the Mashhad district."
    )
    assert events[0].fatalities == 22
    assert all(e.fatalities != 8 for e in events)


def test_a_statement_putting_the_toll_at_a_figure_gives_the_toll() -> None:
    events = _events(
        "People hurt in the suspected gas attack on Kafr Zita on Tuesday had symptoms of a nerve agent, the "
        "health body reported on Wednesday, putting the death toll at at least 52 in its statement."
    )
    assert events and events[0].fatalities == 52


def test_targets_of_a_side_are_not_its_dead() -> None:
    events = _events(
        "The Turkish army said its jets struck 14 YPG targets near Tal Rifaat on Monday, killing 25 militants."
    )
    assert events[0].fatalities == 25


def test_a_photo_caption_does_not_place_the_story() -> None:
    events = _events(
        "Regime jets hit rebel-held towns on Wednesday killing more than 30 people, activists said. A boy "
        "stands in the rubble after an air strike on the rebel-held town of Saraqeb on May 2 2016. (AFP) At "
        "least 34 people were killed in intense air strikes on Wednesday on the city of Daraa, activists said."
    )
    assert events[0].location is not None
    assert events[0].location.admin1 == "Dar'a"
    assert all(e.location is None or e.location.name != "Saraqab" for e in events)


def test_a_headline_kill_told_in_the_body_as_air_strikes_is_an_air_strike() -> None:
    events = _events(
        "Syrian Army Kills over 38 ISIL Terrorists in Homs. Army warplanes flew repeated sorties against "
        "positions of ISIL terrorists around Palmyra on Thursday, a field source said. Around 38 "
        "terrorists were killed and 22 others were wounded in the airstrikes."
    )
    assert events[0].sub_event_type == "Air/drone strike"
    assert events[0].fatalities == 38


def test_a_group_driving_hyphen_named_rebels_out_of_a_base_takes_it_from_them() -> None:
    events = _events(
        "Nusra Front fighters on Sunday drove Western-backed rebels out of a military base south of Idlib in "
        "clashes that killed 27 people, a monitor said."
    )
    assert events[0].sub_event_type == "Non-state actor overtakes territory"
    assert (events[0].actor1, events[0].actor2) == ("Jabhat al-Nusra", "Opposition Rebels")


def test_a_base_fallen_from_army_control_changed_hands() -> None:
    events = _events(
        "Islamic State fighters stormed an army airport in the east of Homs province on Friday. The airport "
        "has fallen from army control after 30 soldiers were killed, the monitor said."
    )
    assert "Non-state actor overtakes territory" in {e.sub_event_type for e in events}


def test_destroyed_fighters_are_killed_but_destroyed_things_are_not() -> None:
    events = _events(
        "Government troops repelled an IS attack west of Deir Ezzor on Sunday. The army destroyed over 35 "
        "terrorists and 4 vehicles, a military source told SANA."
    )
    assert events and events[0].fatalities == 35
