"""Invariants of fusion over arbitrary streams of events (hypothesis)."""

from __future__ import annotations

import json
from datetime import timedelta

from fusion_factories import BASE_DAY, at, make_event, make_report, place
from hypothesis import given, settings
from hypothesis import strategies as st

from processors.fusion import EventFuser, FusionSettings, ReportDeduper
from sitrep.records import Event

events = st.builds(
    lambda i, key, day, sub, killed, source, hours: make_event(
        f"r{i}", location=place(key), event_date=BASE_DAY + timedelta(days=day), sub_event_type=sub,
        fatalities=killed, source=source, published_hours=hours,
    ),
    st.integers(0, 40),
    st.sampled_from(["ariha", "maarrat", "mayadin", "deir", "hajin", "douma"]),
    st.integers(0, 4),
    st.sampled_from(["Air/drone strike", "Shelling/artillery/missile attack", "Armed clash"]),
    st.none() | st.integers(0, 30),
    st.sampled_from(["SOHR", "SANA", "Reuters"]),
    st.floats(0, 30),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(events, min_size=1, max_size=25, unique_by=lambda e: e.event_id))
def test_fusion_is_idempotent_and_revisions_never_go_back(stream: list[Event]) -> None:
    store: dict[str, object] = {}
    fuser = EventFuser(FusionSettings(), store)  # type: ignore[arg-type]
    now = at(BASE_DAY + timedelta(days=5))
    latest: dict[str, int] = {}
    joined: dict[str, str] = {}
    for event in stream:
        result = fuser.fuse(event, now)
        canonical = result.canonical
        assert canonical.revision >= latest.get(canonical.event_id, 0)
        assert not result.is_new or canonical.revision == 1
        latest[canonical.event_id] = canonical.revision
        joined[event.event_id] = canonical.event_id
        assert set(event.report_ids) <= set(canonical.report_ids)
    snapshot = json.dumps(store, sort_keys=True)
    for event in stream:  # a replay joins the same canonical events and changes nothing
        result = fuser.fuse(event, now)
        assert not result.changed
        assert result.canonical.event_id == joined[event.event_id]
    assert json.dumps(store, sort_keys=True) == snapshot


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(alphabet="abcdefgh ابتثجحخ", min_size=0, max_size=80), min_size=1, max_size=12))
def test_dedup_state_is_json_and_never_points_a_report_at_itself(texts: list[str]) -> None:
    store: dict[str, object] = {}
    deduper = ReportDeduper(FusionSettings(), store)  # type: ignore[arg-type]
    for i, text in enumerate(texts):
        verdict = deduper.check(make_report(f"r{i}", text or "x"), at(BASE_DAY))
        assert verdict.duplicate_of != f"r{i}"
        assert 0.0 <= verdict.similarity <= 1.0
    json.dumps(store)
