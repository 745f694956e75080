"""Retellings of one event within a report merge (issue #5); a place named only as where people came
from is not the scene (issue #6). All sentences and events here are written for these tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

from processors.extract import extract_events
from processors.extract.consolidate import contains, merge_retellings, retells
from processors.extract.gazetteer import load_gazetteer
from sitrep.records import SUB_EVENT_TYPES, Event, Evidence, Location, Report

PUBLISHED = datetime(2026, 3, 12, 11, 0, tzinfo=UTC)  # a Thursday
WEDNESDAY = date(2026, 3, 11)


def _town(name: str) -> Location:
    return load_gazetteer().lookup(name)[0].location()


def _governorate(name: str) -> Location:
    return load_gazetteer().admin1_entries[name].location()


def _event(
    key: str,
    sub_event_type: str,
    place: Location | None,
    *,
    day: date = WEDNESDAY,
    stated: bool = True,
    actor1: str = "",
    actor2: str = "Civilians",
    fatalities: int | None = None,
    word: str = "strike",
    summary: str = "",
) -> Event:
    evidence = [Evidence(start=0, end=len(word), text=word, field="sub_event_type")]
    if stated:
        evidence.append(Evidence(start=10, end=20, text="on Wednesday", field="event_date"))
    if fatalities is not None:
        evidence.append(Evidence(start=30, end=32, text=str(fatalities), field="fatalities"))
    return Event(
        event_id=f"event:{key}",
        event_type=SUB_EVENT_TYPES[sub_event_type],  # type: ignore[arg-type]
        sub_event_type=sub_event_type,
        event_date=day,
        actor1=actor1,
        actor2=actor2,
        fatalities=fatalities,
        location=place,
        report_ids=["r1"],
        evidence=evidence,
        summary=summary,
        published_at=PUBLISHED,
    )


def test_a_town_told_again_as_its_governorate_is_one_event_at_the_town() -> None:
    main = _event("a", "Air/drone strike", _governorate("Idleb"), actor1="Military Forces of Russia", fatalities=8)
    again = _event("b", "Air/drone strike", _town("Saraqib"), fatalities=5, word="the raid")
    [merged] = merge_retellings([main, again])
    assert merged.location is not None and merged.location.name == _town("Saraqib").name
    assert merged.fatalities == 8  # the main telling's toll stands; tolls are not summed
    assert merged.actor1 == "Military Forces of Russia"
    assert {ev.text for ev in merged.evidence if ev.field == "fatalities"} == {"8"}
    assert sum(ev.field == "sub_event_type" for ev in merged.evidence) == 2  # both tellings' spans


def test_a_toll_only_the_retelling_gives_is_kept() -> None:
    main = _event("a", "Shelling/artillery/missile attack", _town("Azaz"), actor1="Military Forces of Turkey")
    again = _event("b", "Shelling/artillery/missile attack", _town("Azaz"), fatalities=4)
    [merged] = merge_retellings([main, again])
    assert merged.fatalities == 4


def test_strikes_on_two_towns_or_two_stated_days_stay_apart() -> None:
    one = _event("a", "Air/drone strike", _town("Saraqib"), fatalities=4)
    other_town = _event("b", "Air/drone strike", _town("Ariha"), fatalities=3)
    other_day = _event("c", "Air/drone strike", _town("Saraqib"), day=date(2026, 3, 9), fatalities=2)
    assert len(merge_retellings([one, other_town, other_day])) == 3


def test_a_day_apart_merges_only_where_one_day_was_not_stated() -> None:
    main = _event("a", "Air/drone strike", _town("Saraqib"), day=date(2026, 3, 10))
    unstated = _event("b", "Air/drone strike", _town("Saraqib"), stated=False)
    assert retells(unstated, main)
    assert not retells(_event("c", "Air/drone strike", _town("Saraqib")), main)


def test_a_span_of_days_is_not_one_day_in_it() -> None:
    main = _event("a", "Air/drone strike", _town("Saraqib"))
    week = _event("b", "Air/drone strike", _town("Saraqib")).model_copy(
        update={"event_date": date(2026, 3, 7), "event_date_end": date(2026, 3, 12)}
    )
    assert not retells(week, main)


def test_air_strikes_and_shelling_of_one_town_stay_two_events() -> None:
    air = _event("a", "Air/drone strike", _town("Saraqib"), word="warplanes")
    shells = _event("b", "Shelling/artillery/missile attack", _town("Saraqib"), word="artillery")
    assert len(merge_retellings([air, shells])) == 2


def test_the_blast_retells_a_suicide_bombing_and_takes_its_type() -> None:
    blast = _event("a", "Remote explosive/landmine/IED", _town("Azaz"), fatalities=9, word="the blast")
    bomber = _event("b", "Suicide bomb", _town("Azaz"), word="suicide bomber")
    [merged] = merge_retellings([blast, bomber])
    assert merged.sub_event_type == "Suicide bomb" and merged.fatalities == 9
    roadside = _event("c", "Remote explosive/landmine/IED", _town("Azaz"), word="roadside bomb")
    assert len(merge_retellings([bomber, roadside])) == 2  # two named means: two bombings


def test_another_strike_is_not_a_retelling() -> None:
    main = _event("a", "Air/drone strike", _town("Saraqib"), fatalities=4)
    english = _event("b", "Air/drone strike", _town("Saraqib"), summary="Another raid hit the market at dusk.")
    arabic = _event("c", "Air/drone strike", _town("Saraqib"), summary="واستهدفت غارة أخرى السوق عند المساء.")
    assert not retells(english, main) and not retells(arabic, main)


def test_opposing_attackers_are_two_events() -> None:
    main = _event("a", "Shelling/artillery/missile attack", _town("Azaz"), actor1="Military Forces of Turkey")
    other = _event("b", "Shelling/artillery/missile attack", _town("Azaz"), actor1="Syrian Democratic Forces")
    assert not retells(other, main)


def test_a_bare_toll_beside_a_strike_is_its_toll() -> None:
    strike = _event("a", "Air/drone strike", _town("Ariha"), actor1="Military Forces of Syria", fatalities=12)
    dead = _event("b", "Attack", _town("Ariha"), fatalities=12, word="killed")
    armed = _event("c", "Attack", _town("Ariha"), actor1="Islamic State", fatalities=3, word="executed")
    merged = merge_retellings([strike, dead, armed])
    assert [e.event_id for e in merged] == ["event:a", "event:c"]
    assert merged[0].sub_event_type == "Air/drone strike" and merged[0].fatalities == 12


def test_a_spot_lies_in_its_city_but_neighbouring_villages_do_not_contain_each_other() -> None:
    gazetteer = load_gazetteer()
    city = gazetteer.lookup("Aleppo")[0].location()
    spot = next(e for e in gazetteer.entries if e.gazetteer_id == "sitrep:salah-din-aleppo").location()
    assert contains(city, spot) and not contains(spot, city)
    assert not contains(_town("Saraqib"), _town("Ariha"))
    assert not contains(_town("Duma"), _town("Harasta"))  # a town beside a city is a place of its own
    assert contains(_governorate("Idleb"), _town("Ariha"))
    assert not contains(_governorate("Aleppo"), _town("Ariha"))


def test_a_place_named_only_as_where_people_came_from_yields_to_another() -> None:
    main = _event("a", "Remote explosive/landmine/IED", _town("Nubl"), fatalities=7, word="bomb")
    scene = _event("b", "Remote explosive/landmine/IED", _town("Azaz"), word="bomb")
    [merged] = merge_retellings([main, scene], {"event:a"})
    assert merged.location is not None and merged.location.name == _town("Azaz").name
    assert merged.fatalities == 7


def _events(text: str, language: str, title: str = "") -> list[Event]:
    report = Report(
        report_id="c1", title=title, text=text, language=language, published_at=PUBLISHED, fetched_at=PUBLISHED
    )
    return extract_events(report)


def test_english_evacuees_home_village_is_not_the_scene() -> None:
    events = _events(
        "A bomb struck buses carrying evacuees from the village of Nubl at a checkpoint in Azaz on "
        "Wednesday, killing 7 people.",
        "en",
    )
    assert events and events[0].location is not None and events[0].location.name == _town("Azaz").name


def test_english_residents_of_listed_villages_and_their_province_are_not_the_scene() -> None:
    events = _events(
        "Shelling killed 6 civilians, mostly residents of the villages of Nubl and Zahraa in Aleppo "
        "province, at a bus station in Azaz on Wednesday.",
        "en",
    )
    assert events and events[0].location is not None and events[0].location.name == _town("Azaz").name


def test_arabic_displaced_and_natives_home_towns_are_not_the_scene() -> None:
    uprooted = _events("قتل 5 من مهجري بلدة داريا جراء انفجار عبوة ناسفة في مدينة إدلب يوم الأربعاء.", "ar")
    assert uprooted and uprooted[0].location is not None and uprooted[0].location.admin1 == "Idleb"
    natives = _events("استشهد طفلان من أهالي بلدة كفرنبل جراء قصف مدفعي على مدينة معرة النعمان يوم الأربعاء.", "ar")
    assert natives and natives[0].location is not None and natives[0].location.name == "Maarrat An Nu'man"


def test_the_only_place_named_stays_the_scene() -> None:
    events = _events("استشهد طفلان من أهالي بلدة كفرنبل جراء قصف مدفعي على البلدة يوم الأربعاء.", "ar")
    assert events and events[0].location is not None and events[0].location.name == "Kafr Nobol"


def test_civilians_in_a_town_are_at_the_scene() -> None:
    events = _events("قتل 3 مدنيين جراء قصف صاروخي على منازل المدنيين في مدينة سراقب يوم الأربعاء.", "ar")
    assert events and events[0].location is not None and events[0].location.name == _town("Saraqib").name


def test_a_countryside_contains_only_its_own_side_of_the_governorate() -> None:
    point = load_gazetteer().countryside_point("Idleb", "north")
    assert point is not None
    north = Location(
        name="Northern Idleb countryside",
        admin1="Idleb",
        country="Syria",
        lat=point.lat,
        lon=point.lon,
        geo_precision=2,
        gazetteer_id="sitrep:countryside:idleb:north",
    )
    assert contains(north, _town("Atma"))
    assert not contains(north, _town("Khan Shaykhun"))  # the far south of the governorate


def test_a_clash_told_with_one_side_unnamed_is_that_clash() -> None:
    main = _event("a", "Armed clash", _town("Azaz"), actor1="Syrian National Army", actor2="YPG", word="clashes")
    again = _event("b", "Armed clash", _town("Azaz"), actor1="YPG", actor2="", word="fighting")
    third = _event("c", "Armed clash", _town("Azaz"), actor1="Islamic State", actor2="YPG", word="battles")
    assert [e.event_id for e in merge_retellings([main, again, third])] == ["event:a", "event:c"]


def test_a_place_a_few_kilometres_away_is_not_the_scene() -> None:
    events = _events(
        "A bomb killed 4 people in the town of Azaz on Wednesday while a prisoner swap went on a few "
        "kilometres away in Tal Rifaat.",
        "en",
    )
    assert events and events[0].location is not None and events[0].location.name == _town("Azaz").name
