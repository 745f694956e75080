"""English tolls, round 3: replaced tolls, earlier events' tolls, running totals told by tense, subsets,
a number beating a vague word, and the side a toll belongs to (sentences written for these tests)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from english_reports import english_events

from processors.extract.casualties import find_casualties
from sitrep.records import Event
from sitrep.textnorm import fold_with_offsets

PUBLISHED = datetime(2016, 3, 9, 12, 0, tzinfo=UTC)  # a Wednesday


def tolls(text: str) -> list[tuple[str, int]]:
    folded, _ = fold_with_offsets(text)
    return [(c.kind, c.count) for c in find_casualties(folded, 0, len(folded)) if not c.zero]


def _events(text: str, title: str = "") -> list[Event]:
    return english_events(text, title, published=PUBLISHED, report_id="en-round3")


# --- A toll the text says was replaced ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The previous toll was 12 with 31 others hurt.",
        "The initial death toll was nine.",
        "The governor had earlier put the death toll at 7 residents.",
        "Medics first gave a toll of 4.",
        "The death toll, which initially stood at 3, was raised later.",
    ],
)
def test_a_replaced_toll_is_not_counted(text: str) -> None:
    assert ("killed", 12) not in tolls(text)
    assert all(kind != "killed" for kind, _ in tolls(text))


def test_the_updated_toll_of_a_bombing_wins_over_the_one_it_replaced() -> None:
    events = _events(
        "The toll from the car bomb in the market of Salamiyah rose to 17 civilians on Wednesday. The police "
        "had earlier put the death toll at 11 civilians while 20 other people were reported wounded."
    )
    assert events[0].fatalities == 17


def test_reported_between_a_count_and_its_verb_keeps_the_verbs_kind() -> None:
    assert tolls("The monitor said 8 were killed while 13 other people were reported injured.") == [
        ("killed", 8),
        ("injured", 13),
    ]


# --- The toll of an event told as the one before ---------------------------------------------------------


def test_a_day_after_an_earlier_raid_left_its_toll() -> None:
    found = tolls(
        "Four children were killed in shelling on Wednesday only a day after air raids on a hospital in the "
        "west left 19 people dead."
    )
    assert ("killed", 4) in found
    assert ("killed", 19) not in found


def test_a_clause_of_its_own_after_the_after_clause_keeps_its_toll() -> None:
    assert ("killed", 14) in tolls("A day after the army entered the village rebels killed 14 soldiers.")


# --- Running totals told by their tense ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of residents have been killed in raids that also struck bakeries.",
        "At least 210 people have been killed and hundreds more hurt in raids on the province over the past "
        "four days.",
        "More than 60 civilians have been killed and 300 hurt in rocket fire on the city in September.",
        "The militia has lost 320 fighters in the fighting for the dam.",
    ],
)
def test_a_running_total_told_by_tense_is_no_events_toll(text: str) -> None:
    assert [kind for kind, _ in tolls(text) if kind == "killed"] == []


def test_a_days_toll_in_the_present_perfect_stays() -> None:
    assert tolls("Eleven people have been killed in an air strike on a bakery in the town.") == [("killed", 11)]


def test_hundreds_killed_on_one_day_stays_a_convention() -> None:
    assert tolls("Hundreds of fighters were killed in the assault on Monday.") == [("killed", 100)]


# --- Subsets -------------------------------------------------------------------------------------------


def test_included_marks_a_subset_of_the_dead() -> None:
    assert tolls("Most of the dead were farmers but they also included several policemen.") == []
    assert tolls("The victims include 3 nurses.") == []


# --- A number beats ACLED's convention for a vague word ------------------------------------------------


def test_a_number_given_later_beats_several() -> None:
    events = _events(
        "Several people were killed and injured in two bomb blasts that hit the town of Tal Tamr on "
        "Wednesday. The police chief put the death toll at seven and the number of wounded at 33."
    )
    assert events[0].fatalities == 7


# --- Whose dead --------------------------------------------------------------------------------------


def test_a_toll_told_twice_in_a_run_on_subtitle_is_one_toll() -> None:
    events = _events(
        "Car bomb at a wedding hall in Qamishli kills five and wounds 22 police said Wednesday A car bomb at a "
        "wedding hall in Qamishli killed five people including a singer, police said on Wednesday."
    )
    assert events[0].fatalities == 5


def test_the_attacker_named_after_the_verb_is_not_the_side_of_the_dead() -> None:
    events = _events(
        "One resident killed by rocket fire on the town of Nubl. In the same context a resident was killed as "
        "gunmen of the Army of Conquest fired rockets on the town of Nubl on Wednesday."
    )
    assert events[0].fatalities == 1


# --- A sentence that only counts the dead after a strike ---------------------------------------------


def test_a_bare_toll_after_a_strike_is_the_strikes_toll() -> None:
    events = _events(
        "Warplanes of the US-led coalition carried out a wave of air strikes on the town of Tabqa overnight "
        "on Tuesday. At least 9 people were killed and many others wounded, residents said."
    )
    assert events[0].sub_event_type == "Air/drone strike"
    assert events[0].fatalities == 9
    assert not any(e.sub_event_type == "Attack" for e in events)


def test_a_count_taken_by_another_events_verb_is_that_events_toll() -> None:
    events = _events(
        "A car bomb killed three people on Wednesday at a checkpoint outside the town of Jableh, a monitor "
        "said. The bombing came as activists reported that militiamen had executed 27 farmers earlier this week "
        "in a village to the east."
    )
    assert events[0].sub_event_type == "Remote explosive/landmine/IED"
    assert events[0].fatalities == 3


def test_a_bare_toll_after_a_battle_with_air_cover_stays_the_battles() -> None:
    events = _events(
        "Rebel fighters clashed with army troops near the village of Kafr Nabudah on Tuesday as government "
        "jets carried out air strikes on the area. Six rebels were killed."
    )
    assert events[0].sub_event_type == "Armed clash"
    assert events[0].fatalities == 6


def test_a_noun_before_a_count_is_not_a_verb_taking_it() -> None:
    events = _events(
        "Army troops fought Islamic State militants in the Qadam district of Damascus on Tuesday under air "
        "cover. In the clashes and shelling 15 militants were killed."
    )
    assert events[0].sub_event_type == "Armed clash"
    assert events[0].fatalities == 15
    assert all(e.fatalities is None for e in events[1:])


def test_two_counts_of_two_sides_in_one_list_add_up() -> None:
    events = _events(
        "Army troops fought Islamic State militants in the Qadam district of Damascus on Tuesday. In the "
        "fighting 11 soldiers and 15 militants were killed."
    )
    assert events[0].sub_event_type == "Armed clash"
    assert events[0].fatalities == 26


def test_a_titles_bare_toll_goes_to_the_body_event_with_that_toll() -> None:
    events = _events(
        "A military source said army units took control of two hills west of Sukhnah on Wednesday. The same "
        "source added that troops carried out heavy bombardments on militant positions south of the town killing "
        "29 militants. In Hama army units clashed with rebels near Souran and killed a number of them.",
        title="Army kills 29 IS militants near Sukhnah",
    )
    assert events[0].sub_event_type == "Shelling/artillery/missile attack"
    assert events[0].fatalities == 29


# --- "a commander and N more" -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The raid killed a field commander of the brigade and 6 more gunmen.", 7),
        ("Troops shot dead the emir and four other militants near the bridge.", 5),
        ("Troops stormed the farms killing Abu Khaled al-Hamwi a local leader of the faction and eleven more "
         "fighters the source said.", 12),
    ],
)
def test_one_victim_and_n_more_is_one_toll(text: str, count: int) -> None:
    assert ("killed", count) in tolls(text)


def test_n_more_after_an_earlier_count_stays_its_own() -> None:
    assert tolls("Two farmers were killed and three more were wounded.") == [("killed", 2), ("injured", 3)]


# --- Headline verbs of a rising toll ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Death toll in car bomb attack on a Tal Abyad market rises to 33", 33),
        ("Toll from barrel bomb raid on Darayya climbs to 19", 19),
        ("Death toll in suicide attack on bus station hits 27 monitor", 27),
    ],
)
def test_a_headlines_rising_toll_of_one_attack_is_its_toll(text: str, count: int) -> None:
    assert tolls(text) == [("killed", count)]


def test_a_headlines_rising_toll_of_a_month_is_a_running_total() -> None:
    assert tolls("Toll of the raids on the province this month rises to 240") == []


def test_a_title_naming_only_an_attack_is_the_leads_event() -> None:
    events = _events(
        "State media said rebels hit a bakery in government-held Jurin a day after dozens were killed in air "
        "raids on a clinic in the north. At least five farmers were killed and nine wounded in rebel rocket fire "
        "on the village of Jurin on Wednesday a monitor said. Since the spring the army has pressed an offensive "
        "in the plain. Hundreds of residents have been killed in raids that also struck clinics across the plain.",
        title="Farmers killed in village attack",
    )
    assert events[0].sub_event_type == "Shelling/artillery/missile attack"
    assert events[0].fatalities == 5


# --- An offensive as the subject of its toll -------------------------------------------------------------


def test_an_offensive_that_leaves_n_dead_is_that_operations_toll() -> None:
    assert tolls("Army offensive on rebel farms south of Idlib leaves 58 dead") == [("killed", 58)]


@pytest.mark.parametrize(
    "text",
    [
        "The offensive on the valley has left 410 dead.",
        "Since the start of the offensive 320 people were killed.",
    ],
)
def test_an_offensives_running_toll_stays_a_total(text: str) -> None:
    assert tolls(text) == []


# --- More subsets -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The monitor said 27 civilians were counted among those killed.",
        "Officials said there were six fighters from abroad among the militants killed.",
    ],
)
def test_a_count_among_those_killed_is_a_subset(text: str) -> None:
    assert tolls(text) == []


def test_every_count_of_an_including_list_is_a_subset() -> None:
    found = tolls("Jets killed 61 civilians including 17 children 12 women and 30 men in the district on Monday.")
    assert found == [("killed", 61)]


# --- Which toll: the verb after the count --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At least 30 people lost their lives and 70 people sustained injuries in the twin blasts.",
            [("killed", 30), ("injured", 70)],
        ),
        (
            "Four civilians were killed and 15 residents including women and children were wounded in the raids.",
            [("killed", 4), ("injured", 15)],
        ),
        (
            "A girl was killed and five other residents got injured by the rocket shells.",
            [("killed", 1), ("injured", 5)],
        ),
    ],
)
def test_the_verb_after_the_count_and_its_aside_decides_the_kind(text: str, expected: list[tuple[str, int]]) -> None:
    assert tolls(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Eleven people died in three more incidents of shelling.",
        "Jets pounded several districts of the town killing 26 people.",
    ],
)
def test_counts_of_incidents_and_districts_are_not_people(text: str) -> None:
    found = tolls(text)
    assert ("killed", 3) not in found and ("killed", 10) not in found


def test_a_count_among_the_n_killed_is_a_subset_of_that_toll() -> None:
    assert tolls("At least 41 women were among the 93 people killed in the blast the monitor said.") == [
        ("killed", 93)
    ]


def test_the_count_after_were_among_is_the_whole_toll() -> None:
    assert tolls("At least 12 pupils were among 27 people killed in the twin bombing at the school.") == [
        ("killed", 27)
    ]


def test_counts_of_a_sides_vehicles_and_systems_are_not_people() -> None:
    found = tolls(
        "Over 40 militants were killed and 7 of their armoured vehicles and 3 rocket launch systems were destroyed."
    )
    assert found == [("killed", 40)]


def test_a_round_ups_vague_bare_toll_does_not_become_a_raids_toll() -> None:
    events = _events(
        "Army units supported by the air force pressed on Wednesday with broad operations against "
        "the terrorist groups in several areas, inflicting heavy losses on them. Aleppo A military "
        "source said army units took full control of the Sheikh Lutfi hill south of the city. "
        "Hama Air force-backed army units struck gatherings and vehicles belonging to the militants in the "
        "countryside of Hama. Army units stepped up their operations against militant gatherings in the "
        "villages of Lataminah and Kafr Zita. A number of militants were killed in the operations.",
        title="Army establishes control over Sheikh Lutfi hill in Aleppo",
    )
    assert not any(e.sub_event_type == "Air/drone strike" and e.fatalities == 10 for e in events)


def test_a_count_and_one_more_person_take_the_lists_verb() -> None:
    found = tolls("Six pupils were killed and another 19 students and a young teacher were wounded in the shelling.")
    assert ("killed", 6) in found and ("injured", 19) in found
    assert ("killed", 19) not in found


def test_a_page_counter_after_short_url_is_no_toll() -> None:
    assert tolls("Get short URL 214 Kurdish fighters killed 17 militants near the dam.") == [("killed", 17)]


# --- More running totals told by tense or period -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The monitor said at least 214 residents including 41 women have been killed in the district since the "
        "siege began in May.",
        "Hundreds of residents including medics have been killed as warplanes pounded the district.",
        "These strikes have also claimed hundreds of lives among civilians of the region.",
        "The shelling of the suburb in the past three weeks has killed more than 140 people.",
    ],
)
def test_more_running_totals_are_no_events_toll(text: str) -> None:
    assert [kind for kind, _ in tolls(text) if kind == "killed"] == []


def test_they_were_among_n_killed_is_a_wider_total() -> None:
    found = tolls("Jets hit two clinics leaving 9 people dead. They were among 23 people killed across the province.")
    assert found == [("killed", 9)]


def test_a_count_in_words_among_the_n_killed_is_a_subset() -> None:
    assert tolls("At least three nurses were among eleven people killed in the shelling on Monday.") == [("killed", 11)]


# --- Number words ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Three dozen gunmen were killed in the assault.", 36),
        ("The barrel bombs killed one hundred and forty people in the district.", 140),
        ("Two hundred and sixty-three fighters died in the battle for the dam on Monday.", 263),
        ("One hundred and nine civilians were killed in the raid.", 109),
    ],
)
def test_compound_number_words_are_one_count(text: str, count: int) -> None:
    assert tolls(text) == [("killed", count)]
