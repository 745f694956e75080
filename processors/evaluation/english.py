"""Our English labels (``english_labels.json``) of FA-KES news articles against the extractor.

The articles are ``../shared/data/fakes_syria_fa-kes.csv`` (English outlets on Syrian-war events:
air strikes, shelling, bombings, attacks on civilians, battles, and pieces that report no event);
the labels are ours, keyed by unit_id, with a ``dev`` split to develop on, a ``holdout`` split never
tuned on, ``holdout2`` (labelled before the rules it measures were written; studied in round 3) and
``holdout3`` (labelled before round 3's rules, never tuned on). Each article's ``date`` column is its
publication date.

Figures per split, as in the Arabic evaluation: conflict detection (accuracy, precision, recall;
ambiguous articles left out), and on conflict articles with a main event: sub-event type of the
first event, fatalities exact, actor F1 (actor1/actor2), place (name or governorate), date (label
day within the event's range ±1 day; labels without a date are not scored), sub-event recall over
all events; and how often a number the label says must not be counted became some event's
fatalities.
"""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from processors.evaluation.scoring import date_ok, f1, place_ok
from processors.extract import extract_events
from processors.extract.errors import EvaluationDataMissing
from sitrep.records import Report

LABELS_FILE = Path(__file__).with_name("english_labels.json")
ARTICLES_FILE = Path("data") / "fakes_syria_fa-kes.csv"
SPLITS = ("dev", "holdout", "holdout2", "holdout3")


def report_for(row: dict[str, str]) -> Report:
    """One FA-KES article as an English report published on its ``date`` (M/D/YYYY, midday UTC)."""
    published = datetime.strptime(row["date"], "%m/%d/%Y").replace(hour=12, tzinfo=UTC)
    return Report(
        report_id=f"fakes-{row['unit_id']}",
        title=row["article_title"],
        text=row["article_content"],
        language="en",
        source=row.get("source", ""),
        published_at=published,
        fetched_at=published,
    )


def load(shared: Path) -> tuple[dict[str, Report], dict[str, dict[str, Any]]]:
    """The labelled articles (as Reports) and their labels."""
    path = shared / ARTICLES_FILE
    if not path.exists():
        raise EvaluationDataMissing(str(path))
    labels = json.loads(LABELS_FILE.read_text(encoding="utf-8"))["reports"]
    reports: dict[str, Report] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["unit_id"] in labels:
                reports[row["unit_id"]] = report_for(row)
    return reports, labels


def score(report: Report, label: dict[str, Any]) -> dict[str, Any]:
    """One article's outcome: which figures its extraction gets right."""
    events = extract_events(report)
    out: dict[str, Any] = {
        "predicted": bool(events),
        "leaked": bool(label["not_fatalities"])
        and any(e.fatalities in label["not_fatalities"] for e in events if e.fatalities),
        "first": events[0] if events else None,
    }
    main = label.get("main")
    if not (label["conflict"] and main):
        return out
    out["sub_recall"] = len({e.sub_event_type for e in events} & set(label["sub_event_types"])) / max(
        1, len(label["sub_event_types"])
    )
    if not events:
        out.update(sub=False, fatalities=False, place=False, date=False if main["date"] else None, actors=0.0)
        return out
    first = events[0]
    gold_actors = {main["actor1"], main["actor2"]} - {""}
    predicted_actors = {first.actor1, first.actor2} - {""}
    if not main["actor1"]:  # the text leaves the attacker unknown: score the named side only
        predicted_actors &= gold_actors | {first.actor2}
    out.update(
        sub=first.sub_event_type == main["sub_event_type"],
        fatalities=(first.fatalities or None) == (main["fatalities"] or None),
        place=place_ok(first, main),
        date=date_ok(first, main) if main["date"] else None,
        actors=f1(predicted_actors, gold_actors),
    )
    return out


def summarize(outcomes: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """Figures over (label, outcome) pairs."""
    tp = fp = fn = tn = 0
    for label, out in outcomes:
        if label.get("ambiguous"):
            continue
        tp += out["predicted"] and label["conflict"]
        fp += out["predicted"] and not label["conflict"]
        fn += (not out["predicted"]) and label["conflict"]
        tn += (not out["predicted"]) and not label["conflict"]
    mains = [out for _, out in outcomes if "sub_recall" in out]
    dated = [out for out in mains if out["date"] is not None]
    guarded = [out for label, out in outcomes if label["not_fatalities"]]
    judged = tp + fp + fn + tn
    n = len(mains)
    return {
        "reports": len(outcomes),
        "conflict_acc": (tp + tn) / judged if judged else 0.0,
        "conflict_p": tp / (tp + fp) if tp + fp else 0.0,
        "conflict_r": tp / (tp + fn) if tp + fn else 0.0,
        "main_events": n,
        "sub_event": sum(o["sub"] for o in mains) / n if n else 0.0,
        "fatalities": sum(o["fatalities"] for o in mains) / n if n else 0.0,
        "actor_f1": sum(o["actors"] for o in mains) / n if n else 0.0,
        "place": sum(o["place"] for o in mains) / n if n else 0.0,
        "date": sum(o["date"] for o in dated) / len(dated) if dated else 0.0,
        "sub_event_recall": sum(o["sub_recall"] for o in mains) / n if n else 0.0,
        "uncounted_ok": 1 - sum(o["leaked"] for o in guarded) / len(guarded) if guarded else 1.0,
    }


def evaluate(shared: Path) -> dict[str, dict[str, Any]]:
    """Figures for the dev, holdout, holdout2 and holdout3 splits."""
    reports, labels = load(shared)
    results = {}
    for split in SPLITS:
        outcomes = [
            (label, score(reports[uid], label))
            for uid, label in sorted(labels.items())
            if label["split"] == split and uid in reports
        ]
        results[split] = summarize(outcomes)
    return results
