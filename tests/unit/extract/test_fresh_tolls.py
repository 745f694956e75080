"""Tolls on fresh texts (review 8): "N others" wounded, a day of the month before a toll, counts that mix
the dead and the wounded, rival figures against a later rise, a total split by town, and an earlier attack
told as background. Every sentence here is written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from english_reports import arabic_events, english_events

from processors.extract.casualties import find_casualties
from sitrep.records import Event
from sitrep.textnorm import fold_with_offsets

PUBLISHED = datetime(2017, 10, 25, 12, 0, tzinfo=UTC)  # a Wednesday


def tolls(text: str) -> list[tuple[str, int]]:
    folded, _ = fold_with_offsets(text)
    return [(c.kind, c.count) for c in find_casualties(folded, 0, len(folded)) if not c.zero]


def _events(text: str) -> list[Event]:
    return english_events(text, "", published=PUBLISHED, report_id="en-fresh-tolls")


def _arabic_events(text: str) -> list[Event]:
    return arabic_events(text, published=PUBLISHED, report_id="ar-fresh-tolls")


# --- 1. "N others" wounded after a victim named without a number -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shells fell on the Qusour district on Tuesday, killing a boy and wounding six others.", [1, 6]),
        ("An air strike on Binnish killed two women and injured four others on Sunday.", [2, 4]),
        ("A sniper shot dead one farmer and wounded two others near Taftanaz.", [1, 2]),
        ("The blast at the checkpoint killed a policeman and injured 11 others.", [1, 11]),
        ("A mine went off in a field outside Sarmin, killing a shepherd and hurting three others.", [1, 3]),
    ],
)
def test_n_others_after_a_killing_are_the_wounded(text: str, expected: list[int]) -> None:
    found = tolls(text)
    assert ("killed", expected[0]) in found
    assert ("injured", expected[1]) in found
    assert ("killed", expected[1]) not in found


def test_others_without_a_number_give_no_wounded_count() -> None:
    assert tolls("Rockets hit the market on Monday, killing three and wounding others.") == [("killed", 3)]


def test_three_other_towns_are_no_toll() -> None:
    found = tolls("Jets pounded Kafranbel and three others on Monday, killing 5 civilians.")
    assert found == [("killed", 5)]


def test_a_part_of_the_dead_is_not_more_dead() -> None:
    assert tolls("The shelling killed seven civilians, four of them children.") == [("killed", 7)]


def test_arabic_five_others_wounded_already_counted() -> None:
    assert tolls("قتل شاب وإصابة ستة آخرين بقصف على بلدة بنش.") == [("killed", 1), ("injured", 6)]
    assert tolls("قتل رجل وأصيب ثلاثة آخرون بانفجار لغم قرب سرمين.") == [("killed", 1), ("injured", 3)]


# --- 2. A day of the month before the toll ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Warplanes struck a school in Hass on March 7 and killed as many as 15 children.", 15),
        ("Government forces shelled Douma on June 21, killing as many as 30 people.", 30),
        ("Jets hit a bakery near Hama on August 2 and killed 8 civilians.", 8),
        ("Rebels raided a post near Mhardeh on May 4 and killed six soldiers.", 6),
        ("The raid on Jisr al-Shughur on September 9 left as many as 40 people dead.", 40),
    ],
)
def test_a_day_of_the_month_is_no_toll(text: str, count: int) -> None:
    assert tolls(text) == [("killed", count)]


def test_a_count_right_after_the_day_is_still_the_toll() -> None:
    assert tolls("On May 3 13 people were killed in Binnish.") == [("killed", 13)]


def test_a_toll_before_the_date_is_kept() -> None:
    assert tolls("Jets killed 4 people in Binnish on May 3.") == [("killed", 4)]


def test_arabic_day_of_the_month_before_the_toll() -> None:
    assert tolls("قصفت الطائرات مدينة بنش يوم 5 آب وقتلت تسعة مدنيين.") == [("killed", 9)]
    assert tolls("قتل 7 مدنيين في 12 أيار بقصف على سراقب.") == [("killed", 7)]


# --- 3. Counts that mix the dead and the wounded ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Clashes near Kafr Nabudah on Tuesday left 20 gunmen killed or wounded.",
        "The strike killed or wounded 15 people in the village.",
        "Twelve fighters were killed or injured in the fighting.",
        "Shelling on Ariha killed and injured eight civilians on Tuesday.",
        "قتل وجرح سبعة مدنيين بقصف على أريحا.",
        "قتل وأصيب 14 عنصرا باشتباكات قرب مورك.",
    ],
)
def test_a_count_of_dead_and_wounded_together_is_neither(text: str) -> None:
    assert tolls(text) == []


def test_the_split_after_a_mixed_count_is_taken() -> None:
    found = tolls(
        "Shelling on Ariha killed and injured eight civilians on Tuesday. Three were killed and five wounded."
    )
    assert found == [("killed", 3), ("injured", 5)]


def test_a_woman_among_the_dead_is_no_wounded() -> None:
    found = tolls("Jets bombing Kafr Nabl killed eight villagers including at least one teacher and wounded 17.")
    assert found == [("killed", 8), ("injured", 17)]


def test_a_woman_among_the_dead_is_no_wounded_without_at_least() -> None:
    found = tolls("The barrel bombs killed six people including two women and injured 21 on Friday.")
    assert found == [("killed", 6), ("injured", 21)]


def test_separate_dead_and_wounded_stay() -> None:
    assert tolls("Shelling killed four and injured 9 in Ariha.") == [("killed", 4), ("injured", 9)]
    assert tolls("قتل ثلاثة مدنيين وجرح سبعة آخرون بقصف على أريحا.") == [("killed", 3), ("injured", 7)]


# --- 4. Rival figures and a later rise ----------------------------------------------------------------------


def test_a_higher_rival_figure_does_not_replace_the_monitors() -> None:
    events = _events(
        "A car bomb killed at least eleven people in Jarablus on Monday. Rebel media said more than 30 were dead."
    )
    assert events and events[0].fatalities == 11


def test_activists_rival_toll_is_not_taken() -> None:
    events = _events(
        "An air strike killed 6 civilians in Ariha on Tuesday, the Observatory said. "
        "Local activists said 15 people were killed."
    )
    assert events and events[0].fatalities == 6


def test_a_toll_that_rose_later_is_the_update() -> None:
    events = _events("A car bomb killed at least eleven people in Jarablus on Monday. The death toll later rose to 30.")
    assert events and events[0].fatalities == 30


def test_a_toll_that_climbed_is_the_update() -> None:
    events = _events("Shelling killed five civilians in Ariha on Tuesday. The toll from the shelling climbed to 9.")
    assert events and events[0].fatalities == 9


def test_arabic_rival_figure_from_other_sources() -> None:
    events = _arabic_events("قتل 6 مدنيين بغارة على أريحا. وتحدثت مصادر أخرى عن 15 قتيلا.")
    assert events and events[0].fatalities == 6


def test_arabic_rise_is_the_update() -> None:
    events = _arabic_events("قتل 6 مدنيين بغارة على أريحا، وارتفع عدد القتلى لاحقا إلى 11 مدنيا.")
    assert events and events[0].fatalities == 11


# --- 5. A total, then its split by town --------------------------------------------------------------------


def _by_place(events: list[Event]) -> dict[str, int | None]:
    return {e.location.name: e.fatalities for e in events if e.location is not None}


def test_a_total_split_over_two_towns_gives_each_its_share() -> None:
    events = _events(
        "Air raids by government jets killed 17 civilians in Eastern Ghouta on Tuesday. Ten were killed in "
        "Douma and seven in the town of Harasta."
    )
    places = _by_place(events)
    assert places.get("Duma") == 10
    assert places.get("Harasta") == 7
    assert sum(e.fatalities or 0 for e in events) == 17


def test_a_total_split_after_a_colon() -> None:
    events = _events(
        "Coalition air strikes killed eleven civilians on Tuesday: six died in the town of Hajin and five in "
        "the city of Al-Mayadin."
    )
    places = _by_place(events)
    assert places.get("Hajin") == 6
    assert places.get("Al Mayadin") == 5


def test_arabic_total_split_by_town() -> None:
    events = _arabic_events("قتل 15 مدنيا بغارات على الغوطة الشرقية، 9 منهم في دوما و6 في حرستا.")
    places = _by_place(events)
    assert places.get("Duma") == 9
    assert places.get("Harasta") == 6


def test_two_counts_in_two_towns_of_one_sentence_are_two_events() -> None:
    places = _by_place(_events("Artillery shells killed 6 people in Saraqib and 3 in the town of Binnish on Tuesday."))
    assert places.get("Saraqab") == 6
    assert places.get("Binnish") == 3


def test_one_share_in_one_spot_keeps_the_whole_toll() -> None:
    events = _events("Air strikes killed 9 people in Douma on Tuesday, seven of them in the main market.")
    assert [(e.location.name if e.location else None, e.fatalities) for e in events] == [("Duma", 9)]


def test_a_total_with_a_subset_of_children_is_one_event() -> None:
    events = _events("Air strikes killed 12 people in Douma on Tuesday, including five children.")
    assert [(e.location.name if e.location else None, e.fatalities) for e in events] == [("Duma", 12)]


# --- 10. An earlier attack told as background --------------------------------------------------------------


def test_an_attack_days_before_keeps_its_toll_out() -> None:
    events = _events(
        "A roadside bomb killed 9 fighters near Azaz on Tuesday. The attack came four days after a suicide "
        "bomber blew himself up in Marea, killing 27 rebels."
    )
    assert events and events[0].fatalities == 9
    assert all(e.fatalities != 27 for e in events)


def test_a_week_after_an_earlier_strike() -> None:
    found = tolls("The bombing came a week after an air strike on the same market killed 31 people.")
    assert ("killed", 31) not in found


def test_it_came_two_days_after() -> None:
    found = tolls("It came two days after rebels shelled the town of Foua, killing 8 people.")
    assert ("killed", 8) not in found


def test_a_clause_after_the_background_one_keeps_its_toll() -> None:
    found = tolls("Two days after rebels took the village the army shelled it and killed 5 fighters.")
    assert ("killed", 5) in found


def test_arabic_an_earlier_strike_days_before() -> None:
    found = tolls("وجاء القصف بعد أيام من غارة قتلت 12 مدنيا في البلدة.")
    assert ("killed", 12) not in found
