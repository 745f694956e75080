"""English battle reports: ground won in a fight, positions taken, air and artillery support, fighting
between armed groups (sentences written for these tests)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from english_reports import english_events

from sitrep.records import Event

PUBLISHED = datetime(2017, 3, 8, 12, 0, tzinfo=UTC)


def _events(text: str) -> list[Event]:
    return english_events(text, published=PUBLISHED, report_id="en-battle-rules")


def _main(text: str) -> str:
    events = _events(text)
    assert events, text
    return events[0].sub_event_type


# --- ground won in the fight told alongside it --------------------------------------------------


def test_a_capture_told_in_a_where_clause_is_the_event() -> None:
    assert (
        _main(
            "Heavy fighting broke out on Tuesday between the Islamic State and rebels near Maarat al-Numan, "
            "where the rebels seized the village after several hours."
        )
        == "Non-state actor overtakes territory"
    )


def test_a_government_capture_after_the_clashes_sentence_is_the_event() -> None:
    assert (
        _main(
            "Syrian army units fought Islamic State militants on Monday around the town of Maskana. "
            "The army then took control of the town, state media said."
        )
        == "Government regains territory"
    )


def test_were_able_to_advance_is_ground_taken() -> None:
    assert (
        _main(
            "Rebels clashed with government troops in the Jobar district on Sunday, where the insurgents "
            "were able to advance along the main road."
        )
        == "Non-state actor overtakes territory"
    )


def test_advanced_to_take_control_is_a_capture_not_a_bare_advance() -> None:
    assert (
        _main(
            "Government forces fought rebels in northern Hama and advanced to take control of the village "
            "of Souran on Friday."
        )
        == "Government regains territory"
    )


def test_fighting_then_taking_it_over() -> None:
    assert (
        _main("Kurdish-led forces battled Islamic State militants in the village of Tal Saman, taking it over.")
        == "Non-state actor overtakes territory"
    )


def test_a_place_now_under_a_named_group() -> None:
    assert (
        _main("The village of Qabasin is now under Syrian Democratic Forces after two days of clashes with IS.")
        == "Non-state actor overtakes territory"
    )


def test_not_completely_taking_it_over_is_no_capture() -> None:
    assert (
        _main("Rebels fought government troops in Kafr Nabudah, nearly but not completely taking it over.")
        == "Armed clash"
    )


def test_now_under_siege_is_no_capture() -> None:
    assert _main("Rebels clashed with government troops near Douma, which is now under siege.") == "Armed clash"


# --- positions, points and partial control: the fight's progress ----------------------------------


def test_positions_captured_during_clashes_are_a_clash() -> None:
    assert (
        _main(
            "Government troops clashed with rebels on the outskirts of Harasta on Thursday and captured "
            "several rebel positions."
        )
        == "Armed clash"
    )


def test_a_checkpoint_seized_is_a_clash() -> None:
    assert _main("Islamic State militants attacked and seized an army checkpoint near Palmyra.") == "Armed clash"


def test_partial_control_is_a_clash() -> None:
    assert (
        _main("Government troops achieved only partial control over Kafr Zita after fighting rebels.") == "Armed clash"
    )


def test_a_village_captured_is_still_a_capture() -> None:
    assert (
        _main("Rebels captured the village of Souran from government forces after fierce fighting on Monday.")
        == "Non-state actor overtakes territory"
    )


# --- air and artillery fire as the backing of a ground fight ---------------------------------------


def test_forces_backed_by_warplanes_capturing_a_town() -> None:
    assert (
        _main("Syrian troops backed by Russian warplanes recaptured the town of Khanaser from rebels on Friday.")
        == "Government regains territory"
    )


def test_with_the_support_of_air_strikes_clashing() -> None:
    assert (
        _main(
            "Kurdish-led fighters, with the support of coalition air strikes, clashed with Islamic State "
            "militants near the Tabqa dam on Wednesday."
        )
        == "Armed clash"
    )


def test_amid_air_raids_the_clashes_are_the_event() -> None:
    assert (
        _main(
            "Amid intense Russian air raids on the area, government troops and rebels fought for control of "
            "the hills east of Latamneh."
        )
        == "Armed clash"
    )


def test_amid_shelling_the_clashes_are_the_event() -> None:
    assert (
        _main("Amid heavy artillery shelling, rebels clashed with government forces in the Qaboun district.")
        == "Armed clash"
    )


def test_an_air_strike_told_amid_clashes_stays_an_air_strike() -> None:
    assert (
        _main("Russian warplanes struck the town of Saraqeb on Monday amid clashes nearby, killing 12 civilians.")
        == "Air/drone strike"
    )


def test_an_air_strike_without_a_ground_fight_stays_an_air_strike() -> None:
    assert (
        _main("Government helicopters backed by artillery dropped barrel bombs on Daraya, killing seven people.")
        == "Air/drone strike"
    )


def test_an_aim_to_take_control_is_no_capture() -> None:
    assert (
        _main("Islamic State fighters attacked army posts near Sukhnah on Monday, aiming to take control of the town.")
        == "Armed clash"
    )


# --- fighting between armed groups the lexicon names ------------------------------------------------


def test_inter_rebel_fighting_is_a_clash() -> None:
    events = _events("Jund al-Aqsa fighters clashed with Suqour al-Sham in the Idlib countryside on Tuesday.")
    assert events and events[0].sub_event_type == "Armed clash"
    assert events[0].actor1 == "Opposition Rebels"


def test_jfs_is_nusra_under_its_later_name() -> None:
    events = _events("Fighters of Jabhat Fateh al-Sham attacked Jaish al-Mujahideen near Atareb, killing four.")
    assert events and events[0].sub_event_type == "Armed clash"
    assert "Jabhat al-Nusra" in {events[0].actor1, events[0].actor2}


def test_ahrar_al_sham_abbreviated() -> None:
    events = _events("AAS fighters clashed with government troops near Saraqeb on Friday, and two of them died.")
    assert events and events[0].sub_event_type == "Armed clash"
    assert {events[0].actor1, events[0].actor2} == {"Ahrar al-Sham", "Military Forces of Syria"}


def test_factions_of_a_turkish_backed_operation_fighting_each_other() -> None:
    events = _events("Factions of the Euphrates Shield fought each other in the town of Al-Rai on Sunday.")
    assert events and events[0].sub_event_type == "Armed clash"
    assert events[0].actor1 == "Syrian National Army"


def test_named_turkish_backed_factions() -> None:
    events = _events("The Hamza Division and the Levant Front exchanged fire in Afrin, wounding three fighters.")
    assert events and events[0].sub_event_type == "Armed clash"
    assert events[0].actor1 == "Syrian National Army"


# --- shelling as one side of a fight ------------------------------------------------------------------


def test_fighters_killed_in_shelling_and_clashes() -> None:
    assert (
        _main("Three Kurdish fighters were killed in shelling and clashes with Islamic State near Hasakah.")
        == "Armed clash"
    )


def test_shelling_answered_by_return_fire_is_a_fight() -> None:
    assert (
        _main(
            "Government artillery pounded rebel positions around Kafr Zita on Tuesday. The rebels returned fire "
            "with mortars, a monitor said."
        )
        == "Armed clash"
    )


def test_shelling_with_civilians_killed_stays_shelling() -> None:
    assert (
        _main(
            "Government artillery shelled the town of Kafr Zita amid clashes with rebels, killing four civilians "
            "including two children."
        )
        == "Shelling/artillery/missile attack"
    )


def test_shelling_of_homes_then_clashes_stays_shelling() -> None:
    assert (
        _main(
            "Rebel rockets slammed into residential areas of western Aleppo on Monday, killing six people. "
            "Clashes continued on the city's southern edge."
        )
        == "Shelling/artillery/missile attack"
    )


# --- what is not ground taken ---------------------------------------------------------------------------


def test_a_place_held_by_a_group_is_no_capture() -> None:
    assert (
        _main("Kurdish-led forces fought Islamic State militants on Sunday on the edge of the IS controlled pocket.")
        == "Armed clash"
    )


def test_soldiers_captured_in_a_fight_are_no_ground() -> None:
    assert (
        _main("Rebels captured four government soldiers during fighting near the town of Morek on Thursday.")
        == "Armed clash"
    )


def test_advances_made_are_progress_not_a_capture() -> None:
    assert (
        _main("Government forces made new advances against rebels on the southern edge of Idlib province.")
        == "Armed clash"
    )


# --- ground raids ----------------------------------------------------------------------------------


def test_a_rebel_raid_on_checkpoints_is_a_ground_assault() -> None:
    assert _main("Four soldiers were killed in a Hayat Tahrir al-Sham raid on army checkpoints near Morek.") == (
        "Armed clash"
    )


def test_raids_by_warplanes_stay_air_strikes() -> None:
    assert _main("Russian jets conducted raids against Khan Sheikhoun, killing nine civilians.") == "Air/drone strike"


def test_regime_raids_stay_air_strikes() -> None:
    assert _main("Regime raids on the town of Douma killed eleven people on Monday.") == "Air/drone strike"


def test_the_factions_taking_a_town_are_the_opposition() -> None:
    events = _events(
        "Fighting raged between government troops and rebel groups in southern Idlib, where the factions seized "
        "the town of Sinjar on Wednesday."
    )
    assert events[0].sub_event_type == "Non-state actor overtakes territory"
    assert events[0].actor1 == "Opposition Rebels"


def test_the_tiger_forces_are_the_syrian_army() -> None:
    events = _events("The Tiger Forces recaptured the village of Abu Dali from rebels on Saturday.")
    assert events[0].sub_event_type == "Government regains territory"
    assert events[0].actor1 == "Military Forces of Syria"


def test_an_advance_in_a_sector_and_control_of_villages() -> None:
    assert (
        _main(
            "After heavy fighting, Kurdish-led forces began to advance in that sector and control two "
            "villages east of Raqqa."
        )
        == "Non-state actor overtakes territory"
    )


def test_fighting_and_losing_control_of_a_town() -> None:
    assert (
        _main("In Jisr al-Shughur the HTS alliance fought Ahrar al-Sham, losing control of it.")
        == "Non-state actor overtakes territory"
    )


def test_two_opposition_groups_clashing_is_an_event() -> None:
    events = _events("On Tuesday Ahrar al-Sham men clashed with HTS; no casualties were reported.")
    assert events and events[0].sub_event_type == "Armed clash"


def test_zinki_movement_is_named() -> None:
    events = _events("Fighters of the Nour al-Din al-Zinki movement clashed with government troops near Anadan.")
    assert events and "Opposition Rebels" in {events[0].actor1, events[0].actor2}


def test_an_offensive_to_take_a_city_is_no_capture() -> None:
    assert (
        _main("Rebel groups launched an offensive to seize the government-held town of Mhardeh on Monday.")
        == "Armed clash"
    )


def test_stopped_from_advancing_is_no_capture() -> None:
    assert (
        _main("Government troops clashed with IS near Palmyra and stopped the militants from advancing into the town.")
        == "Armed clash"
    )


def test_a_recently_recaptured_town_is_no_new_capture() -> None:
    assert (
        _main("Islamic State fighters attacked army posts in the recently recaptured town of Sukhnah on Friday.")
        == "Armed clash"
    )


def test_a_building_taken_in_a_city_battle_is_a_clash() -> None:
    assert (
        _main("Kurdish-led forces captured the national hospital in central Raqqa after heavy fighting with IS.")
        == "Armed clash"
    )


def test_a_village_held_for_a_few_hours_is_a_clash() -> None:
    assert (
        _main(
            "Islamic State militants briefly took control of the village of Mubarak on Sunday during clashes "
            "with the army."
        )
        == "Armed clash"
    )


def test_restoring_control_over_a_town() -> None:
    assert (
        _main("After heavy clashes, opposition factions were able to restore control of Kernaz on Sunday.")
        == "Non-state actor overtakes territory"
    )


# --- who took the ground ----------------------------------------------------------------------------


def test_the_subject_takes_the_ground_told_as_a_second_verb() -> None:
    events = _events("Government troops fought Islamic State militants near Resafa, taking control of the town.")
    assert events[0].sub_event_type == "Government regains territory"
    assert events[0].actor1 == "Military Forces of Syria"


def test_the_subject_takes_the_ground_told_after_and() -> None:
    events = _events("Army units advanced against Hayat Tahrir al-Sham and regained control of the village of Tamanah.")
    assert events[0].sub_event_type == "Government regains territory"


def test_loyal_gunmen_are_pro_government_militia() -> None:
    events = _events("Regime forces supported by loyal gunmen recaptured the village of Tamanah from rebels.")
    assert events[0].sub_event_type == "Government regains territory"
    assert "Unidentified Armed Group" not in {events[0].actor1, events[0].actor2}


def test_named_badia_and_euphrates_shield_groups() -> None:
    events = _events("The Euphrates Shield took control of the village of Qabasin from Islamic State fighters.")
    assert events[0].sub_event_type == "Non-state actor overtakes territory"
    assert events[0].actor1 == "Syrian National Army"
    events = _events("The Lions of the East Army clashed with government troops near the Tanf crossing on Monday.")
    assert events[0].sub_event_type == "Armed clash"
    assert "Opposition Rebels" in {events[0].actor1, events[0].actor2}


def test_an_attack_or_assault_to_retake_a_place_is_an_aim_not_a_capture() -> None:
    events = _events("Rebels mounted an attack to recapture the Ramouseh road on Friday, but troops repelled them.")
    assert events and events[0].sub_event_type == "Armed clash"
    events = _events("Government troops launched an assault to retake the town of Kafr Nabudah on Monday.")
    assert events and events[0].sub_event_type == "Armed clash"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The town of Jarablus is now under SDF control, a spokesman said.", "Syrian Democratic Forces"),
        ("Kurdish fighters are taking over the village of Tal Abyad after a week-long push.", "YPG"),
        ("The village of Mhardeh is now in the hands of the rebels, activists said.", "Opposition Rebels"),
    ],
)
def test_a_report_telling_of_ground_taken_only_by_who_holds_it_is_read(text: str, actor: str) -> None:
    # no capture verb in the lead: the early checks must still see a trigger there
    events = _events(text)
    assert events and events[0].sub_event_type == "Non-state actor overtakes territory"
    assert events[0].actor1 == actor


def test_a_siege_is_no_change_of_hands() -> None:
    assert _events("The town is now under siege by government forces.") == []


def test_backing_fire_retold_as_the_shelling_gives_its_toll_to_the_fight() -> None:
    events = _events(
        "Amid government shelling of the area, army troops clashed with IS fighters east of Palmyra. "
        "Eight IS fighters died in the shelling."
    )
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Armed clash", 8)]


def test_backing_fire_that_hit_civilians_stays_its_own_event() -> None:
    events = _events(
        "Amid shelling, troops clashed with rebels near Kafr Zita. Three children were killed in the shelling."
    )
    assert events[0].sub_event_type == "Armed clash" and events[0].fatalities is None
    assert any(e.sub_event_type == "Shelling/artillery/missile attack" and e.fatalities == 3 for e in events)


def test_a_lead_whose_shelling_is_its_own_event_keeps_the_retelling() -> None:
    events = _events(
        "Army shelling of a rebel-held town killed 12 people on Sunday after gunmen captured a soldier. "
        "The bombardment struck the town of Madaya, 40 km from the capital."
    )
    assert events[0].sub_event_type == "Shelling/artillery/missile attack" and events[0].fatalities == 12


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("New army chief takes over", "General Samir Khaddour takes over as head of the army in Damascus, media said."),
        ("", "The Salvation Government is taking over the running of schools in Idlib, residents said."),
        ("", "A Russian firm took over the management of the port of Tartous last year."),
    ],
)
def test_an_office_or_a_task_taken_over_is_no_ground_taken(title: str, text: str) -> None:
    assert english_events(text, title, published=PUBLISHED, report_id="office") == []
