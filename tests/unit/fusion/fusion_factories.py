"""Helpers of the fusion tests: Event and Report factories with realistic Syrian places."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sitrep.ids import stable_id
from sitrep.records import SUB_EVENT_TYPES, Actor, Event, Evidence, Location, Report

# A few places (GeoNames coordinates), by key.
PLACES: dict[str, dict[str, Any]] = {
    "mayadin": {"name": "Al Mayadin", "name_ar": "الميادين", "admin1": "Deir ez-Zor", "admin2": "Al Mayadin",
                "lat": 35.0196, "lon": 40.4517, "gazetteer_id": "170794"},
    "deir": {"name": "Deir ez-Zor", "name_ar": "دير الزور", "admin1": "Deir ez-Zor", "admin2": "Deir ez-Zor",
             "lat": 35.3359, "lon": 40.1408, "gazetteer_id": "170063"},
    "hajin": {"name": "Hajin", "name_ar": "هجين", "admin1": "Deir ez-Zor", "admin2": "Abu Kamal",
              "lat": 34.6939, "lon": 40.8314, "gazetteer_id": "171111"},
    "ariha": {"name": "Ariha", "name_ar": "أريحا", "admin1": "Idleb", "admin2": "Ariha",
              "lat": 35.8134, "lon": 36.6105, "gazetteer_id": "173480"},
    "maarrat": {"name": "Maarrat al-Nu'man", "name_ar": "معرة النعمان", "admin1": "Idleb",
                "admin2": "Al Ma'ra", "lat": 35.6440, "lon": 36.6701, "gazetteer_id": "166365"},
    "douma": {"name": "Douma", "name_ar": "دوما", "admin1": "Rif Dimashq", "admin2": "Duma",
              "lat": 33.5719, "lon": 36.4050, "gazetteer_id": "170654"},
}
BASE_DAY = date(2026, 11, 20)


def place(key: str, precision: int = 1, **changes: Any) -> Location:
    """A Location for one of PLACES (``precision`` 2 drops the town, keeps admin2 and coordinates)."""
    values = {**PLACES[key], "country": "Syria", "geo_precision": precision, **changes}
    return Location(**values)


def at(day: date, hour: int = 12) -> datetime:
    """A UTC instant on ``day``."""
    return datetime.combine(day, time(hour), tzinfo=UTC)


def make_event(
    report_id: str,
    *,
    index: int = 0,
    sub_event_type: str = "Air/drone strike",
    event_date: date = BASE_DAY,
    event_date_end: date | None = None,
    location: Location | None = None,
    actor1: str = "Military Forces of Syria",
    actor2: str = "Civilians",
    fatalities: int | None = 5,
    source: str = "SOHR",
    language: str = "ar",
    published_hours: float = 6.0,
    toll_text: str = "",
    **extra: Any,
) -> Event:
    """An extracted event as extraction would emit it: one report, one source, one figure."""
    published = at(event_date) + timedelta(hours=published_hours)
    evidence = [Evidence(start=0, end=len(toll_text), text=toll_text, field="fatalities")]
    evidence = evidence if toll_text else []
    return Event(
        event_id=stable_id("event", report_id, index),
        event_type=SUB_EVENT_TYPES[sub_event_type],  # type: ignore[arg-type]
        sub_event_type=sub_event_type,
        event_date=event_date,
        event_date_end=event_date_end,
        actor1=actor1,
        actor2=actor2,
        actors=[Actor(name=actor1, role="actor1")] + ([Actor(name=actor2, role="actor2")] if actor2 else []),
        fatalities=fatalities,
        fatalities_qualifier="exact" if fatalities is not None else None,
        location=location if location is not None else place("mayadin"),
        report_ids=[report_id],
        sources=[source],
        language=language,
        evidence=evidence,
        summary=toll_text,
        published_at=published,
        updated_at=published,
        **extra,
    )


def make_report(report_id: str, text: str, *, source: str = "", published: datetime | None = None,
                language: str = "", title: str = "", revision: int = 1) -> Report:
    """A Report with a fixed fetch time (so nothing depends on the wall clock)."""
    when = published or at(BASE_DAY)
    return Report(report_id=report_id, title=title, text=text, source=source, language=language,
                  published_at=when, fetched_at=when, revision=revision)
