"""The alert engine: canonical events in, alerts out, with dedup, escalation, surges and silences.

The decisions are pure functions over (rule, state, event): `decide_single` (new / escalation /
nothing) and `decide_surge` (a window of matching events reached the count, or not). `AlertEngine`
only reads the state from a store, calls them, builds the alerts and writes the new state back.

State lives in a ``MutableMapping[str, JSON]`` so that the stream can keep it in a Faust table and
tests and the CLI in a dict. Values are plain JSON (dicts, lists, str, int, bool) and are always
written back as a whole (Faust only notices assignments, not changes inside a value). Keys:

- ``event:<event_id>`` → ``{"revision": 3, "rules": {"<rule>": {"revision": 2, "fatalities": 7,
  "silenced": false}}}``: the last revision seen and, per rule, the figure last alerted on. A
  revision not newer than the one seen is a replay and is ignored, so a replay fires nothing.
  Only events that fired a rule get an entry.
- ``surge:<rule>`` → ``{"newest": "2026-11-20", "pending": {"<event_id>": {...}}, "fired":
  {"<event_id>": "2026-11-19"}, "dropped": {"<event_id>": {"date", "revision"}}}``: matching events
  not yet part of a surge alert (with their revision), those that were (they never count again, so
  a surge alerts once per window), and those a revision took out of the count (so a replayed older
  revision cannot put them back). Entries older than two windows before the newest date are pruned.

Surge windows count event *dates* (days): ``within_hours: 24`` is one day, 48 two consecutive
days, and so on (rounded up). A surge fires when ``count_at_least`` distinct matching events not
yet alerted on fall within one window that holds the event just seen.

A silenced alert is not sent, but is remembered as if sent: when the silence ends, the same event
does not fire again as "new", and an escalation is measured from the silenced figure.
"""

from __future__ import annotations

import math
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

from processors.alerts import kibana
from processors.alerts.matching import actor_names, matches
from processors.alerts.rules import Rule, RuleSet
from processors.alerts.silences import Silence, SilenceSource, StaticSilences, silenced_by
from sitrep.ids import stable_id
from sitrep.records import Alert, Event

JSON = Any
StateStore = MutableMapping[str, JSON]
SingleKind = Literal["new", "escalation"]


@dataclass(frozen=True)
class KibanaLinks:
    """Where Kibana is (``SITREP_ALERTS__KIBANA_URL``) and which data view holds the events."""

    base_url: str = ""
    data_view: str = "sitrep-events"


@dataclass(frozen=True)
class Decision:
    """An alert the rules fired, and the silence that holds it back (None: send it)."""

    alert: Alert
    silenced_by: Silence | None = None


@dataclass(frozen=True)
class SurgeDecision:
    """Outcome of `decide_surge`: the events of the window that fired (empty: none) and the new state."""

    event_ids: tuple[str, ...]
    members: dict[str, dict[str, Any]]
    state: dict[str, Any]


# --- pure decisions ---------------------------------------------------------------------------------


def decide_single(rule: Rule, alerted: dict[str, Any] | None, event: Event) -> SingleKind | None:
    """Should this revision of an event fire ``rule``? ``alerted`` is what the rule last alerted on.

    First match → "new"; a later revision whose toll rose by at least ``escalate_by`` over the
    figure last alerted on → "escalation"; anything else → None.
    """
    if not matches(rule.when, event):
        return None
    if alerted is None:
        return "new"
    if rule.escalate_by is None:
        return None
    before = alerted.get("fatalities") or 0
    if (event.fatalities or 0) - before >= rule.escalate_by:
        return "escalation"
    return None


def window_days(within_hours: float) -> int:
    """How many calendar days of event dates a surge window spans (at least one)."""
    return max(1, math.ceil(within_hours / 24 - 1e-9))


def decide_surge(rule: Rule, state: dict[str, Any] | None, event: Event) -> SurgeDecision:
    """Add (or drop) the event in the rule's surge state and see whether a window reached the count."""
    assert rule.when.count_at_least is not None and rule.when.within_hours is not None
    days = window_days(rule.when.within_hours)
    state = state or {}
    pending: dict[str, dict[str, Any]] = dict(state.get("pending") or {})
    fired: dict[str, str] = dict(state.get("fired") or {})
    dropped: dict[str, dict[str, Any]] = dict(state.get("dropped") or {})
    newest = max(filter(None, [state.get("newest"), event.event_date.isoformat()]))
    horizon = (date.fromisoformat(newest) - timedelta(days=2 * days)).isoformat()

    def new_state() -> dict[str, Any]:
        return {
            "newest": newest,
            "pending": {k: v for k, v in pending.items() if v["date"] >= horizon},
            "fired": {k: v for k, v in fired.items() if v >= horizon},
            "dropped": {k: v for k, v in dropped.items() if v["date"] >= horizon},
        }

    if event.event_id in fired:  # already part of an alerted surge: a revision changes nothing
        return SurgeDecision((), {}, new_state())
    known = pending.get(event.event_id) or dropped.get(event.event_id)
    if known is not None and event.revision <= int(known.get("revision", 0)):
        return SurgeDecision((), {}, new_state())  # a replay, or an older revision arriving late
    if not matches(rule.when, event) or event.event_date.isoformat() < horizon:
        if known is not None:  # it left the count; remember its revision so a stale one cannot return
            pending.pop(event.event_id, None)
            dropped[event.event_id] = {"date": event.event_date.isoformat(), "revision": event.revision}
        return SurgeDecision((), {}, new_state())
    dropped.pop(event.event_id, None)
    pending[event.event_id] = _surge_member(event)
    day = event.event_date
    last_anchor = (day + timedelta(days=days - 1)).isoformat()
    anchors = sorted({m["date"] for m in pending.values() if day.isoformat() <= m["date"] <= last_anchor})
    for anchor in anchors:
        first = (date.fromisoformat(anchor) - timedelta(days=days - 1)).isoformat()
        members = {eid: m for eid, m in pending.items() if first <= m["date"] <= anchor}
        if len(members) >= rule.when.count_at_least:
            for eid, member in members.items():
                fired[eid] = member["date"]
                del pending[eid]
            ordered = tuple(sorted(members, key=lambda eid: (members[eid]["date"], eid)))
            return SurgeDecision(ordered, members, new_state())
    return SurgeDecision((), {}, new_state())


def _surge_member(event: Event) -> dict[str, Any]:
    return {
        "date": event.event_date.isoformat(),
        "revision": event.revision,
        "fatalities": event.fatalities,
        "admin1": event.location.admin1 if event.location else "",
        "place": event.location.name if event.location else "",
        "sub_event_type": event.sub_event_type,
        "sources": event.sources[:5],
        "urls": event.urls[:5],
    }


# --- building alerts --------------------------------------------------------------------------------


def event_alert(
    rule: Rule,
    kind: SingleKind,
    event: Event,
    now: datetime,
    links: KibanaLinks,
    previous_fatalities: int | None = None,
) -> Alert:
    """The alert ``rule`` fires on one event (kind "new" or "escalation")."""
    parts: list[object] = [rule.name, kind, event.event_id]
    if kind == "escalation":
        parts.append(event.revision)
    summary = event.summary or describe_event(event)
    if kind == "escalation":
        summary = f"Toll rose from {previous_fatalities or 0} to {event.fatalities or 0}. {summary}"
    return Alert(
        alert_id=stable_id("alert", *parts),
        rule=rule.name,
        kind=kind,
        event_id=event.event_id,
        fatalities=event.fatalities,
        summary=summary,
        sub_event_type=event.sub_event_type,
        admin1=event.location.admin1 if event.location else "",
        location=event.location,
        sources=list(event.sources),
        urls=list(event.urls),
        kibana_url=kibana.discover_url(
            links.base_url,
            kibana.event_query([event.event_id]),
            event.event_date,
            event.event_date_end,
            links.data_view,
        ),
        notify=list(rule.notify),
        fired_at=now,
    )


def surge_alert(rule: Rule, decision: SurgeDecision, now: datetime, links: KibanaLinks) -> Alert:
    """The alert a surge rule fires on the events of one window."""
    members = decision.members
    dates = sorted(m["date"] for m in members.values())
    admin1s = sorted({m["admin1"] for m in members.values() if m["admin1"]})
    tolls = [m["fatalities"] for m in members.values() if m["fatalities"] is not None]
    sub_types = sorted({m["sub_event_type"] for m in members.values()})
    area = admin1s[0] if len(admin1s) == 1 else ", ".join(admin1s) or "several places"
    span = dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"
    summary = f"{len(members)} events matching {rule.name} in {area} ({span}): {', '.join(sub_types)}" + (
        f"; {sum(tolls)} killed in all." if tolls else "."
    )
    query = (
        kibana.area_query(admin1s[0]) if len(admin1s) == 1 else kibana.event_query(list(decision.event_ids))
    )
    sources: list[str] = []
    urls: list[str] = []
    for event_id in decision.event_ids:
        sources += [s for s in members[event_id]["sources"] if s not in sources]
        urls += [u for u in members[event_id]["urls"] if u not in urls]
    return Alert(
        alert_id=stable_id("alert", rule.name, "surge", *sorted(decision.event_ids)),
        rule=rule.name,
        kind="surge",
        event_ids=list(decision.event_ids),
        fatalities=sum(tolls) if tolls else None,
        summary=summary,
        sub_event_type=sub_types[0] if len(sub_types) == 1 else "",
        admin1=admin1s[0] if len(admin1s) == 1 else "",
        sources=sources,
        urls=urls,
        kibana_url=kibana.discover_url(
            links.base_url,
            query,
            date.fromisoformat(dates[0]),
            date.fromisoformat(dates[-1]),
            links.data_view,
        ),
        notify=list(rule.notify),
        fired_at=now,
    )


def describe_event(event: Event) -> str:
    """A one-sentence summary for an event that came without one."""
    where = ""
    if event.location:
        where = f" in {event.location.name}" + (
            f" ({event.location.admin1})"
            if event.location.admin1 and event.location.admin1 != event.location.name
            else ""
        )
    who = " vs ".join(actor_names(event)[:2])
    toll = f", {event.fatalities} killed" if event.fatalities is not None else ""
    return (
        f"{event.sub_event_type}{where} on {event.event_date.isoformat()}"
        + (f": {who}" if who else "")
        + toll
        + "."
    )


# --- the engine -------------------------------------------------------------------------------------


class AlertEngine:
    """Evaluates rules on each canonical event, keeping what it alerted on in ``store``.

    The same engine serves the stream (store: a Faust table), ``sitrep alerts test`` and
    ``backtest`` (store: a dict), so what the CLI shows is what the stream would send.
    """

    def __init__(
        self,
        rules: RuleSet | Sequence[Rule],
        store: StateStore | None = None,
        silences: SilenceSource | Sequence[Silence] | None = None,
        kibana_links: KibanaLinks | None = None,
    ) -> None:
        self.rules = tuple(rules)
        self.store: StateStore = {} if store is None else store
        if silences is None or isinstance(silences, list | tuple):
            silences = StaticSilences(tuple(silences or ()))
        self.silences: SilenceSource = silences  # type: ignore[assignment]
        self.kibana_links = kibana_links or KibanaLinks()

    def evaluate(self, event: Event, now: datetime) -> list[Alert]:
        """The alerts to send for this event revision (silenced ones left out)."""
        return [d.alert for d in self.decide(event, now) if d.silenced_by is None]

    def decide(self, event: Event, now: datetime) -> list[Decision]:
        """Every alert the rules fire on this event revision, with the silence holding each back."""
        event_key = f"event:{event.event_id}"
        state: dict[str, Any] = self.store.get(event_key) or {}
        if state and event.revision <= int(state.get("revision", 0)):
            return []  # a replay, or an older revision arriving late
        active: Sequence[Silence] | None = None
        decisions: list[Decision] = []
        alerted: dict[str, Any] = dict(state.get("rules") or {})
        for rule in self.rules:
            alert: Alert | None = None
            if rule.is_surge:
                surge_key = f"surge:{rule.name}"
                before_state = self.store.get(surge_key)
                outcome = decide_surge(rule, before_state, event)
                if outcome.state != before_state:  # each write is a changelog message in Faust
                    self.store[surge_key] = outcome.state
                if outcome.event_ids:
                    alert = surge_alert(rule, outcome, now, self.kibana_links)
            else:
                before = alerted.get(rule.name)
                kind = decide_single(rule, before, event)
                if kind is not None:
                    previous = before.get("fatalities") if before else None
                    alert = event_alert(rule, kind, event, now, self.kibana_links, previous)
            if alert is None:
                continue
            if active is None:
                active = self.silences.active(now)
            silence = silenced_by(active, alert, now)
            if not rule.is_surge:
                alerted[rule.name] = {
                    "revision": event.revision,
                    "fatalities": event.fatalities,
                    "silenced": silence is not None,
                }
            decisions.append(Decision(alert, silence))
        if alerted:
            self.store[event_key] = {"revision": event.revision, "rules": alerted}
        return decisions
