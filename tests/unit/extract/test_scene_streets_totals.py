"""A street named after a town, and the area a running total covers, are not the scene of the event."""

from __future__ import annotations

from datetime import UTC, datetime

from processors.extract import extract_events
from sitrep.records import Report

PUBLISHED = datetime(2026, 3, 2, 18, tzinfo=UTC)


def _events(text: str, title: str = "") -> list:
    return extract_events(Report(report_id="t", title=title, text=text, published_at=PUBLISHED))


def test_arabic_street_named_after_a_town() -> None:
    events = _events("انفجرت عبوة ناسفة في شارع منبج وسط مدينة الباب بريف حلب الشرقي اليوم، ما أدى لمقتل مدنيين اثنين.")
    assert events and events[0].location is not None and events[0].location.name == "Al Bab"


def test_english_street_named_after_a_town() -> None:
    events = _events("A car bomb exploded on Manbij Street in the centre of al-Bab in Aleppo province on Monday, "
                     "killing two civilians.")
    assert events and events[0].location is not None and events[0].location.name == "Al Bab"


def test_running_total_area_is_not_the_scene() -> None:
    events = _events("قتل خمسة عناصر من قوات النظام في هجوم لخلايا التنظيم قرب مدينة تدمر مساء أمس، ليرتفع إلى 300 "
                     "عدد القتلى في بادية دير الزور منذ مطلع العام.")
    assert events and events[0].location is not None and events[0].location.name == "Tadmur"
