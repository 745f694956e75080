"""Event-level fusion set from ACLED rows that cite several sources (``../shared/data/acled_syria.csv``).

Every row is one true event (gold cluster = ``event_id_cnty``). A row citing *k* sources becomes *k*
extracted events, one per source, the later ones degraded the way a second outlet's report of the
same event usually is (deterministically, seeded by the row id and source): reported with the next
day's date, placed only at district level, one side unnamed, no toll. Rows citing one source are
the near misses: the other events of the same days and districts, which must stay apart.
Nothing of ACLED's text is used or copied; rows are read at evaluation time.

What the set measures, and what it does not (read before tuning on it):

- A true pair is two sources of one ACLED row; any two rows are a false pair, even the same day,
  the same sides and a few hundred metres apart (ACLED codes each village, city quarter, and a
  province-level report as its own event). Rows with a *twin* (:func:`undecidable_rows`) are left
  out: no rule could tell them apart.
- A later source keeps the row's exact place or falls back to its district; it never names a
  neighbouring village or quarter for the same event, as real outlets sometimes do. Tighter
  distance thresholds therefore cost no recall here: judge them on the report-level sets too.
- The district fallback is named "<admin2> district" (no coordinates, no gazetteer id). Until
  2026-11-25 it carried the bare admin2 name, which is also the name of the district's chief town
  ("Duma", "Afrin"), so the variant read as *that town* and met the town's events by name. A
  district variant is still ambiguous when its district holds several events that day with the
  same sides; some of the remaining errors are of that kind.
- Scores are given over all rows and per split (``dev``: 2017-2018, ``test``: 2019); tune on dev.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from processors.fusion.matching import actor_bloc
from sitrep.ids import stable_id
from sitrep.records import SUB_EVENT_TYPES, Actor, ActorRole, Event, Location


@dataclass(frozen=True)
class LabelledEvent:
    """An extracted event with the id of the true event it reports and that event's toll."""

    event: Event
    cluster: str
    true_fatalities: int | None
    year: str = ""


def _actor(name: str) -> str:
    # ACLED's year suffixes, "(Syria)", "(2000-)" are dropped by matching's own folding as well.
    return name.strip()


def events_from_row(row: dict[str, str]) -> Iterator[LabelledEvent]:
    """One labelled extracted event per source the row cites."""
    day = datetime.strptime(row["event_date"], "%d %B %Y").date()
    sources = [s.strip() for s in row["source"].split(";") if s.strip()] or ["ACLED"]
    precise = Location(
        name=row["location"], admin1=row["admin1"], admin2=row["admin2"], country=row["country"],
        lat=float(row["latitude"]), lon=float(row["longitude"]), geo_precision=int(row["geo_precision"]),
    )
    truth = int(row["fatalities"]) if row["fatalities"] else None
    for position, source in enumerate(sources):
        rng = random.Random(stable_id("acled-variant", row["event_id_cnty"], source))
        event_day = day
        location = precise
        actor1, actor2 = _actor(row["actor1"]), _actor(row["actor2"])
        fatalities = truth
        if position > 0:
            if rng.random() < 0.2:
                event_day = day + timedelta(days=1)
            if rng.random() < 0.2 and row["admin2"]:
                location = Location(name=f"{row['admin2']} district", admin1=row["admin1"],
                                    admin2=row["admin2"], country=row["country"], geo_precision=2)
            if rng.random() < 0.3:
                actor2 = ""
            if rng.random() < 0.5:
                actor1, actor2 = actor2, actor1
            if rng.random() < 0.3:
                fatalities = None
        named: list[tuple[str, ActorRole]] = [(actor1, "actor1"), (actor2, "actor2")]
        named += [(a.strip(), "assoc_actor1") for a in row["assoc_actor_1"].split(";")]
        named += [(a.strip(), "assoc_actor2") for a in row["assoc_actor_2"].split(";")]
        actors = [Actor(name=name, role=role) for name, role in named if name]
        report_id = stable_id("acled-report", row["event_id_cnty"], source)
        published = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(
            hours=8 + 4 * position
        )
        yield LabelledEvent(
            Event(
                event_id=stable_id("acled-event", row["event_id_cnty"], source),
                event_type=SUB_EVENT_TYPES[row["sub_event_type"]],  # type: ignore[arg-type]
                sub_event_type=row["sub_event_type"],
                event_date=event_day,
                actor1=actor1,
                actor2=actor2,
                actors=actors,
                fatalities=fatalities,
                fatalities_qualifier="exact" if fatalities is not None else None,
                location=location,
                report_ids=[report_id],
                sources=[source],
                published_at=published,
                updated_at=published,
            ),
            row["event_id_cnty"],
            truth,
            row.get("year", ""),
        )


def _twin_key(row: dict[str, str]) -> tuple[str, frozenset[str]]:
    return row["location"], frozenset(actor_bloc(row[k]) for k in ("actor1", "actor2"))


def undecidable_rows(rows: list[dict[str, str]]) -> set[str]:
    """Rows with a *twin*: another row at the same place, with the same pair of sides, one day
    apart at most. The issue's own rule (±1 day) makes them one event; ACLED codes a front's daily
    fighting as one event a day. They are left out of the set (and counted in its report)."""
    by_key: dict[tuple[str, frozenset[str]], list[tuple[date, str]]] = {}
    for row in rows:
        day = datetime.strptime(row["event_date"], "%d %B %Y").date()
        by_key.setdefault(_twin_key(row), []).append((day, row["event_id_cnty"]))
    twins: set[str] = set()
    for days in by_key.values():
        days.sort()
        for (day_a, id_a), (day_b, id_b) in zip(days, days[1:], strict=False):
            if (day_b - day_a).days <= 1:
                twins.update((id_a, id_b))
    return twins


def load_rows(path: Path, limit: int | None = None) -> list[dict[str, str]]:
    """Rows of the ACLED file (the first ``limit``)."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return rows if limit is None else rows[:limit]


def load_labelled_events(
    path: Path, limit: int | None = None, *, keep_twins: bool = False
) -> list[LabelledEvent]:
    """Labelled extracted events of the ACLED file, in publication order (without twin rows
    unless ``keep_twins``)."""
    rows = load_rows(path, limit)
    if not keep_twins:
        twins = undecidable_rows(rows)
        rows = [row for row in rows if row["event_id_cnty"] not in twins]
    events = [labelled for row in rows for labelled in events_from_row(row)]
    return sorted(events, key=lambda le: (le.event.published_at, le.event.event_id))

