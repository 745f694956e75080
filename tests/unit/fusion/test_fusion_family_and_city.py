"""Two pairwise matching rules (issue #6): sub-event types of one family, and a provincial capital
named alone. Both are symmetric: a pair scores the same whichever report came first. (Places and
events are our own: fixture towns and invented quarters beside them.)"""

from __future__ import annotations

from datetime import timedelta
from itertools import permutations

from fusion_factories import BASE_DAY, PLACES, at, make_event, place

from processors.fusion import EventFuser, FusionSettings
from processors.fusion.matching import FAMILY_SCORE, Profile, match_score, type_score
from sitrep.records import Event, Location

SETTINGS = FusionSettings()
KM_IN_LAT = 1 / 111.0


def groups(events: list[Event]) -> list[list[str]]:
    """Event ids grouped by the canonical event each joined, fused in the given order."""
    fuser = EventFuser(SETTINGS, {})
    joined: dict[str, list[str]] = {}
    for event in events:
        result = fuser.fuse(event, at(BASE_DAY + timedelta(days=3)))
        joined.setdefault(result.canonical.event_id, []).append(event.event_id)
    return sorted(sorted(ids) for ids in joined.values())


def score(a: Event, b: Event) -> float | None:
    return match_score(Profile.of(a), Profile.of(b), SETTINGS).total


def quarter_of_deir(km_north: float, name: str) -> Location:
    """An invented quarter of the city of Deir ez-Zor, ``km_north`` of its centre."""
    deir = PLACES["deir"]
    return Location(name=name, admin1="Deir ez-Zor", admin2="Deir ez-Zor", country="Syria",
                    lat=deir["lat"] + km_north * KM_IN_LAT, lon=deir["lon"], geo_precision=1,
                    gazetteer_id=f"test:{name}")


# --- sub-event families --------------------------------------------------------------------------


def test_sub_event_types_of_one_family_meet_a_little_below_the_same_type_and_symmetrically() -> None:
    kinds = {
        kind: make_event(f"r-{n}", sub_event_type=kind, source=f"outlet {n}", fatalities=None)
        for n, kind in enumerate(["Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon",
                                  "Remote explosive/landmine/IED", "Suicide bomb"])
    }
    strike, shelling, chemical = kinds["Air/drone strike"], kinds["Shelling/artillery/missile attack"], \
        kinds["Chemical weapon"]
    car_bomb, suicide = kinds["Remote explosive/landmine/IED"], kinds["Suicide bomb"]
    for a, b in [(strike, shelling), (strike, chemical), (car_bomb, suicide)]:
        pa, pb = Profile.of(a), Profile.of(b)
        assert type_score(pa, pb) == type_score(pb, pa) == FAMILY_SCORE < type_score(pa, pa) == 1.0
        assert score(a, b) == score(b, a) is not None
    # across families (a strike and a bomb) the types barely agree
    assert type_score(Profile.of(strike), Profile.of(car_bomb)) == 0.3


def test_a_wildly_different_toll_outweighs_a_sub_event_type_of_the_same_family() -> None:
    # One report tells two bombings in Ariha apart: a car bomb killing 41 and a suicide attack
    # killing 3. A second outlet's suicide bombing killing 39 is the car bomb retold.
    ariha = place("ariha")
    car_bomb = make_event("r1", sub_event_type="Remote explosive/landmine/IED", location=ariha,
                          actor1="Unidentified Armed Group (Syria)", fatalities=41)
    small = make_event("r1", index=1, sub_event_type="Suicide bomb", location=ariha,
                       actor1="Unidentified Armed Group (Syria)", fatalities=3)
    retold = make_event("r2", sub_event_type="Suicide bomb", location=ariha, actor1="", fatalities=39,
                        source="Outlet B", language="en", published_hours=9)
    assert groups([car_bomb, small, retold]) == sorted([sorted([car_bomb.event_id, retold.event_id]),
                                                        [small.event_id]])
    # the same when the second outlet came first (the bombings of one report still stay two)
    assert groups([retold, car_bomb, small]) == groups([car_bomb, small, retold])


def test_without_tolls_the_same_sub_event_type_is_still_preferred() -> None:
    ariha = place("ariha")
    car_bomb = make_event("r1", sub_event_type="Remote explosive/landmine/IED", location=ariha,
                          actor1="Unidentified Armed Group (Syria)", fatalities=None)
    suicide = make_event("r1", index=1, sub_event_type="Suicide bomb", location=ariha,
                         actor1="Unidentified Armed Group (Syria)", fatalities=None)
    retold = make_event("r2", sub_event_type="Suicide bomb", location=ariha, actor1="", fatalities=None,
                        source="Outlet B", published_hours=9)
    assert groups([car_bomb, suicide, retold]) == sorted([[car_bomb.event_id],
                                                          sorted([suicide.event_id, retold.event_id])])


def test_a_strike_and_a_shelling_with_the_same_toll_in_two_towns_or_days_stay_two() -> None:
    strike = make_event("r1", location=place("ariha"), fatalities=12)
    elsewhere = make_event("r2", sub_event_type="Shelling/artillery/missile attack", location=place("maarrat"),
                           fatalities=12, source="SANA")
    other_day = make_event("r3", sub_event_type="Shelling/artillery/missile attack", location=place("ariha"),
                           fatalities=12, source="SANA", event_date=BASE_DAY + timedelta(days=2))
    assert score(strike, elsewhere) is None and score(strike, other_day) is None
    for order in permutations([strike, elsewhere, other_day]):
        assert len(groups(list(order))) == 3


# --- a provincial capital named alone ------------------------------------------------------------


def test_a_city_named_alone_meets_a_quarter_of_it_on_the_same_day_only() -> None:
    city = make_event("r1", location=place("deir"), fatalities=None)
    quarter = quarter_of_deir(2.0, "Quarter North")
    same_day = make_event("r2", location=quarter, source="SANA", fatalities=None)
    next_day = make_event("r3", location=quarter, source="SANA", fatalities=None,
                          event_date=BASE_DAY + timedelta(days=1))
    assert score(same_day, city) == score(city, same_day) is not None
    assert score(next_day, city) is None and score(city, next_day) is None
    # a loose date (a range) may still meet it, as with a province-level place
    ranged = make_event("r4", location=quarter, source="SANA", fatalities=None,
                        event_date=BASE_DAY - timedelta(days=1), event_date_end=BASE_DAY + timedelta(days=1))
    assert score(ranged, city) is not None
    # the city named again the next day is the same place: the usual ±1 day holds
    city_next_day = make_event("r5", location=place("deir"), source="SANA", fatalities=None,
                               event_date=BASE_DAY + timedelta(days=1))
    assert score(city_next_day, city) is not None
    # the rule is about a spot in the city: its district told the next day keeps the usual ±1 day
    district = Location(name="Deir ez-Zor district", admin1="Deir ez-Zor", admin2="Deir ez-Zor", country="Syria",
                        geo_precision=2)
    district_next_day = make_event("r8", location=district, source="SANA", fatalities=None,
                                   event_date=BASE_DAY + timedelta(days=1))
    assert score(district_next_day, city) is not None
    # two quarters of a town that is not a provincial capital keep the usual ±1 day (a precise spot)
    mayadin_site = Location(name="Mayadin Site", admin1="Deir ez-Zor", admin2="Al Mayadin", country="Syria",
                            lat=PLACES["mayadin"]["lat"] + 0.5 * KM_IN_LAT, lon=PLACES["mayadin"]["lon"],
                            geo_precision=1, gazetteer_id="test:mayadin-site")
    in_mayadin = make_event("r6", location=place("mayadin"), fatalities=None)
    site_next_day = make_event("r7", location=mayadin_site, source="SANA", fatalities=None,
                               event_date=BASE_DAY + timedelta(days=1))
    assert score(site_next_day, in_mayadin) is not None


def test_strikes_on_a_city_and_on_a_quarter_of_it_on_two_days_stay_two_events() -> None:
    city = make_event("r1", location=place("deir"), fatalities=7)
    quarter_next_day = make_event("r2", location=quarter_of_deir(3.0, "Quarter East"), fatalities=7,
                                  source="SANA", event_date=BASE_DAY + timedelta(days=1))
    for order in permutations([city, quarter_next_day]):
        assert len(groups(list(order))) == 2


# --- the edge of a provincial capital ------------------------------------------------------------


def test_outside_a_capital_reaches_its_edge_except_for_battles_whichever_came_first() -> None:
    # "outside Deir ez-Zor" (the capital, precision 2) and an invented spot 9 km north of its centre
    outside = place("deir", precision=2)
    edge = quarter_of_deir(9, "Tell Qasab (invented)")
    strike = make_event("r1", sub_event_type="Air/drone strike", location=outside, fatalities=4)
    strike_edge = make_event("r2", sub_event_type="Air/drone strike", location=edge, fatalities=4,
                             source="Outlet B")
    assert score(strike, strike_edge) == score(strike_edge, strike) is not None
    # battles around a city are many fights: a clash at the edge is not "the clash outside the city"
    clash = make_event("r3", sub_event_type="Armed clash", location=outside, fatalities=4)
    clash_edge = make_event("r4", sub_event_type="Armed clash", location=edge, fatalities=4, source="Outlet B")
    assert score(clash, clash_edge) is None and score(clash_edge, clash) is None
