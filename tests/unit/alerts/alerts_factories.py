"""Helpers of the alerting tests: an Event factory, the example rules, a fixed clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sitrep.records import SUB_EVENT_TYPES, Actor, Event, Location

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[3]

EventFactory = Callable[..., Event]


def make_event(
    event_id: str = "ev-1",
    revision: int = 1,
    sub_event_type: str = "Armed clash",
    event_date: date = date(2026, 11, 20),
    admin1: str = "Deir ez-Zor",
    place: str = "Al-Mayadin",
    lat: float | None = 35.0196,
    lon: float | None = 40.4517,
    fatalities: int | None = 6,
    actors: tuple[str, ...] = ("Islamic State", "Military Forces of Syria"),
    confidence: float = 0.8,
    **extra: Any,
) -> Event:
    """A canonical event with sensible defaults (a deadly IS clash in Deir ez-Zor)."""
    fields: dict[str, Any] = dict(
        event_id=event_id,
        revision=revision,
        event_type=SUB_EVENT_TYPES[sub_event_type],
        sub_event_type=sub_event_type,
        event_date=event_date,
        actor1=actors[0] if actors else "",
        actor2=actors[1] if len(actors) > 1 else "",
        actors=[Actor(name=a, role="actor1" if i == 0 else "actor2") for i, a in enumerate(actors)],
        fatalities=fatalities,
        location=Location(name=place, admin1=admin1, country="Syria", lat=lat, lon=lon),
        sources=["SOHR"],
        urls=[f"https://www.syriahr.com/en/{event_id}/"],
        confidence=confidence,
        summary=f"{sub_event_type} in {place}.",
        updated_at=datetime(2026, 11, 20, 12, tzinfo=UTC),
    )
    fields.update(extra)
    return Event(**fields)


NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
