"""ACLED notes (English battles) as an extraction test: the first event against the coded row.

Dev split: 2017-2018; test split: 2019. Figures: sub-event type accuracy, fatalities exact
(no number and "none reported" both count as ACLED's 0), place within 25 km, event date, actor F1
(actor1/actor2 sets, label names mapped to our canonical names). The rows are evaluation data:
they are read here, never shipped and never used to build rules or the gazetteer.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from processors.evaluation.scoring import canonical_label_actor, f1, km_between
from processors.extract import extract_events
from processors.extract.errors import EvaluationDataMissing
from sitrep.records import Report

ACLED_FILE = Path("data") / "acled_syria.csv"
# Notes carry no publication time; a fixed fetch time keeps runs deterministic.
FETCHED_AT = datetime(2020, 1, 1, tzinfo=UTC)
PLACE_KM = 25.0
# Whether a note states its day ("On 5 May 2019", "May 5"): without it, and with no publication time,
# no date can be resolved, so the date figure is also given over the notes that state one.
_STATED_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b|\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+\d{1,2}\b"
)


def load_rows(shared: Path) -> list[dict[str, str]]:
    """The ACLED rows (raises EvaluationDataMissing when the file is absent)."""
    path = shared / ACLED_FILE
    if not path.exists():
        raise EvaluationDataMissing(str(path))
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def report_for(row: dict[str, str]) -> Report:
    """The note of a row as a report (English, no title, no publication time)."""
    return Report(
        report_id=f"acled-{row['event_id_cnty']}",
        text=row["notes"],
        language="en",
        source="ACLED",
        fetched_at=FETCHED_AT,
    )


def score_row(row: dict[str, str]) -> dict[str, Any]:
    """Per-row outcome of the first extracted event against the row."""
    events = extract_events(report_for(row))
    first = events[0] if events else None
    gold_date = datetime.strptime(row["event_date"], "%d %B %Y").date()
    gold_fatalities = int(row["fatalities"] or 0)
    gold_actors = {canonical_label_actor(row["actor1"]), canonical_label_actor(row["actor2"])} - {""}
    outcome: dict[str, Any] = {
        "id": row["event_id_cnty"], "events": len(events), "date_stated": bool(_STATED_DATE.search(row["notes"]))
    }
    if first is None:
        outcome.update(
            sub_event=False,
            fatalities=gold_fatalities == 0,
            place=False,
            date=False,
            actors=0.0,
            predicted_sub_event="",
        )
        return outcome
    place_ok = False
    if first.location is not None and first.location.lat is not None and row["latitude"]:
        place_ok = (
            km_between(
                first.location.lat, first.location.lon or 0.0, float(row["latitude"]), float(row["longitude"])
            )
            <= PLACE_KM
        )
    predicted_actors = {first.actor1, first.actor2} - {""}
    end = first.event_date_end or first.event_date
    outcome.update(
        sub_event=first.sub_event_type == row["sub_event_type"],
        predicted_sub_event=first.sub_event_type,
        fatalities=(first.fatalities or 0) == gold_fatalities,
        place=place_ok,
        date=first.event_date <= gold_date <= end,
        actors=f1(predicted_actors, gold_actors),
    )
    return outcome


def summarize(outcomes: list[dict[str, Any]]) -> dict[str, Any]:
    """Mean of each figure over the rows."""
    n = len(outcomes) or 1
    stated = [o for o in outcomes if o["date_stated"]]
    return {
        "rows": len(outcomes),
        "sub_event": sum(o["sub_event"] for o in outcomes) / n,
        "fatalities": sum(o["fatalities"] for o in outcomes) / n,
        "place_25km": sum(o["place"] for o in outcomes) / n,
        "date": sum(o["date"] for o in outcomes) / n,
        "date_stated_share": len(stated) / n,
        "date_where_stated": sum(o["date"] for o in stated) / (len(stated) or 1),
        "actor_f1": sum(o["actors"] for o in outcomes) / n,
        "no_event": sum(o["events"] == 0 for o in outcomes) / n,
    }


def evaluate(shared: Path, limit: int | None = None) -> dict[str, dict[str, Any]]:
    """Figures for the dev (2017-2018) and test (2019) splits."""
    rows = load_rows(shared)
    splits = {
        "dev": [r for r in rows if r["year"] in ("2017", "2018")],
        "test": [r for r in rows if r["year"] == "2019"],
    }
    results = {}
    for name, split in splits.items():
        chosen = split[:limit] if limit else split
        results[name] = summarize([score_row(r) for r in chosen])
    return results


def confusion(shared: Path, years: tuple[str, ...] = ("2017", "2018")) -> Counter[tuple[str, str]]:
    """(gold, predicted) sub-event counts, for development."""
    counts: Counter[tuple[str, str]] = Counter()
    for row in load_rows(shared):
        if row["year"] in years:
            counts[(row["sub_event_type"], score_row(row)["predicted_sub_event"])] += 1
    return counts
