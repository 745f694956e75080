"""Arabic "منذ" + a duration: a period that began then and runs up to the report, unlike "قبل" (ago).
All sentences here are written for these tests (no third-party text)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from processors.extract.dates import find_dates

PUBLISHED = datetime(2026, 3, 12, 11, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("تقصف قوات النظام منذ أسبوع بلدات الريف الشرقي", date(2026, 3, 5), date(2026, 3, 12)),
        ("تقصف قوات النظام منذ أسبوعين بلدات الريف الشرقي", date(2026, 2, 26), date(2026, 3, 12)),
        ("تقصف قوات النظام منذ ثلاثة أيام بلدات الريف الشرقي", date(2026, 3, 9), date(2026, 3, 12)),
    ],
)
def test_since_a_duration_runs_up_to_the_report(text: str, first: date, last: date) -> None:
    found = find_dates(text, "ar", PUBLISHED)
    assert found and (found[0].date, found[0].end_date) == (first, last)


def test_a_week_ago_is_that_week() -> None:
    found = find_dates("قصفت قوات النظام قبل أسبوع بلدة الحراك", "ar", PUBLISHED)
    assert found and found[0].end_date == date(2026, 3, 5)
