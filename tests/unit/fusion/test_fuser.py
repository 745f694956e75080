"""Event fusion: which events meet, which stay apart, what the canonical event keeps."""

from __future__ import annotations

from datetime import timedelta

from fusion_factories import BASE_DAY, at, make_event, place

from processors.fusion import EventFuser, FusionSettings, fusion_bucket
from sitrep.records import Actor, Event, Location

NOW = at(BASE_DAY, 23)


def fuser(**changes: object) -> tuple[EventFuser, dict[str, object]]:
    store: dict[str, object] = {}
    return EventFuser(FusionSettings(**changes), store), store  # type: ignore[arg-type]


def fuse_all(events: list[Event], **changes: object) -> dict[str, Event]:
    f, _ = fuser(**changes)
    out: dict[str, Event] = {}
    for event in events:
        result = f.fuse(event, NOW)
        if result.changed:
            out[result.canonical.event_id] = result.canonical
    return out


def test_arabic_and_english_reports_of_one_strike_meet() -> None:
    arabic = make_event("sohr-1", source="SOHR", language="ar", fatalities=7,
                        location=place("ariha", name="أريحا"))
    english = make_event("reuters-1", source="Reuters", language="en", fatalities=7,
                         actor1="Military Forces of Russia", location=place("ariha"), published_hours=9)
    out = fuse_all([arabic, english])
    assert len(out) == 1
    (canonical,) = out.values()
    assert canonical.event_id == arabic.event_id
    assert canonical.report_ids == ["sohr-1", "reuters-1"]
    assert canonical.sources == ["SOHR", "Reuters"]
    assert {f.source: f.fatalities for f in canonical.source_figures} == {"SOHR": 7, "Reuters": 7}
    assert canonical.revision == 2


def test_two_strikes_killing_the_same_number_in_different_places_or_days_stay_two() -> None:
    strike = make_event("r1", location=place("ariha"), fatalities=4)
    elsewhere = make_event("r2", location=place("maarrat"), fatalities=4, source="SANA")
    two_days_later = make_event("r3", location=place("ariha"), fatalities=4, source="SANA",
                                event_date=BASE_DAY + timedelta(days=2))
    assert len(fuse_all([strike, elsewhere, two_days_later])) == 3


def test_next_day_report_and_coarse_place_join_the_precise_event() -> None:
    precise = make_event("r1", location=place("mayadin"), fatalities=6)
    next_day = make_event("r2", source="DeirEzzor24", event_date=BASE_DAY + timedelta(days=1),
                          location=place("mayadin", precision=2, name="Al Mayadin countryside",
                                         name_ar="ريف الميادين", gazetteer_id=""))
    province = make_event("r3", source="SANA", sub_event_type="Shelling/artillery/missile attack",
                          location=Location(name="Deir ez-Zor", admin1="Deir ez-Zor", country="Syria",
                                            geo_precision=3))
    out = fuse_all([province, precise, next_day])
    assert len(out) == 1
    (canonical,) = out.values()
    assert canonical.location is not None and canonical.location.geo_precision == 1  # sharpest place wins
    assert sorted(canonical.report_ids) == ["r1", "r2", "r3"]


def test_battles_with_a_different_pair_of_sides_stay_apart() -> None:
    regime_vs_is = make_event("r1", sub_event_type="Armed clash", actor1="Military Forces of Syria",
                              actor2="Islamic State", location=place("hajin"))
    sdf_vs_is = make_event("r2", sub_event_type="Armed clash", actor1="Syrian Democratic Forces",
                           actor2="Islamic State", location=place("hajin"), source="ANHA")
    same_pair = make_event("r3", sub_event_type="Armed clash", actor1="Islamic State",
                           actor2="Militia (Pro-Government)", location=place("hajin"), source="SANA")
    out = fuse_all([regime_vs_is, sdf_vs_is, same_pair])
    assert sorted(sorted(e.report_ids) for e in out.values()) == [["r1", "r3"], ["r2"]]


def test_different_event_types_never_meet() -> None:
    strike = make_event("r1")
    protest = make_event("r2", sub_event_type="Peaceful protest", actor1="Protesters", actor2="")
    assert len(fuse_all([strike, protest])) == 2


def test_events_the_extractor_told_apart_in_one_report_stay_apart() -> None:
    first = make_event("r1", index=0, location=place("mayadin"))
    second = make_event("r1", index=1, location=place("mayadin", name="Mayadin city"))
    assert len(fuse_all([first, second])) == 2


def test_a_toll_that_rises_later_updates_the_same_event() -> None:
    f, _ = fuser()
    first = f.fuse(make_event("r1", fatalities=5, source="SOHR"), NOW)
    risen = make_event("r2", fatalities=11, source="SOHR", published_hours=10,
                       toll_text="ارتفع عدد القتلى إلى 11")
    update = f.fuse(risen, NOW)
    assert first.is_new and not update.is_new and update.changed
    assert update.previous_fatalities == 5
    assert update.canonical.event_id == first.canonical.event_id
    assert update.canonical.fatalities == 11
    assert update.canonical.revision == first.canonical.revision + 1


def test_an_update_from_another_outlet_supersedes_earlier_counts() -> None:
    events = [
        make_event("r1", fatalities=5, source="SOHR"),
        make_event("r2", fatalities=11, source="Reuters", language="en", published_hours=10,
                   toll_text="The death toll rose to 11, the monitor said"),
    ]
    (canonical,) = fuse_all(events).values()
    assert canonical.fatalities == 11


def test_outlets_that_disagree_give_the_conservative_figure() -> None:
    events = [
        make_event("r1", fatalities=9, source="SANA"),
        make_event("r2", fatalities=6, source="SOHR", published_hours=8),
        make_event("r3", fatalities=None, source="Reuters", published_hours=9),
    ]
    (canonical,) = fuse_all(events).values()
    assert canonical.fatalities == 6
    figures = {f.source: f.fatalities for f in canonical.source_figures}
    assert figures == {"SANA": 9, "SOHR": 6, "Reuters": None}


def test_a_later_report_of_one_outlet_replaces_its_earlier_figure() -> None:
    events = [
        make_event("r1", fatalities=3, source="SOHR"),
        make_event("r2", fatalities=8, source="SANA", published_hours=7),
        make_event("r3", fatalities=7, source="SOHR", published_hours=12),
        make_event("r4", fatalities=None, source="SOHR", published_hours=13),  # no number: keeps 7
    ]
    (canonical,) = fuse_all(events).values()
    assert {f.source: f.fatalities for f in canonical.source_figures} == {"SOHR": 7, "SANA": 8}
    assert canonical.fatalities == 7


def test_conventional_figures_count_only_without_a_real_number() -> None:
    convention = make_event("r1", fatalities=10, source="A")
    convention = convention.model_copy(update={"fatalities_qualifier": "convention"})
    (canonical,) = fuse_all([convention, make_event("r2", fatalities=12, source="B")]).values()
    assert canonical.fatalities == 12


def test_replay_changes_nothing_and_revisions_only_grow() -> None:
    f, store = fuser()
    events = [make_event("r1", fatalities=5),
              make_event("r2", fatalities=4, source="SANA", published_hours=8)]
    revisions = [f.fuse(e, NOW).canonical.revision for e in events]
    snapshot = dict(store)
    replay = [f.fuse(e, NOW) for e in events]
    assert revisions == [1, 2]
    assert [r.changed for r in replay] == [False, False]
    assert [r.canonical.revision for r in replay] == [2, 2]
    assert store == snapshot


def test_running_totals_and_stale_events_feed_nothing() -> None:
    f, store = fuser()
    monthly = make_event("r1", event_date=BASE_DAY - timedelta(days=30), event_date_end=BASE_DAY,
                         fatalities=230)
    stale = make_event("r2", event_date=BASE_DAY - timedelta(days=20))
    assert f.fuse(monthly, NOW).skipped == "running_total"
    assert f.fuse(stale, NOW).skipped == "outside_window"
    assert store == {}


def test_window_eviction_empties_the_state() -> None:
    f, store = fuser(window_days=7)
    for i, key in enumerate(["ariha", "mayadin", "douma"]):
        f.fuse(make_event(f"r{i}", location=place(key)), NOW)
    assert any(k.startswith("ev|SY|c|") for k in store)
    f.evict("SY", NOW + timedelta(days=12))
    left = [k for k in store if not k.endswith("days")]
    # what remains for one more window: "-" member keys (a late replay changes nothing) and their list
    assert left and all(k.startswith(("ev|SY|m|", "ev|SY|gone|")) for k in left)
    assert {store[k] for k in left if k.startswith("ev|SY|m|")} == {"-"}
    f.evict("SY", NOW + timedelta(days=12 + 8))
    assert [k for k in store if not k.endswith("days")] == []


def test_a_replay_after_its_event_left_the_window_starts_no_second_event() -> None:
    f, store = fuser(window_days=7)
    first = make_event("r1", location=place("mayadin"))
    created = f.fuse(first, NOW)
    assert created.is_new
    later = make_event("r9", location=place("douma"), event_date=BASE_DAY + timedelta(days=10))
    f.fuse(later, NOW + timedelta(days=10))  # stream time moves on: the first event is evicted
    assert not any(k.startswith(f"ev|SY|c|{created.canonical.event_id}") for k in store)
    replay = f.fuse(first, NOW)  # a worker sought back: the old candidate comes again
    assert replay.skipped == "left_window"
    assert not replay.is_new


def test_fusion_bucket_is_the_country() -> None:
    assert fusion_bucket(make_event("r1")) == "SY"
    iraq = make_event("r2", location=Location(name="Mosul", country="Iraq", admin1="Nineveh"))
    assert fusion_bucket(iraq) == "IQ"
    assert fusion_bucket(make_event("r3").model_copy(update={"location": None})) == "SY"
    assert fusion_bucket(iraq, FusionSettings(bucket_level="admin1")) == "IQ/Nineveh"


def test_every_store_value_is_json_and_every_key_starts_with_its_bucket() -> None:
    import json

    f, store = fuser()
    f.fuse(make_event("r1"), NOW)
    f.fuse(make_event("r2", source="SANA"), NOW)
    json.dumps(store)
    assert all(k.startswith("ev|SY|") for k in store)


def test_a_part_of_a_province_holds_the_towns_in_it_but_not_another_province() -> None:
    countryside = Location(name="Eastern Deir ez-Zor countryside", name_ar="ريف دير الزور الشرقي",
                           admin1="Deir ez-Zor", country="Syria", lat=35.02, lon=40.47, geo_precision=2,
                           gazetteer_id="sitrep:countryside:deir-ez-zor:east")
    region = make_event("r1", location=countryside, source="SOHR")
    town = make_event("r2", location=place("hajin"), source="Reuters", published_hours=9)  # 40 km away
    other_province = make_event("r3", location=place("ariha"), source="SANA", published_hours=10)
    out = fuse_all([region, town, other_province])
    assert sorted(sorted(e.report_ids) for e in out.values()) == [["r1", "r2"], ["r3"]]
    (joined,) = [e for e in out.values() if "r1" in e.report_ids]
    assert joined.location is not None and joined.location.name == "Hajin"  # the sharper place wins


def test_a_revised_report_rejoins_its_event_and_replaces_its_figure() -> None:
    f, _ = fuser()
    first = f.fuse(make_event("r1", index=0, fatalities=4), NOW)
    # revision 2 re-describes the place, so extraction gives the event another id
    revised = make_event("r1", index=7, fatalities=6, location=place("mayadin", name="Mayadin city"))
    result = f.fuse(revised, NOW, report_revision=2)
    assert result.canonical.event_id == first.canonical.event_id
    figures = [(s.report_id, s.revision, s.fatalities) for s in result.canonical.source_figures]
    assert figures == [("r1", 2, 6)]
    assert result.canonical.fatalities == 6
    # a replay of revision 1 changes nothing
    assert not f.fuse(make_event("r1", index=0, fatalities=4), NOW).changed


def test_a_battle_side_only_mentioned_still_keeps_two_battles_apart() -> None:
    army = make_event("r1", sub_event_type="Armed clash", actor1="Military Forces of Syria",
                      actor2="Islamic State", location=place("hajin"))
    sdf = make_event("r2", sub_event_type="Armed clash", actor1="", actor2="Islamic State",
                     location=place("hajin"), source="SOHR")
    sdf.actors.append(Actor(name="Syrian Democratic Forces", role="mentioned"))
    assert len(fuse_all([army, sdf])) == 2


def test_a_candidate_behind_the_stream_still_joins_its_event() -> None:
    f, _ = fuser(window_days=7, lateness_hours=24)
    old_day = BASE_DAY
    first = f.fuse(make_event("r1", location=place("mayadin"), event_date=old_day), NOW)
    # another partition moved stream time seven and a half days on...
    f.fuse(make_event("r9", location=place("douma"), event_date=old_day + timedelta(days=7)),
           NOW + timedelta(days=7, hours=12))
    # ...when a report of the first event, published on time, arrives late: it joins, no second event
    late = f.fuse(make_event("r2", location=place("mayadin"), event_date=old_day), NOW + timedelta(hours=1))
    assert not late.is_new and late.canonical.event_id == first.canonical.event_id
