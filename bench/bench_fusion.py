"""Fusion throughput and state size: reports/s through deduplication + fusion with a window holding
100k reports, and the state's bytes per report (JSON, as a changelog would hold it).

Synthetic, generated here (no third-party text): reports from templates over invented places,
half of them further reports of an earlier event by another outlet, one in ten a copy of an
earlier story. Extraction is not timed: events are built beside the reports.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from itertools import islice
from typing import Any

from processors.fusion import EventFuser, FusionSettings, ReportDeduper, state_bytes
from sitrep.records import SUB_EVENT_TYPES, Actor, Event, Location, Report

ADMIN1 = ["Aleppo", "Idleb", "Hama", "Homs", "Deir ez-Zor", "Ar-Raqqa", "Al-Hasakeh", "Rif Dimashq",
          "Damascus", "Dar'a", "Lattakia", "Tartous", "As-Sweida", "Quneitra"]
SUBS = ["Air/drone strike", "Shelling/artillery/missile attack", "Armed clash",
        "Remote explosive/landmine/IED", "Attack", "Abduction/forced disappearance"]
ACTORS = ["Military Forces of Syria", "Military Forces of Russia", "Islamic State",
          "Syrian Democratic Forces", "Hayat Tahrir al-Sham", "Opposition Rebels",
          "Military Forces of Turkey", "Unidentified Armed Group"]
OUTLETS = [f"outlet-{i}" for i in range(40)]
WORDS = ("town village strike shelling clash fighters civilians killed wounded monitor said local sources "
         "reported morning evening countryside province near outskirts market road checkpoint convoy "
         "positions attack bombardment drone artillery rockets mortar bomb vehicle base houses").split()


def _places(rng: random.Random, count: int) -> list[Location]:
    return [
        Location(name=f"Place {i}", admin1=rng.choice(ADMIN1), admin2=f"District {i // 8}", country="Syria",
                 lat=rng.uniform(32.5, 37.0), lon=rng.uniform(36.0, 41.5), geo_precision=1,
                 gazetteer_id=f"bench:{i}")
        for i in range(count)
    ]


def _text(rng: random.Random, place: Location, killed: int) -> str:
    words = [rng.choice(WORDS) for _ in range(60)]
    return f"{killed} killed in {place.name}, {place.admin1}. " + " ".join(words)


def stream(count: int, days: int, seed: int = 7) -> Iterator[tuple[Report, Event, datetime]]:
    """``count`` (report, event, now) triples spread evenly over ``days`` days."""
    rng = random.Random(seed)
    places = _places(rng, 600)
    start = datetime(2026, 11, 1, tzinfo=UTC)
    earlier: list[tuple[Event, str]] = []
    for i in range(count):
        now = start + timedelta(seconds=days * 86400 * i / count)
        outlet = rng.choice(OUTLETS)
        if earlier and rng.random() < 0.5:  # another outlet's report of a recent event
            base, text = earlier[-rng.randrange(1, min(len(earlier), 2000) + 1)]
            if rng.random() < 0.2:  # a copy of that story
                text = text + " " + rng.choice(WORDS)
            else:
                text = _text(rng, base.location, base.fatalities or 0)  # type: ignore[arg-type]
            sub, place, day, actor = base.sub_event_type, base.location, base.event_date, base.actor1
            killed = base.fatalities if rng.random() < 0.7 else (base.fatalities or 0) + rng.randrange(1, 4)
        else:
            sub, place, day = rng.choice(SUBS), rng.choice(places), now.date()
            actor, killed = rng.choice(ACTORS), rng.randrange(0, 20)
            text = _text(rng, place, killed)  # type: ignore[arg-type]
        report = Report(report_id=f"r{i}", source=outlet, text=text, language="en", published_at=now,
                        fetched_at=now)
        event = _event(f"e{i}", report, sub, place, day, actor, killed)  # type: ignore[arg-type]
        earlier.append((event, text))
        if len(earlier) > 4000:
            del earlier[:2000]
        yield report, event, now


def _event(event_id: str, report: Report, sub: str, place: Location, day: date, actor: str,
           killed: int | None) -> Event:
    return Event(event_id=event_id, event_type=SUB_EVENT_TYPES[sub], sub_event_type=sub,  # type: ignore[arg-type]
                 event_date=day, actor1=actor, actor2="Civilians", actors=[Actor(name=actor, role="actor1")],
                 fatalities=killed, location=place, report_ids=[report.report_id], sources=[report.source],
                 published_at=report.published_at, updated_at=report.published_at or report.fetched_at)


def run(quick: bool) -> Iterator[dict[str, Any]]:
    window_reports = 10_000 if quick else 100_000
    measured = 2_000 if quick else 5_000
    settings = FusionSettings(window_days=7)
    store: dict[str, Any] = {}
    deduper, fuser = ReportDeduper(settings, store), EventFuser(settings, store)
    items = stream(window_reports + measured, days=6)
    for report, event, now in islice(items, window_reports):  # fill the window (nothing evicted yet)
        deduper.check(report, now)
        fuser.fuse(event, now)
    size = state_bytes(store)
    timed = list(items)  # built before the clock starts
    started = time.perf_counter()
    for report, event, now in timed:
        deduper.check(report, now)
        fuser.fuse(event, now)
    elapsed = time.perf_counter() - started
    yield {"metric": "fusion_reports_per_s", "value": round(measured / elapsed, 1), "unit": "reports/s",
           "window_reports": window_reports}
    yield {"metric": "fusion_state_bytes_per_report", "value": round(size / window_reports, 1),
           "unit": "bytes/report", "window_reports": window_reports}
