"""Rules that join what one event's reports tell differently, and the near misses they must keep
apart: an article retelling its event, a canonical event known by every sub-event type and toll
its outlets gave, reports a day apart with tolls far apart, two province-level reports a day apart.
(Events are hand-built; places are the fixture towns.)"""

from __future__ import annotations

from datetime import timedelta

from fusion_factories import BASE_DAY, at, make_event, place

from processors.fusion import EventFuser, FusionSettings
from processors.fusion.matching import Profile, fatalities_adjustment, match_score
from processors.fusion.store import key
from sitrep.records import Event, Location

NOW = at(BASE_DAY, 23)
PROVINCE = Location(name="Idleb", admin1="Idleb", country="Syria", lat=35.93, lon=36.63, geo_precision=3,
                    gazetteer_id="test:idleb-province")


def clusters(events: list[Event]) -> list[list[str]]:
    """Event ids grouped by the canonical event they joined, in a stable order."""
    fuser = EventFuser(FusionSettings(), {})
    joined: dict[str, list[str]] = {}
    for event in events:
        joined.setdefault(fuser.fuse(event, NOW).canonical.event_id, []).append(event.event_id)
    return sorted(sorted(ids) for ids in joined.values())


def ids(*events: Event) -> list[str]:
    return sorted(e.event_id for e in events)


# --- one report telling its event twice ----------------------------------------------------------

def test_an_article_retelling_its_strike_gives_one_event_that_other_outlets_join() -> None:
    strike = make_event("wire-1", index=0, location=place("ariha"), fatalities=7, language="en",
                        source="Wire")
    # the next paragraph: the same raid called shelling, the victims named, no toll
    retold = make_event("wire-1", index=1, sub_event_type="Shelling/artillery/missile attack",
                        location=place("ariha"), fatalities=None, language="en", source="Wire")
    other_outlet = make_event("sohr-1", sub_event_type="Shelling/artillery/missile attack",
                              location=place("ariha"), fatalities=7, published_hours=9)
    assert clusters([strike, retold, other_outlet]) == [ids(strike, retold, other_outlet)]


def test_a_retelling_may_name_a_spot_of_the_same_town() -> None:
    strike = make_event("wire-1", index=0, location=place("ariha"), fatalities=7)
    at_the_market = make_event("wire-1", index=1, fatalities=7, location=place(
        "ariha", name="Ariha market", lat=35.8150, gazetteer_id="test:ariha-market"))  # 200 m away
    assert clusters([strike, at_the_market]) == [ids(strike, at_the_market)]


def test_what_one_report_tells_as_two_events_stays_two() -> None:
    strike = make_event("r1", index=0, location=place("ariha"), fatalities=6)
    cases = {
        "another toll": make_event("r1", index=1, sub_event_type="Shelling/artillery/missile attack",
                                   location=place("ariha"), fatalities=2),
        "another day": make_event("r1", index=2, location=place("ariha"), fatalities=None,
                                  event_date=BASE_DAY + timedelta(days=1)),
        "a village two km away": make_event("r1", index=3, fatalities=None, location=Location(
            name="Village East", admin1="Idleb", admin2="Ariha", country="Syria", lat=35.8134,
            lon=36.6105 + 2 / 90.6, geo_precision=1, gazetteer_id="test:village-east")),
        "the other side's fire": make_event("r1", index=4, actor1="Hayat Tahrir al-Sham",
                                            actor2="Military Forces of Syria", location=place("ariha"),
                                            fatalities=None),
        "a roadside bomb": make_event("r1", index=5, sub_event_type="Remote explosive/landmine/IED",
                                      actor1="", location=place("ariha"), fatalities=None),
        "the province": make_event("r1", index=6, location=PROVINCE, fatalities=None),
    }
    for name, second in cases.items():
        assert clusters([strike, second]) == sorted([[strike.event_id], [second.event_id]]), name


# --- a canonical event is known by every description of it ---------------------------------------

def test_a_canonical_event_is_known_by_every_sub_event_type_its_reports_gave() -> None:
    fuser = EventFuser(FusionSettings(), {})
    bombing = make_event("r1", sub_event_type="Suicide bomb", actor1="", location=place("douma"),
                         fatalities=16)
    as_air_strike = make_event("r2", sub_event_type="Air/drone strike", actor1="", location=place("douma"),
                               fatalities=16, source="Wire", published_hours=8)
    canonical = fuser.fuse(bombing, NOW).canonical
    fuser.fuse(as_air_strike, NOW)
    stored = Profile.from_json(fuser.store[key("ev", "SY", "c", canonical.event_id)]["p"])
    assert stored.subs == {"Suicide bomb", "Air/drone strike"}
    third = make_event("r3", sub_event_type="Air/drone strike", actor1="", location=place("douma"),
                       source="Other")
    assert match_score(Profile.of(third), stored, FusionSettings()).what == 1.0
    assert match_score(Profile.of(third), Profile.of(bombing), FusionSettings()).what == 0.3


def test_every_source_figure_counts_when_tolls_are_compared() -> None:
    fuser = EventFuser(FusionSettings(), {})
    fuser.fuse(make_event("r1", fatalities=20, source="SOHR"), NOW)
    result = fuser.fuse(make_event("r2", fatalities=112, source="Wire", published_hours=8), NOW)
    stored = Profile.of(result.canonical)
    assert result.canonical.fatalities == 20 and stored.tolls == (20, 112)
    assert fatalities_adjustment(Profile.of(make_event("r3", fatalities=98)), stored) > 0
    assert fatalities_adjustment(Profile.of(make_event("r4", fatalities=500)), stored) < 0


# --- another day and another toll, another day and a vague place ----------------------------------

def test_a_next_day_report_with_a_toll_far_apart_is_another_event() -> None:
    first = make_event("r1", location=place("hajin"), actor1="Coalition", fatalities=3)
    next_day = dict(location=place("hajin"), actor1="Coalition", source="Wire",
                    event_date=BASE_DAY + timedelta(days=1))
    far_apart = make_event("r2", fatalities=19, **next_day)  # type: ignore[arg-type]
    close = make_event("r3", fatalities=4, **next_day)  # type: ignore[arg-type]
    assert clusters([first, far_apart]) == sorted([ids(first), ids(far_apart)])
    assert clusters([first, close]) == [ids(first, close)]
    same_day = make_event("r4", location=place("hajin"), actor1="Coalition", fatalities=19, source="Wire")
    assert clusters([first, same_day]) == [ids(first, same_day)]  # a rising toll on the day


def test_a_next_day_report_that_says_the_toll_rose_still_joins() -> None:
    first = make_event("r1", location=place("hajin"), fatalities=3)
    risen = make_event("r2", location=place("hajin"), fatalities=19, source="Wire",
                       event_date=BASE_DAY + timedelta(days=1), toll_text="The death toll rose to 19")
    assert clusters([first, risen]) == [ids(first, risen)]


def test_two_province_level_reports_a_day_apart_are_two_events() -> None:
    monday = make_event("r1", location=PROVINCE, fatalities=5)
    tuesday = make_event("r2", location=PROVINCE, fatalities=5, source="Wire",
                         event_date=BASE_DAY + timedelta(days=1))
    same_day = make_event("r3", location=PROVINCE, fatalities=5, source="Other", published_hours=9)
    assert clusters([monday, tuesday, same_day]) == sorted([ids(monday, same_day), ids(tuesday)])
