"""Coders' own totals ("coded as 10 for a total of 14"), single victims named without a number,
long group names before a count, and "the clashes" told again a sentence or two later.

All sentences here are written for these tests (no third-party text).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from processors.extract import extract_events
from processors.extract.casualties import find_casualties
from processors.extract.events import _allocated_to
from sitrep.records import Report
from sitrep.textnorm import fold_with_offsets

WHEN = datetime(2026, 3, 12, 11, 0, tzinfo=UTC)


def report(text: str) -> Report:
    return Report(report_id="t1", text=text, language="en", published_at=WHEN, fetched_at=WHEN)


def found(text: str) -> list[tuple[int, bool]]:
    folded, _ = fold_with_offsets(text)
    return [(c.count, c.total) for c in find_casualties(folded, 0, len(folded)) if c.kind == "killed"]


def first_toll(text: str) -> int | None:
    events = extract_events(report(text))
    assert events, text
    return events[0].fatalities


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("An unknown number of deaths among the attackers coded as 10 for a total of 17.", 17),
        ("Losses in the garrison were coded as ten, for a total fatality count of 16.", 16),
        ("Unknown losses on both sides coded as 10 (27 fatalities recorded in total).", 27),
        ("Their total number of deaths was recorded at 9.", 9),
        ("Total fatalities are 5.", 5),
        ("7 fatalities.", 7),
    ],
)
def test_a_coders_total_is_read_as_the_total(sentence: str, count: int) -> None:
    assert found(sentence) == [(count, True)]


def test_a_total_split_over_places_or_a_running_total_is_no_coders_total() -> None:
    assert all(not total for _, total in found("Total fatalities coded as 20 and split evenly between both towns."))
    assert all(not total for _, total in found("Two more soldiers died on Monday, for a total of 30 this week."))


def test_the_total_stands_for_the_main_event() -> None:
    text = (
        "Government troops fought opposition fighters near Kafr Zita amid heavy shelling. Four opposition "
        "fighters were confirmed dead. Army dead of unknown number are coded as ten for a total of 14."
    )
    assert first_toll(text) == 14
    text = (
        "Regime forces clashed with Islamic State fighters near Maadan. Unknown number of fatalities coded as 10. "
        "Six shepherds were also killed by a mine nearby. Total fatalities coded as 16."
    )
    assert first_toll(text) == 16


@pytest.mark.parametrize(
    "sentence",
    [
        "A rebel fighter from Kafr Nabl was killed when he tried to cross the front line near Hama.",
        "Fighting between the army and opposition groups near Tafas led to the killing of a regime soldier.",
        "An Islamic State commander, Abu Khalid al-Ansari, was killed during fighting with the army near Palmyra.",
        "A government soldier succumbed to wounds he received in fighting with rebels near Harasta.",
        "A local reporter was killed while filming the fighting between the army and rebels near Daraa.",
        "A member of a Turkish-backed former opposition brigade was killed in fighting with YPG fighters near Afrin.",
        "The death of a rebel fighter was reported after fighting with the army near Jisr al-Shughur.",
    ],
)
def test_one_victim_without_a_number(sentence: str) -> None:
    assert [count for count, _ in found(sentence)] == [1]


def test_a_count_before_a_long_group_name() -> None:
    assert [count for count, _ in found("7 Liwa al Quds militia fighters were killed near Aleppo airport.")] == [7]
    # an Arabic count keeps its four-word reach (its fifth word may begin another phrase)
    assert [count for count, _ in found("قتل 3 رعاة بانفجار لغم أرضي في بادية تدمر.")] == [3]


def test_a_death_in_the_clashes_a_sentence_apart() -> None:
    text = (
        "Syrian army units and opposition rebels fought near Tafas on Monday. "
        "No ground changed hands. A civilian was killed in the clashes."
    )
    assert first_toll(text) == 1


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Army shelling of the hamlet caused the death of 4 gunmen and a shepherd.", 5),
        ("Six farmers, and one policeman from the town, were killed in clashes with the army near Nawa.", 7),
        ("A Jaysh al-Izza commander and 3 of his guards were killed in an ambush near Latamna.", 4),
    ],
)
def test_one_more_person_joined_to_a_count(text: str, count: int) -> None:
    assert first_toll(text) == count


def test_a_person_joined_with_a_verb_of_their_own_is_not_added() -> None:
    folded, _ = fold_with_offsets("Clashes near Nawa killed 4 fighters and a child was injured by a stray bullet.")
    assert 5 not in [c.count for c in find_casualties(folded, 0, len(folded))]


@pytest.mark.parametrize(
    ("sentence", "name", "count"),
    [
        ("the 12 deaths are spread over three places, with inkhil allocated 6 and nawa and jasim 3 each.", "inkhil", 6),
        ("an unknown number coded as 10 and split as follows: tafas (4), dael (3) and sheikh miskin (3).", "dael", 3),
        ("16 deaths split between four places, with busra and kherbet ghazaleh each allocated 5.", "busra", 5),
        ("9 deaths coded across 3 places with 4 allocated to each of nawa and jasim and 1 to tasil.", "jasim", 4),
        ("9 deaths coded across 3 places with 4 allocated to each of nawa and jasim and 1 to tasil.", "tasil", 1),
        ("fatalities divided as follows: sanamayn five, ghabagheb two.", "sanamayn", 5),
    ],
)
def test_the_share_a_note_allocates_to_a_place(sentence: str, name: str, count: int) -> None:
    share = _allocated_to(sentence, name)
    assert share is not None and share[0] == count


def test_a_place_the_allocation_does_not_name_has_no_share() -> None:
    assert _allocated_to("with inkhil allocated 6 and nawa 3.", "tafas") is None


def test_the_event_takes_its_places_share() -> None:
    text = (
        "Government troops and opposition rebels fought in the vicinity of Inkhil in Daraa. "
        "At least 9 fighters were killed in clashes at Inkhil and Jasim, with 5 coded to Jasim and 4 to Inkhil."
    )
    assert first_toll(text) == 4
    text = (
        "Syrian army units clashed with Islamic State fighters near Maadan. Several were killed. "
        "Three were noted in this location."
    )
    assert first_toll(text) == 3


def test_a_toll_told_of_the_clashes_joins_the_clash_told_before() -> None:
    text = (
        "Fighting broke out between the Syrian army - backed by allied militias and Hezbollah - and IS near Maadan, "
        "amid Russian air raids. No ground changed hands. During the clashes, 8 IS fighters were killed."
    )
    events = extract_events(report(text))
    assert events and events[0].sub_event_type == "Armed clash" and events[0].fatalities == 8
    assert len([e for e in events if e.sub_event_type == "Armed clash"]) == 1


def test_a_bare_count_of_dead_after_fighting_is_that_fightings_toll() -> None:
    text = (
        "Government forces battled opposition rebels around Nawa on Tuesday as warplanes struck the town. "
        "It was reported that 3 civilians were killed."
    )
    events = extract_events(report(text))
    assert events and events[0].sub_event_type == "Armed clash" and events[0].fatalities == 3


def test_an_addition_a_note_codes_is_added_to_its_toll() -> None:
    assert sorted(found("Losses of both sides coded as ten, with 2 additional fatalities added for the bombers.")) == [
        (2, False),
        (10, False),
    ]
    text = (
        "An Islamic State suicide car bomb struck an army post near Salamiyah on Friday. 7 soldiers were reported "
        "dead, with one additional fatality coded for the driver of the car."
    )
    assert first_toll(text) == 8


def test_fighters_from_both_sides_were_wounded_is_an_injury_count() -> None:
    folded, _ = fold_with_offsets("Nobody died, but several militants from both sides were wounded in the exchange.")
    assert [(c.kind, c.count) for c in find_casualties(folded, 0, len(folded)) if not c.zero] == [("injured", 10)]


def test_deaths_coded_for_the_bombers_belong_to_the_main_event() -> None:
    text = (
        "Government forces battled Islamic State fighters around the Shaer gas field. The group also set off "
        "three car bombs, wounding several soldiers. 3 fatalities coded for the drivers of the car bombs."
    )
    assert first_toll(text) == 3


def test_coded_n_in_a_place_is_that_places_share() -> None:
    text = (
        "SDF fighters took Gharanij from Islamic State fighters after heavy clashes, with reports of 41 deaths "
        "in Gharanij and Shuhail. Coded 21 in Gharanij and 20 in Shuhail."
    )
    events = extract_events(report(text))
    assert events and events[0].fatalities == 21


def test_succumbed_to_wounds_is_a_death() -> None:
    assert [c for c, _ in found("2 opposition fighters succumbed to wounds they received near Daraa.")] == [2]


def test_a_speaker_after_the_toll_is_not_one_more_dead() -> None:
    # "... and a rebel commander said ...": the next clause's subject, not a victim
    text = "Air strikes killed 9 civilians in Ariha on Monday and a rebel commander said the toll could rise."
    assert first_toll(text) == 9
    assert first_toll("Air strikes killed 9 civilians and a rebel commander in Ariha on Monday.") == 10
