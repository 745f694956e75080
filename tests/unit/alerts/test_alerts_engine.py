"""The engine: one alert per event and rule, escalations, surges once per window, silences, replays."""

from __future__ import annotations

import json
from datetime import date, timedelta

from alerts_factories import DATA, NOW, EventFactory

from processors.alerts import AlertEngine, RuleSet, Silence, parse_rules
from processors.alerts.engine import KibanaLinks, decide_single, window_days
from processors.alerts.replay import alert_line, read_events, replay

DEADLY = """
rules:
  - name: deadly
    when: {admin1: [Deir ez-Zor], fatalities_at_least: 5}
    escalate_by: 5
    notify: [console, webhook]
  - name: plain
    when: {admin1: [Deir ez-Zor]}
"""
SURGE = """
rules:
  - name: surge-idlib
    when: {admin1: [Idleb], count_at_least: 3, within_hours: %s}
    notify: [email]
"""


def test_first_match_is_new_and_carries_context(event: EventFactory) -> None:
    engine = AlertEngine(parse_rules(DEADLY), {}, kibana_links=KibanaLinks("http://kibana:5601"))
    alerts = engine.evaluate(event(), NOW)
    assert [(a.rule, a.kind, a.event_id, a.fatalities) for a in alerts] == [
        ("deadly", "new", "ev-1", 6),
        ("plain", "new", "ev-1", 6),
    ]
    alert = alerts[0]
    assert alert.summary == "Armed clash in Al-Mayadin."
    assert alert.sources == ["SOHR"] and alert.urls == ["https://www.syriahr.com/en/ev-1/"]
    assert alert.kibana_url.startswith("http://kibana:5601/app/discover#/") and "ev-1" in alert.kibana_url
    assert alert.notify == ["console", "webhook"] and alert.fired_at == NOW
    assert alert.admin1 == "Deir ez-Zor" and alert.location is not None


def test_one_alert_per_event_and_rule_across_revisions(event: EventFactory) -> None:
    engine = AlertEngine(parse_rules(DEADLY), {})
    assert len(engine.evaluate(event(revision=1, fatalities=6), NOW)) == 2
    assert engine.evaluate(event(revision=2, fatalities=9), NOW) == []  # +3 < escalate_by
    assert engine.evaluate(event(revision=3, fatalities=6), NOW) == []


def test_escalation_when_toll_rises_by_escalate_by_over_last_alerted(event: EventFactory) -> None:
    engine = AlertEngine(parse_rules(DEADLY), {})
    engine.evaluate(event(revision=1, fatalities=6), NOW)
    assert engine.evaluate(event(revision=2, fatalities=10), NOW) == []
    escalated = engine.evaluate(event(revision=3, fatalities=11), NOW)
    assert [(a.rule, a.kind, a.fatalities) for a in escalated] == [("deadly", "escalation", 11)]
    assert escalated[0].summary.startswith("Toll rose from 6 to 11.")
    # the next escalation is measured from 11, not from 6
    assert engine.evaluate(event(revision=4, fatalities=15), NOW) == []
    assert [a.kind for a in engine.evaluate(event(revision=5, fatalities=16), NOW)] == ["escalation"]


def test_a_revision_that_first_meets_the_rule_is_new(event: EventFactory) -> None:
    engine = AlertEngine(parse_rules(DEADLY), {})
    assert [a.rule for a in engine.evaluate(event(revision=1, fatalities=2), NOW)] == ["plain"]
    assert [(a.rule, a.kind) for a in engine.evaluate(event(revision=2, fatalities=5), NOW)] == [
        ("deadly", "new")
    ]


def test_replays_and_late_revisions_fire_nothing(event: EventFactory) -> None:
    engine = AlertEngine(parse_rules(DEADLY), {})
    engine.evaluate(event(revision=2, fatalities=6), NOW)
    assert engine.evaluate(event(revision=2, fatalities=6), NOW) == []
    assert engine.evaluate(event(revision=1, fatalities=50), NOW) == []


def test_alert_ids_are_stable_across_engines(event: EventFactory) -> None:
    def ids() -> list[str]:
        engine = AlertEngine(parse_rules(DEADLY), {})
        first = engine.evaluate(event(revision=1, fatalities=6), NOW)
        later = engine.evaluate(event(revision=2, fatalities=20), NOW + timedelta(hours=1))
        return [a.alert_id for a in first + later]

    assert ids() == ids() and len(set(ids())) == 3


def test_escalate_by_absent_means_never_again(event: EventFactory) -> None:
    rule = parse_rules(DEADLY).rules[1]
    assert decide_single(rule, None, event()) == "new"
    assert decide_single(rule, {"fatalities": 1}, event(fatalities=500)) is None


def test_state_is_plain_json(event: EventFactory) -> None:
    store: dict[str, object] = {}
    engine = AlertEngine(parse_rules(DEADLY + SURGE.replace("rules:\n", "") % 24), store)
    engine.evaluate(event(), NOW)
    engine.evaluate(event(event_id="i1", admin1="Idleb"), NOW)
    assert json.loads(json.dumps(store)) == store
    assert set(store) == {"event:ev-1", "surge:surge-idlib"}


# --- surges -----------------------------------------------------------------------------------------


def idlib(event: EventFactory, event_id: str, day: int, revision: int = 1, **extra: object) -> object:
    return event(
        event_id=event_id,
        revision=revision,
        admin1="Idleb",
        place="Sarmin",
        event_date=date(2026, 11, day),
        fatalities=2,
        **extra,
    )


def test_surge_fires_once_per_window(event: EventFactory) -> None:
    engine = AlertEngine(parse_rules(SURGE % 24), {})
    assert engine.evaluate(idlib(event, "a", 20), NOW) == []
    assert engine.evaluate(idlib(event, "b", 20), NOW) == []
    alerts = engine.evaluate(idlib(event, "c", 20), NOW)
    assert [(a.kind, a.event_ids, a.fatalities) for a in alerts] == [("surge", ["a", "b", "c"], 6)]
    assert alerts[0].event_id is None and alerts[0].admin1 == "Idleb"
    assert "3 events matching surge-idlib in Idleb (2026-11-20)" in alerts[0].summary
    # a fourth event and revisions of counted ones do not fire again
    assert engine.evaluate(idlib(event, "d", 20), NOW) == []
    assert engine.evaluate(idlib(event, "a", 20, revision=2), NOW) == []
    assert engine.evaluate(idlib(event, "e", 20), NOW) == []
    assert [a.event_ids for a in engine.evaluate(idlib(event, "f", 20), NOW)] == [["d", "e", "f"]]


def test_surge_window_is_in_event_days(event: EventFactory) -> None:
    assert (window_days(12), window_days(24), window_days(25), window_days(48)) == (1, 1, 2, 2)
    for hours, expected in ((24, []), (48, [["a", "b", "c"]])):
        engine = AlertEngine(parse_rules(SURGE % hours), {})
        fired = [
            a.event_ids
            for eid, day in (("a", 19), ("b", 20), ("c", 20))
            for a in engine.evaluate(idlib(event, eid, day), NOW)
        ]
        assert fired == expected, hours


def test_surge_handles_events_arriving_out_of_date_order(event: EventFactory) -> None:
    engine = AlertEngine(parse_rules(SURGE % 48), {})
    assert engine.evaluate(idlib(event, "x", 22), NOW) == []
    assert engine.evaluate(idlib(event, "y", 18), NOW) == []  # too far from x
    assert engine.evaluate(idlib(event, "z", 21), NOW) == []
    assert [a.event_ids for a in engine.evaluate(idlib(event, "w", 22), NOW)] == [["z", "w", "x"]]


def test_an_event_that_stops_matching_leaves_the_surge(event: EventFactory) -> None:
    engine = AlertEngine(parse_rules(SURGE % 24), {})
    engine.evaluate(idlib(event, "a", 20), NOW)
    engine.evaluate(idlib(event, "b", 20), NOW)
    engine.evaluate(event(event_id="a", revision=2, admin1="Aleppo"), NOW)  # relocated by a revision
    assert engine.evaluate(idlib(event, "c", 20), NOW) == []
    assert [a.event_ids for a in engine.evaluate(idlib(event, "d", 20), NOW)] == [["b", "c", "d"]]


# --- silences ---------------------------------------------------------------------------------------


def test_silence_by_rule_by_key_and_expiry(event: EventFactory) -> None:
    until = NOW + timedelta(hours=6)
    silences = [Silence("deadly", until, key="deir ez-zor"), Silence("plain", until, key="ev-other")]
    engine = AlertEngine(parse_rules(DEADLY), {}, silences=silences)
    decisions = engine.decide(event(), NOW)
    assert [(d.alert.rule, d.silenced_by is not None) for d in decisions] == [
        ("deadly", True),
        ("plain", False),
    ]
    assert [
        a.rule for a in AlertEngine(parse_rules(DEADLY), {}, silences=silences).evaluate(event(), until)
    ] == [
        "deadly",
        "plain",
    ]


def test_silence_by_event_id_and_whole_rule(event: EventFactory) -> None:
    until = NOW + timedelta(hours=1)
    by_id = AlertEngine(parse_rules(DEADLY), {}, silences=[Silence("deadly", until, key="ev-1")])
    assert [a.rule for a in by_id.evaluate(event(), NOW)] == ["plain"]
    assert [a.rule for a in by_id.evaluate(event(event_id="ev-2"), NOW)] == ["deadly", "plain"]
    whole = AlertEngine(parse_rules(DEADLY), {}, silences=[Silence("plain", until)])
    assert [a.rule for a in whole.evaluate(event(), NOW)] == ["deadly"]


def test_a_silenced_alert_counts_as_sent(event: EventFactory) -> None:
    until = NOW + timedelta(hours=1)
    engine = AlertEngine(parse_rules(DEADLY), {}, silences=[Silence("deadly", until)])
    assert [a.rule for a in engine.evaluate(event(revision=1, fatalities=6), NOW)] == ["plain"]
    later = until + timedelta(minutes=1)
    assert engine.evaluate(event(revision=2, fatalities=7), later) == []  # no late "new"
    assert [a.kind for a in engine.evaluate(event(revision=3, fatalities=11), later)] == ["escalation"]


def test_silenced_surge_is_not_sent_and_not_resent(event: EventFactory) -> None:
    until = NOW + timedelta(hours=1)
    engine = AlertEngine(parse_rules(SURGE % 24), {}, silences=[Silence("surge-idlib", until, key="Idleb")])
    decisions = [d for eid in "abc" for d in engine.decide(idlib(event, eid, 20), NOW)]
    assert len(decisions) == 1 and decisions[0].silenced_by is not None
    assert engine.evaluate(idlib(event, "d", 20), until) == []


# --- golden file ------------------------------------------------------------------------------------


def test_golden_events_file(example_rules: RuleSet) -> None:
    result = replay(AlertEngine(example_rules, {}), read_events(DATA / "events.jsonl"))
    expected = [json.loads(line) for line in (DATA / "events.expected.jsonl").read_text().splitlines()]
    got = [
        {k: v for k, v in alert_line(a).items() if k in expected[0] or k == "event_ids"}
        for a in result.alerts
    ]
    assert got == expected
    assert result.events == 10 and result.bad_lines == []
