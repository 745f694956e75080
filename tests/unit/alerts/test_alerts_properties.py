"""Invariants of the engine over arbitrary streams of revisions (hypothesis)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from alerts_factories import NOW, make_event
from hypothesis import given, settings
from hypothesis import strategies as st

from processors.alerts import AlertEngine, parse_rules
from sitrep.records import Event

RULES = parse_rules("""
rules:
  - name: deadly
    when: {admin1: [Deir ez-Zor], fatalities_at_least: 5}
    escalate_by: 3
  - name: surge
    when: {admin1: [Idleb], count_at_least: 3, within_hours: 48}
""")


@st.composite
def streams(draw: st.DrawFn) -> list[Event]:
    """Revisions of up to 8 events, in an arbitrary interleaving, revisions increasing per event."""
    steps = draw(
        st.lists(
            st.tuples(
                st.integers(0, 7),
                st.integers(0, 30),
                st.sampled_from(["Deir ez-Zor", "Idleb"]),
                st.integers(0, 4),
            ),
            max_size=40,
        )
    )
    revisions: Counter[int] = Counter()
    stream = []
    for event_no, fatalities, admin1, day in steps:
        revisions[event_no] += 1
        stream.append(
            make_event(
                event_id=f"e{event_no}",
                revision=revisions[event_no],
                fatalities=fatalities,
                admin1=admin1,
                event_date=date(2026, 11, 16) + timedelta(days=day),
            )
        )
    return stream


@settings(max_examples=150, deadline=None)
@given(streams())
def test_engine_invariants(stream: list[Event]) -> None:
    store: dict[str, object] = {}
    engine = AlertEngine(RULES, store)
    alerts = [alert for event in stream for alert in engine.evaluate(event, NOW)]

    # one "new" per rule and event; escalations only after it, each by at least escalate_by
    news = Counter((a.rule, a.event_id) for a in alerts if a.kind == "new")
    assert all(count == 1 for count in news.values())
    last: dict[str, int] = {}
    for alert in alerts:
        if alert.kind == "new":
            last[alert.event_id or ""] = alert.fatalities or 0
        elif alert.kind == "escalation":
            assert alert.event_id in last and (alert.fatalities or 0) - last[alert.event_id] >= 3
            last[alert.event_id] = alert.fatalities or 0

    # an event counts in one surge at most, and every surge has enough events within its window
    surged = Counter(eid for a in alerts if a.kind == "surge" for eid in a.event_ids)
    assert all(count == 1 for count in surged.values())
    assert all(len(a.event_ids) >= 3 for a in alerts if a.kind == "surge")
    # ids are unique and stable: a fresh engine over the same stream gives the same alerts
    assert len({a.alert_id for a in alerts}) == len(alerts)
    again = AlertEngine(RULES, {})
    assert [a.alert_id for e in stream for a in again.evaluate(e, NOW)] == [a.alert_id for a in alerts]
    # a replay over the kept state fires nothing
    assert [a for event in stream for a in engine.evaluate(event, NOW)] == []
