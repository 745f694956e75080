"""English news wording: headlines repeated in the body, actors named as adjectives, executions,
suicide bombings a headline calls a "bomb" (sentences written for these tests)."""

from __future__ import annotations

from datetime import UTC, datetime

from english_reports import english_events

from processors.extract.casualties import find_casualties
from sitrep.records import Event

PUBLISHED = datetime(2016, 7, 27, 12, 0, tzinfo=UTC)  # a Wednesday


def _events(text: str, title: str = "") -> list[Event]:
    return english_events(text, title, published=PUBLISHED, report_id="en-rules")


def test_headline_repeated_at_the_head_of_the_body_does_not_double_the_toll() -> None:
    title = "Government raids kill 12 in Idlib town Monitor"
    text = (
        f"Wednesday 27 Jul 2016 {title} AFP Syrian government air strikes killed at least 12 civilians "
        "on Wednesday in the town of Saraqeb a monitor said."
    )
    first = _events(text, title)[0]
    assert first.sub_event_type == "Air/drone strike"
    assert first.fatalities == 12
    assert (first.actor1, first.actor2) == ("Military Forces of Syria", "Civilians")


def test_headline_verb_kills_makes_an_event() -> None:
    events = _events("Syrian army kills 30 IS militants near Palmyra", "")
    assert events and events[0].sub_event_type == "Armed clash"
    assert {events[0].actor1, events[0].actor2} == {"Military Forces of Syria", "Islamic State"}


def test_adjectival_attackers_and_held_places() -> None:
    first = _events("US-led strikes on the province of Raqqa killed more than 20 Islamic State jihadists on Tuesday.")[
        0
    ]
    assert (first.actor1, first.actor2) == ("Coalition", "Islamic State")
    first = _events(
        "Russian and Syrian strikes on rebel-held districts of Aleppo killed at least 25 civilians on Saturday."
    )[0]
    assert first.actor1 == "Military Forces of Russia" and first.actor2 == "Civilians"
    first = _events(
        "Russian jets bombed a farm in Idlib near the border with Turkey, killing three civilians on Monday."
    )[0]
    assert first.actor1 == "Military Forces of Russia" and first.actor2 != "Military Forces of Turkey"


def test_state_forces_do_not_swallow_the_rebels_after_them() -> None:
    first = _events("Russian jets pound rebel areas of Idlib, killing five fighters on Tuesday.")[0]
    assert first.sub_event_type == "Air/drone strike"
    assert first.actor1 == "Military Forces of Russia" and first.actor2 == "Opposition Rebels"


def test_executions_of_captives_are_attacks() -> None:
    first = _events("Islamic State militants executed eight rebel fighters in the town of al-Bab on Saturday.")[0]
    assert first.sub_event_type == "Attack"
    assert first.actor1 == "Islamic State" and first.fatalities == 8


def test_a_headline_bomb_is_the_suicide_bombing_the_body_tells() -> None:
    events = _events(
        "A suicide bomber detonated his explosive vest near a checkpoint in Azaz on Tuesday, killing 9 people. "
        "Twenty others were wounded in the blast.",
        "Bomb kills nine in northern Syria",
    )
    assert events[0].sub_event_type == "Suicide bomb" and events[0].fatalities == 9
    assert all(e.sub_event_type != "Remote explosive/landmine/IED" for e in events)


def test_english_tolls() -> None:
    def counts(sentence: str) -> list[int]:
        s = sentence.lower()
        return [c.count for c in find_casualties(s, 0, len(s), set()) if c.kind == "killed"]

    assert counts("The strike killed at least 12 civilians, including five children, in the town.") == [12]
    assert counts("Get short URL 317 At least six people were killed when rockets fell on Friday.") == [6]
    assert counts("Since Sept. 19 at least 359 civilians have been killed in the city.") == []
    assert counts("A man and a girl were killed and thirty residents including children were treated.") == [2]


def test_hypotheses_statements_and_references_are_not_events() -> None:
    assert _events("Analysts say a regime offensive on Idlib could displace hundreds of thousands of people.") == []
    assert (
        _events(
            "The prime minister said she would ask parliament to approve force against Syria over its alleged use "
            "of chemical weapons, then spoke about the budget on Friday."
        )
        == []
    )


def test_a_generic_noun_of_a_named_group_is_that_group() -> None:
    first = _events("Jihadists from Hayat Tahrir al-Sham attacked army positions in northern Hama on Tuesday.")[0]
    assert first.actor1 == "Hayat Tahrir al-Sham"
    first = _events(
        "The army said on Tuesday it repelled an attack by Islamic State near Palmyra and killed 40 terrorists."
    )[0]
    assert {first.actor1, first.actor2} == {"Military Forces of Syria", "Islamic State"}


def test_singular_foreign_strike_and_militias_before_a_verb() -> None:
    first = _events("An Israeli drone strike killed two Hezbollah fighters near Quneitra on Monday.")[0]
    assert (first.sub_event_type, first.actor1, first.actor2) == (
        "Air/drone strike",
        "Military Forces of Israel",
        "Hezbollah",
    )
    first = _events("The SAA and allied militias shelled rebel-held villages in the Hama countryside yesterday.")[0]
    assert first.sub_event_type == "Shelling/artillery/missile attack"
    assert first.actor1 == "Military Forces of Syria"


def test_ages_and_this_week() -> None:
    first = _events("Regime shelling killed a 12-year-old boy and his 40-year-old father in Douma on Tuesday.")[0]
    assert first.fatalities == 2
    first = _events("Islamic State militants executed five men near Deir ez-Zor earlier this week.")[0]
    assert first.event_date.isoformat() == "2016-07-25"  # the report's week: Monday 25 to Wednesday 27
    assert first.event_date_end is not None and first.event_date_end.isoformat() == "2016-07-27"


def test_the_attack_after_an_air_strike_is_that_strike_unless_another_side_is_named() -> None:
    events = _events(
        "Russian air strikes hit a hospital in Maarat al-Numan on Monday. "
        "At least seven people were killed in the deliberate attack on the hospital."
    )
    assert events[0].sub_event_type == "Air/drone strike" and events[0].fatalities == 7
    assert all(e.sub_event_type != "Armed clash" for e in events)


def test_the_striker_named_with_its_strike_and_a_speaker_telling_its_own_act() -> None:
    first = _events("An Israeli air strike hit a Syrian army position in Quneitra on Sunday.")[0]
    assert (first.actor1, first.actor2) == ("Military Forces of Israel", "Military Forces of Syria")
    first = _events("The Turkish army said it had killed 15 YPG militants in air strikes near Afrin on Sunday.")[0]
    assert (first.actor1, first.actor2) == ("Military Forces of Turkey", "YPG")


def test_attacks_on_civilians_and_their_captives() -> None:
    events = _events(
        "Islamic State fighters attacked a village in the Sweida desert on Tuesday, killing 20 civilians and "
        "kidnapping 30 women and children."
    )
    assert (events[0].sub_event_type, events[0].actor1, events[0].actor2) == ("Attack", "Islamic State", "Civilians")
    assert events[0].fatalities == 20
    assert any(e.sub_event_type == "Abduction/forced disappearance" for e in events)


def test_targets_and_suspected_strikers() -> None:
    first = _events("A drone attack targeted a Russian air base at Hmeimim overnight.")[0]
    assert first.sub_event_type == "Air/drone strike" and first.actor1 != "Military Forces of Russia"
    first = _events("Warplanes believed to be Russian bombed a market in Ariha on Sunday, killing 12 people.")[0]
    assert (first.actor1, first.fatalities) == ("Military Forces of Russia", 12)


def test_a_missile_strike_without_aircraft_is_a_missile_attack() -> None:
    first = _events("A US missile strike on an air base outside Homs killed six people on Friday.")[0]
    assert (first.sub_event_type, first.actor1) == (
        "Shelling/artillery/missile attack",
        "Military Forces of the United States",
    )
    first = _events("Israeli jets carried out missile strikes on an arms depot near Damascus on Sunday.")[0]
    assert (first.sub_event_type, first.actor1) == ("Air/drone strike", "Military Forces of Israel")


def test_a_condemned_strike_is_a_reference_and_the_opposition_coalition_is_no_actor() -> None:
    events = _events(
        "The Syrian Coalition condemned Russian air strikes that killed 35 civilians in Ain Jara on Monday."
    )
    assert all(e.sub_event_type != "Attack" for e in events)
    assert all("Coalition" not in (e.actor1, e.actor2) for e in events)


def test_informants_are_sources_not_victims() -> None:
    first = _events("Regime barrel bombs hit the town of Daraya on Monday, according to local activists.")[0]
    assert (first.sub_event_type, first.actor1, first.actor2) == ("Air/drone strike", "Military Forces of Syria", "")
    first = _events("Regime barrel bombs killed four civilians in Daraya on Monday, activists said.")[0]
    assert (first.actor2, first.fatalities) == ("Civilians", 4)


def test_relative_days_count_from_the_body_dateline() -> None:
    # published_at says 27 July; the article's own dateline says Saturday 2 July 2016
    first = _events(
        "AFP Saturday 2 Jul 2016 Government air strikes killed 12 civilians on Friday in the town of Jayrud."
    )[0]
    assert first.event_date.isoformat() == "2016-07-01"
    first = _events("07.04.2017 A US missile strike on an airfield near Homs killed five people late on Thursday.")[0]
    assert first.event_date.isoformat() == "2017-04-06"


def test_a_lead_that_repeats_the_headline_and_goes_on_is_the_body() -> None:
    """The body's lead begins with the headline's words and continues (", killing ...", "، ما أدى"):
    it is the body's lead sentence, so its event and toll stay."""
    from datetime import UTC, datetime

    from processors.extract import extract_events
    from sitrep.records import Report

    published = datetime(2026, 11, 24, tzinfo=UTC)
    english = "A roadside bomb hit an army vehicle near Morek in Hama on Tuesday"
    arabic = "انفجرت عبوة ناسفة بسيارة عسكرية لقوات النظام قرب مورك بريف حماة"
    for title, text, language in (
        (english, english + ", killing 13 soldiers.", "en"),
        (arabic, arabic + "، ما أدى لمقتل 3 عناصر اليوم.", "ar"),
    ):
        events = extract_events(Report(report_id="r", title=title, text=text, language=language,
                                       published_at=published))
        assert events and events[0].sub_event_type == "Remote explosive/landmine/IED"
        assert events[0].fatalities == (13 if language == "en" else 3)
