"""Which place an event gets: road names and governorate countrysides rank below named places (our sentences)."""

from __future__ import annotations

from datetime import UTC, datetime

from processors.extract import extract_events
from sitrep.records import Report


def _place(text: str) -> str:
    report = Report(report_id="t", text=text, language="en", source="test",
                    fetched_at=datetime(2020, 1, 1, tzinfo=UTC))
    events = extract_events(report)
    assert events
    return events[0].location.name if events[0].location else ""


def test_towns_that_name_a_road_are_not_the_scene() -> None:
    assert _place("Rebels clashed with regime forces near the Homs-Damascus highway close to Duma city.") == "Duma"
    assert _place("Gunmen opened fire on an army truck on the Aleppo-Damascus highway near Saraqeb.") == "Saraqab"


def test_road_town_still_beats_nothing() -> None:
    # With no other place, a town on the road is still where the event is coded.
    assert _place("Regime forces clashed with IS fighters on the Palmyra-Sukhna road.") in ("Tadmur", "Al Sukhnah")


def test_named_area_before_governorate_countryside() -> None:
    text = "IS fighters attacked army positions in Ashara desert in the Deir ez-Zor countryside, sparking clashes."
    assert _place(text) == "Al Asharah"
