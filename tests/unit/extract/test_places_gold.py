"""Places and dates of the gold SOHR report (../shared/gold), read at test time, never copied."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from processors.extract.dates import find_dates
from processors.extract.gazetteer import distance_km
from processors.extract.places import PlaceMention, find_places
from sitrep.textnorm import clean_text

GOLD = Path(__file__).resolve().parents[3].parent / "shared" / "gold"


def _gold() -> tuple[dict[str, Any], str]:
    labels = GOLD / "sohr-2017-10-10.gold.json"
    if not labels.exists():
        pytest.skip(f"gold report not available: {labels} (third-party data lives in ../shared)")
    gold = json.loads(labels.read_text(encoding="utf-8"))
    text = clean_text((GOLD / gold["text_file"]).read_text(encoding="utf-8"))
    return gold, text


def _distance(mention: PlaceMention, lat: float, lon: float) -> float:
    assert mention.location.lat is not None and mention.location.lon is not None
    return distance_km(mention.location.lat, mention.location.lon, lat, lon)


def test_gold_places_with_coordinates_are_found_within_a_few_km() -> None:
    gold, text = _gold()
    mentions = find_places(text, gold["language"])
    checked = 0
    for place in gold["locations"]:
        if "lat" not in place:
            continue
        # A name the gazetteer knows on its own (not a pronoun form like "its airport").
        if not find_places(clean_text(place["ar"]), "ar"):
            continue
        checked += 1
        named = [m for m in mentions if clean_text(place["ar"]).removeprefix("مدينة ") in m.surface]
        assert named, f"{place['name']} not found"
        best = min(_distance(m, place["lat"], place["lon"]) for m in named)
        # The town itself within 5 km; a region around it ("بادية السخنة") within 25 km.
        limit = 5.0 if any(m.location.geo_precision == 1 for m in named) else 25.0
        assert best <= limit, f"{place['name']} resolved {best:.1f} km away"
    assert checked >= 4


def test_gold_villages_and_governorates() -> None:
    gold, text = _gold()
    mentions = find_places(text, gold["language"])
    surfaces = " | ".join(m.surface for m in mentions)
    for place in gold["locations"]:
        if place["level"] == "village":
            assert place["ar"] in surfaces, place["name"]
            found = next(m for m in mentions if place["ar"] in m.surface)
            assert found.location.admin1 == "Deir ez-Zor"
    admin1 = {m.location.admin1 for m in mentions if m.kind == "admin1"}
    assert admin1 >= {"Homs", "Deir ez-Zor"}


def test_gold_dates() -> None:
    gold, text = _gold()
    published = datetime.fromisoformat(gold["published"])
    found = find_dates(text, gold["language"], published)
    days = {(m.date, m.end_date) for m in found}
    assert (date(2017, 10, 9), date(2017, 10, 10)) in days  # the past 24 hours
    assert (date(2017, 10, 6), None) in days and (date(2017, 10, 8), None) in days
