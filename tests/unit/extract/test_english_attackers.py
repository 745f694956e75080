"""English attacker and victim roles: the actor named as a weapon's modifier fired it, joint attackers,
a dateline's year is no count, and more nouns for civilian victims (sentences written for these tests)."""

from __future__ import annotations

from datetime import UTC, datetime

from english_reports import english_events

from sitrep.records import Event

PUBLISHED = datetime(2016, 5, 11, 12, 0, tzinfo=UTC)  # a Wednesday


def _events(text: str, title: str = "") -> list[Event]:
    return english_events(text, title, published=PUBLISHED, report_id="en-attackers")


def _by_type(events: list[Event], sub_event_type: str) -> Event:
    return next(e for e in events if e.sub_event_type == sub_event_type)


def test_each_weapon_belongs_to_the_actor_that_modifies_it() -> None:
    events = _events(
        "Some 25 Daesh fighters died under Turkish artillery shells and US warplanes close to Azaz overnight, "
        "state media in Ankara reported."
    )
    shelling = _by_type(events, "Shelling/artillery/missile attack")
    assert (shelling.actor1, shelling.actor2) == ("Military Forces of Turkey", "Islamic State")


def test_us_jets_in_a_report_on_the_coalition_campaign_are_the_coalition() -> None:
    events = _events(
        "At least 17 people were killed when US jets hit the Mashlab district of Raqqa on Tuesday, local "
        "activists said. The US-led coalition has stepped up its raids on the city."
    )
    assert events[0].sub_event_type == "Air/drone strike"
    assert events[0].actor1 == "Coalition"


def test_joint_attackers_before_the_weapon_take_the_first_named() -> None:
    events = _events(
        "Published May 11 2016 Sixty civilians were killed and 200 others injured Wednesday by Syrian regime "
        "and Russian airstrikes on the rebel-held districts of Aleppo, rescuers said."
    )
    assert events[0].actor1 == "Military Forces of Syria"
    assert events[0].actor2 == "Civilians"


def test_a_dateline_year_before_the_attacker_is_not_a_count_of_its_dead() -> None:
    events = _events(
        "Published March 3 2017 Syrian government air raids on rebel-held quarters of Anadan town on Thursday "
        "left at least seven civilians dead and 35 hurt, monitors reported."
    )
    assert (events[0].actor1, events[0].actor2) == ("Military Forces of Syria", "Civilians")


def test_one_person_killed_by_an_unclaimed_rocket_is_a_civilian_victim() -> None:
    events = _events(
        "A rocket fell in the Midan district of Damascus on Sunday evening, leading to the death of one "
        "person and the injury of 12 others, state television said."
    )
    assert events[0].sub_event_type == "Shelling/artillery/missile attack"
    assert events[0].actor2 == "Civilians"
    assert events[0].fatalities == 1


def test_a_named_bomber_before_suicide_bomber_is_the_attacker() -> None:
    events = _events(
        "An IS suicide bomber blew himself up at a rebel checkpoint near Hamouriyeh on Monday, killing seven "
        "fighters of Faylaq al-Rahman."
    )
    assert events[0].sub_event_type == "Suicide bomb"
    assert events[0].actor1 == "Islamic State"


def test_warplanes_backing_someone_elses_advance_do_not_become_the_attacker() -> None:
    events = _events(
        "Government troops backed by Russian warplanes advanced on Islamic State positions east of Salamiyah "
        "on Tuesday, with no reported fatalities."
    )
    assert events
    assert all(e.actor1 != "Military Forces of Russia" for e in events)


def test_suicide_bombers_among_the_dead_are_fighters_not_a_bombing() -> None:
    events = _events(
        "Army units killed more than 40 IS militants, including the suicide bombers and their commander, east "
        "of Salamiyah on Tuesday, a military source said."
    )
    assert events[0].sub_event_type == "Armed clash"
    assert (events[0].actor1, events[0].actor2) == ("Military Forces of Syria", "Islamic State")


def test_other_armed_groups_beside_a_named_group_are_that_group() -> None:
    events = _events(
        "Breaching the truce, Jaish al-Islam and other armed groups allied with it fired mortar shells at "
        "residential districts of Damascus on Monday, killing three civilians, a police source told SANA."
    )
    assert events[0].sub_event_type == "Shelling/artillery/missile attack"
    assert events[0].actor1 == "Jaysh al-Islam"


def test_generic_terrorists_take_the_group_named_for_the_same_shelling() -> None:
    events = _events(
        "Five civilians were killed in terrorist rocket attacks on neighbourhoods of Deir Ezzor city. A source "
        "at the governorate said on Monday that ISIL terrorists fired several rocket shells on the city."
    )
    shelling = [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert shelling and all(e.actor1 == "Islamic State" for e in shelling)


def test_servicemen_of_a_state_are_its_forces_and_make_a_clash() -> None:
    events = _events(
        "Kurdish YPG fighters killed nine Turkish servicemen and wounded two others near Jindires on Friday, "
        "a Kurdish news agency reported."
    )
    assert events[0].sub_event_type == "Armed clash"
    assert (events[0].actor1, events[0].actor2) == ("YPG", "Military Forces of Turkey")


def test_barrel_bombs_with_no_attacker_named_are_the_regimes() -> None:
    events = _events("Barrel bombs dropped on the village of Tafas killed six civilians on Friday, activists said.")
    assert events[0].sub_event_type == "Air/drone strike"
    assert (events[0].actor1, events[0].actor2) == ("Military Forces of Syria", "Civilians")


def test_russian_helicopters_stay_russian() -> None:
    events = _events("Russian helicopters struck the village of Tafas on Friday, killing six civilians.")
    assert events[0].actor1 == "Military Forces of Russia"


def test_a_shell_fired_from_rebel_held_ground_is_the_rebels() -> None:
    events = _events(
        "Three civilians were killed when a mortar shell fired from rebel-held districts hit the Jaramana "
        "suburb on Saturday, state media said."
    )
    assert events[0].sub_event_type == "Shelling/artillery/missile attack"
    assert events[0].actor1 == "Opposition Rebels"


def test_a_ministry_telling_of_its_own_jets_names_its_state_as_the_attacker() -> None:
    events = _events(
        "The Russian defence ministry said its warplanes destroyed an IS ammunition depot near Sukhnah, killing "
        "about 30 militants."
    )
    assert events[0].sub_event_type == "Air/drone strike"
    assert (events[0].actor1, events[0].actor2) == ("Military Forces of Russia", "Islamic State")


def test_turkish_shelling_is_turkeys() -> None:
    events = _events("Kurdish media said Turkish shelling killed five civilians in the village of Maabatli on Friday.")
    assert events[0].sub_event_type == "Shelling/artillery/missile attack"
    assert (events[0].actor1, events[0].actor2) == ("Military Forces of Turkey", "Civilians")


def test_the_group_believed_to_be_behind_a_bombing_is_its_attacker() -> None:
    events = _events(
        "A suicide blast hit a Jaish al-Islam checkpoint in Douma on Thursday, killing 11 fighters. Islamic "
        "State is believed to be behind the bombing, local sources said."
    )
    assert events[0].sub_event_type == "Suicide bomb"
    assert (events[0].actor1, events[0].actor2) == ("Islamic State", "Jaysh al-Islam")


def test_air_support_far_down_a_backing_list_is_not_the_attacker() -> None:
    events = _events(
        "Government forces, supported by allied militias and Russian warplanes, seized four villages "
        "from Islamic State fighters east of Salamiyah on Tuesday."
    )
    assert events
    assert all(e.actor1 != "Military Forces of Russia" for e in events)


def test_syrian_or_russian_jets_are_the_first_named() -> None:
    events = _events("Syrian or Russian jets struck the town of Khan Sheikhoun on Monday, killing eight civilians.")
    assert events[0].actor1 == "Military Forces of Syria"
