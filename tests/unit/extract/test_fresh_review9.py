"""Review 9: a split toll's total is found only next to its shares, an "after" clause keeps its own toll only
when nothing else is told before ", killing", a downed aircraft's owner stays in the downing's clause, posts held
by a side are that side's men, and a near-capture word governs only its own clause. Every sentence here is
written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

from english_reports import arabic_events, english_events

from sitrep.records import Event

PUBLISHED = datetime(2017, 10, 25, 12, 0, tzinfo=UTC)  # a Wednesday


def _events(text: str) -> list[Event]:
    return english_events(text, "", published=PUBLISHED, report_id="en-fresh-review9")


def _arabic_events(text: str) -> list[Event]:
    return arabic_events(text, published=PUBLISHED, report_id="ar-fresh-review9")


def _tolls(events: list[Event]) -> dict[str, int | None]:
    return {e.location.name: e.fatalities for e in events if e.location is not None}


# --- 1. the total a split toll adds up to: its own sentence or the one before, same day, same area ----------------


def test_a_toll_of_another_day_and_town_is_not_the_total_of_a_later_split() -> None:
    events = _events(
        "Artillery fire killed seven civilians in Jisr al-Shughur on Monday. On Tuesday, artillery fire killed four "
        "people in Maarat al-Numan and three in Kafranbel."
    )
    assert _tolls(events) == {"Jisr Ash-Shugur": 7, "Maarrat An Nu'man": 4, "Kafr Nobol": 3}


def test_the_area_total_just_before_its_shares_is_not_counted_again() -> None:
    events = _events("Air strikes killed 11 civilians in Eastern Ghouta on Tuesday. Seven died in Douma and four in "
                     "Harasta.")
    assert _tolls(events) == {"Duma": 7, "Harasta": 4}


def test_arabic_an_earlier_day_s_equal_toll_is_kept_beside_a_split() -> None:
    events = _arabic_events(
        "لقي 7 مدنيين حتفهم بقذائف استهدفت مدينة أريحا صباح الاثنين. وفي يوم الثلاثاء قتل 7 مدنيين بقصف طال "
        "الغوطة الشرقية، 4 منهم في دوما و3 في حرستا."
    )
    assert _tolls(events) == {"Ariha": 7, "Duma": 4, "Harasta": 3}


def test_arabic_the_total_the_shares_follow_goes_to_the_towns() -> None:
    events = _arabic_events("قتل 7 مدنيين بقصف طال الغوطة الشرقية يوم الثلاثاء، 4 منهم في دوما و3 في حرستا.")
    assert _tolls(events) == {"Duma": 4, "Harasta": 3}


# --- 2. ", killing N" after an "after" clause ------------------------------------------------------------------------


def test_a_new_clause_after_the_after_clause_keeps_its_toll() -> None:
    events = _events("Three days after peace talks stalled in Astana regime helicopters struck Talbiseh, killing 14 "
                     "people.")
    assert events and events[0].fatalities == 14


def test_the_earlier_attack_s_own_participle_toll_stays_out() -> None:
    events = _events("A day after a suicide bomber blew himself up in Jarablus, killing 19, rebels shelled Azaz on "
                     "Monday, killing 3 civilians.")
    assert events and events[0].fatalities == 3


# --- 3. a downed aircraft's owner -------------------------------------------------------------------------------------


def test_the_downing_clause_does_not_reach_the_next_clause_s_attacker() -> None:
    events = _events("Two days after rebels shot down a regime warplane, Russian aircraft bombed Saraqeb on Tuesday, "
                     "killing five civilians.")
    assert events and events[0].actor1 == "Military Forces of Russia"


def test_a_downing_does_not_reach_past_as_to_the_other_clause_s_jets() -> None:
    events = _events("Government air defences downed a drone over Idlib as Russian jets bombed Khan Sheikhoun on "
                     "Tuesday, killing four rebels.")
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert strikes and strikes[0].actor1 == "Military Forces of Russia"
    assert all(e.actor2 != "Military Forces of Russia" for e in events)


def test_a_downing_told_after_a_comma_still_names_the_owner_hit() -> None:
    events = _events("Rebels shot down a regime warplane near Saraqeb on Tuesday, killing its pilot.")
    assert events and events[0].actor1 == "Opposition Rebels"
    assert events[0].actor2 == "Military Forces of Syria"


# --- 4. posts held by a side are its men; towns held by a side are ground ------------------------------------------


def test_posts_held_by_a_side_were_that_side_hit() -> None:
    events = _events("Turkish jets hit posts held by the YPG near Manbij on Tuesday, killing four fighters.")
    assert events and (events[0].actor1, events[0].actor2) == ("Military Forces of Turkey", "YPG")


def test_villages_held_by_a_side_are_only_ground() -> None:
    events = _events("Turkish artillery shelled villages held by the YPG near Manbij on Tuesday, killing five "
                     "civilians.")
    assert events and events[0].actor2 == "Civilians"


def test_arabic_points_held_by_a_side_were_that_side_hit() -> None:
    events = _arabic_events("استهدفت المدفعية التركية نقاطا تحتلها وحدات حماية الشعب قرب منبج يوم الثلاثاء")
    assert events and events[0].actor2 == "YPG"


def test_arabic_villages_held_by_a_side_are_only_ground() -> None:
    events = _arabic_events(
        "استهدفت المدفعية التركية قرى تحتلها وحدات حماية الشعب قرب منبج يوم الثلاثاء ما أدى لمقتل 3 مدنيين"
    )
    assert events and events[0].actor2 == "Civilians"


# --- 5. a near-capture word governs its own clause only ---------------------------------------------------------


def test_arabic_a_near_word_before_a_comma_leaves_the_capture_taken() -> None:
    events = _arabic_events(
        "بعد معارك ضارية كادت تمتد يوما كاملا، سيطرت الفصائل على بلدة خان شيخون يوم الثلاثاء"
    )
    assert "Non-state actor overtakes territory" in {e.sub_event_type for e in events}


def test_arabic_a_near_word_governing_the_capture_is_a_fight() -> None:
    events = _arabic_events("اقتربت الفصائل من السيطرة على بلدة خان شيخون يوم الثلاثاء بعد اشتباكات عنيفة")
    assert events and events[0].sub_event_type == "Armed clash"
