"""The hand-labelled SOHR report (``../shared/gold/sohr-2017-10-10.*``) as a smoke test.

Figures: how many of the gold events are found (same sub-event type, same actor pair in either
order, same place when the gold names one), whether the two casualty figures are right (46 at
least; about 40 at al-Mayadin), no double count (the title's restated figure is not added and the
report's total is 46 + 40), the main event, and precision of places and actors.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from processors.evaluation.scoring import canonical_label_actor, same_place
from processors.extract import extract_events
from processors.extract.errors import EvaluationDataMissing
from sitrep.records import Event, Report

GOLD_DIR = Path("gold")
GOLD_ID = "sohr-2017-10-10"
_QUALIFIERS = {"at least": "at_least", "about": "about", "more than": "more_than", "exact": "exact"}


def load(shared: Path) -> tuple[Report, dict[str, Any]]:
    """The gold report and its labels."""
    labels_path = shared / GOLD_DIR / f"{GOLD_ID}.gold.json"
    if not labels_path.exists():
        raise EvaluationDataMissing(str(labels_path))
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    text_path = shared / GOLD_DIR / labels["text_file"]
    if not text_path.exists():
        raise EvaluationDataMissing(str(text_path))
    title, _, body = text_path.read_text(encoding="utf-8").partition("\n")
    report = Report(
        report_id=GOLD_ID,
        title=title.strip(),
        text=body.strip(),
        language=labels["language"],
        source=labels.get("source", ""),
        published_at=datetime.fromisoformat(labels["published"]),
        fetched_at=datetime.fromisoformat(labels["published"]),
    )
    return report, labels


def _matches(event: Event, gold: dict[str, Any]) -> bool:
    if event.sub_event_type != gold["sub_event_type"]:
        return False
    pair = {canonical_label_actor(gold["actor1"]), canonical_label_actor(gold["actor2"])} - {""}
    if {event.actor1, event.actor2} - {""} != pair:
        return False
    if gold.get("location"):
        names = [event.location.name] if event.location else []
        names += [loc.name for loc in event.other_locations]
        if not any(same_place(n, gold["location"]) for n in names):
            return False
    return True


def _dates_overlap(event: Event, gold: dict[str, Any]) -> bool:
    g0, g1 = date.fromisoformat(gold["date_from"]), date.fromisoformat(gold["date_to"])
    e0, e1 = event.event_date, event.event_date_end or event.event_date
    return e0 <= g1 and g0 <= e1


def evaluate(shared: Path) -> dict[str, Any]:
    """Figures of the gold report."""
    report, labels = load(shared)
    events = extract_events(report)
    gold_events = labels["events"]
    found = 0
    dated = 0
    toll_ok = 0
    tolls = [g for g in gold_events if g.get("fatalities")]
    used: set[int] = set()
    for g in gold_events:  # one-to-one: an extracted event matches at most one gold event
        index = next((i for i, e in enumerate(events) if i not in used and _matches(e, g)), None)
        if index is None:
            continue
        used.add(index)
        match = events[index]
        found += 1
        dated += _dates_overlap(match, g)
        if g.get("fatalities"):
            toll_ok += match.fatalities == g["fatalities"] and match.fatalities_qualifier == _QUALIFIERS.get(
                g.get("fatalities_qualifier", "exact")
            )
    total = sum(e.fatalities or 0 for e in events)
    gold_total = sum(g.get("fatalities") or 0 for g in gold_events)
    gold_places = [loc["name"] for loc in labels["locations"]]
    predicted_places = {e.location.name for e in events if e.location} | {
        loc.name for e in events for loc in e.other_locations
    }
    place_hits = sum(any(same_place(p, g) for g in gold_places) for p in predicted_places)
    gold_actors = {canonical_label_actor(a["canonical"]) for a in labels["actors"]}
    predicted_actors = {a.name for e in events for a in e.actors}
    return {
        "events_found": f"{found}/{len(gold_events)}",
        "recall": found / len(gold_events),
        "tolls_right": f"{toll_ok}/{len(tolls)}",
        "total_fatalities": total,
        "gold_total": gold_total,
        "no_double_count": total == gold_total,
        "main_event_ok": bool(events) and _matches(events[0], gold_events[0]),
        "dates_overlap": f"{dated}/{found}",
        "events_out": len(events),
        "place_precision": place_hits / len(predicted_places) if predicted_places else 0.0,
        "actor_recall": len(gold_actors & predicted_actors) / len(gold_actors),
        "source_not_actor": not any(
            "Observatory" in a.name or "SOHR" in a.name for e in events for a in e.actors
        ),
    }
