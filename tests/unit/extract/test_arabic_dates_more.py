"""Arabic date phrases: ordinal days, the start of the week, nights named by two weekdays, "since
this morning". All sentences here are written for these tests (no third-party text)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from processors.extract import extract_events
from processors.extract.dates import find_dates
from sitrep.records import Report

PUBLISHED = datetime(2026, 3, 12, 11, 0, tzinfo=UTC)  # a Thursday


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("قتل ثلاثة مدنيين في السابع من آذار في قصف على البلدة", date(2026, 3, 7), None),
        ("قتل ثلاثة مدنيين في الحادي والعشرين من شباط الماضي", date(2026, 2, 21), None),
        ("قتل ثلاثة مدنيين في العاشر من الشهر الجاري", date(2026, 3, 10), None),
        ("قتل ثلاثة مدنيين في الثاني عشر من الشهر الماضي", date(2026, 2, 12), None),
        ("قتل ثلاثة مدنيين مطلع الأسبوع", date(2026, 3, 7), date(2026, 3, 10)),
        ("قتل ثلاثة مدنيين ليل الاثنين الثلاثاء", date(2026, 3, 9), date(2026, 3, 10)),
    ],
)
def test_arabic_date_phrases(text: str, first: date, last: date | None) -> None:
    found = find_dates(text, "ar", PUBLISHED)
    assert found and found[0].date == first
    assert (found[0].end_date if found[0].end_date != found[0].date else None) == last


def test_a_toll_since_this_morning_is_todays_event() -> None:
    text = "قتل 3 مدنيين منذ صباح اليوم في قصف على بلدة سراقب."
    events = extract_events(Report(report_id="d1", title="", text=text, language="ar", published_at=PUBLISHED,
                                   fetched_at=PUBLISHED))
    assert events and events[0].fatalities == 3 and events[0].event_date == date(2026, 3, 12)
