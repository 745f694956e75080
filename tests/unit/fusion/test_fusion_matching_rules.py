"""Matching rules that keep near misses apart: nearby villages, vague places on other days, fights
within one side. (Places here are invented points beside the fixture towns.)"""

from __future__ import annotations

from datetime import timedelta

from fusion_factories import BASE_DAY, PLACES, at, make_event, place

from processors.fusion import EventFuser, FusionSettings
from processors.fusion.matching import Profile, match_score
from sitrep.records import Event, Location

NOW = at(BASE_DAY, 23)
KM_IN_LON = 1 / 90.6  # degrees of longitude per km at Ariha's latitude (about 35.8° N)


def fuse_all(events: list[Event]) -> list[list[str]]:
    fuser = EventFuser(FusionSettings(), {})
    members: dict[str, list[str]] = {}
    for event in events:
        result = fuser.fuse(event, NOW)
        members[result.canonical.event_id] = result.canonical.report_ids
    return sorted(sorted(ids) for ids in members.values())


def village_east_of_ariha(km: float, name: str) -> Location:
    ariha = PLACES["ariha"]
    return Location(name=name, admin1="Idleb", admin2="Ariha", country="Syria", lat=ariha["lat"],
                    lon=ariha["lon"] + km * KM_IN_LON, geo_precision=1, gazetteer_id=f"test:{name}")


def clash(report_id: str, location: Location, actor1: str, actor2: str, **changes: object) -> Event:
    return make_event(report_id, sub_event_type="Armed clash", location=location, actor1=actor1,
                      actor2=actor2, fatalities=None, **changes)  # type: ignore[arg-type]


def test_two_villages_two_km_apart_are_two_events_but_a_site_at_a_town_is_the_same() -> None:
    in_ariha = make_event("r1", location=place("ariha"))
    next_village = make_event("r2", location=village_east_of_ariha(1.9, "Village East"), source="SANA")
    crossing = make_event("r3", location=village_east_of_ariha(0.3, "Ariha crossing"), source="Reuters",
                          published_hours=9)
    assert fuse_all([in_ariha, next_village, crossing]) == [["r1", "r3"], ["r2"]]


def test_a_place_near_a_town_reaches_a_few_kilometres() -> None:
    near = make_event("r1", location=place("ariha", precision=2, gazetteer_id="", name="near Ariha"))
    close = make_event("r2", location=village_east_of_ariha(2.5, "Village Close"), source="SANA")
    far = make_event("r3", location=village_east_of_ariha(4.5, "Village Far"), source="Reuters")
    settings = FusionSettings()
    assert match_score(Profile.of(close), Profile.of(near), settings).total is not None
    assert match_score(Profile.of(far), Profile.of(near), settings).total is None


def test_a_province_level_report_joins_the_same_day_only() -> None:
    precise = make_event("r1", location=place("ariha"))
    province = Location(name="Idleb", admin1="Idleb", country="Syria", geo_precision=3)
    same_day = make_event("r2", location=province, source="SANA", published_hours=10)
    next_day = make_event("r3", location=province, source="SANA", event_date=BASE_DAY + timedelta(days=1))
    settings = FusionSettings()
    assert match_score(Profile.of(same_day), Profile.of(precise), settings).total is not None
    assert match_score(Profile.of(next_day), Profile.of(precise), settings).total is None
    # a date range is loose: a vague place may still meet it
    ranged = make_event("r4", location=province, source="SANA", event_date=BASE_DAY - timedelta(days=1),
                        event_date_end=BASE_DAY + timedelta(days=1))
    assert match_score(Profile.of(ranged), Profile.of(precise), settings).total is not None


def test_a_fight_between_rebel_factions_is_not_the_rebels_battle_with_the_army() -> None:
    ariha = place("ariha")
    army = clash("r1", ariha, "Military Forces of Syria", "Hayat Tahrir al-Sham")
    factions = clash("r2", ariha, "Hayat Tahrir al-Sham", "Ahrar al-Sham", source="Enab Baladi")
    same_factions = clash("r3", ariha, "Ahrar al-Sham", "Opposition Rebels", source="SOHR", published_hours=9)
    assert fuse_all([army, factions, same_factions]) == [["r1"], ["r2", "r3"]]


def test_a_province_is_not_its_capital_city_of_the_same_name() -> None:
    city = Location(name="Idleb", name_ar="إدلب", admin1="Idleb", admin2="Idleb", country="Syria",
                    lat=35.93, lon=36.63, geo_precision=1, gazetteer_id="test:idleb-city")
    province = Location(name="Idleb", name_ar="محافظة إدلب", admin1="Idleb", country="Syria", lat=35.93,
                        lon=36.63, geo_precision=3, gazetteer_id="test:idleb-province")
    in_city = make_event("r1", location=city)
    in_province = make_event("r2", location=province, source="SANA")
    next_day = make_event("r3", location=province, source="SANA", event_date=BASE_DAY + timedelta(days=1))
    settings = FusionSettings()
    assert match_score(Profile.of(in_province), Profile.of(in_city), settings).where == 0.45  # holds it
    assert match_score(Profile.of(next_day), Profile.of(in_city), settings).total is None


def test_allies_named_as_both_sides_of_a_battle_still_meet_the_battle() -> None:
    ariha = place("ariha")
    battle = clash("r1", ariha, "Military Forces of Syria", "Hayat Tahrir al-Sham")
    allies = clash("r2", ariha, "Military Forces of Syria", "Military Forces of Russia", source="SANA")
    assert fuse_all([battle, allies]) == [["r1", "r2"]]
