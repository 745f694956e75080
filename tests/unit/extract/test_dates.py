"""find_dates / default_event_date on sentences written for these tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from processors.extract.dates import DateMention, default_event_date, find_dates
from sitrep.textnorm import clean_text

# Tuesday 10 October 2017, noon in Damascus.
PUBLISHED = datetime(2017, 10, 10, 12, 0, tzinfo=timezone(timedelta(hours=3)))


def dates(text: str, language: str, published: datetime | None = PUBLISHED) -> list[DateMention]:
    return find_dates(clean_text(text), language, published)


def only(text: str, language: str, published: datetime | None = PUBLISHED) -> DateMention:
    found = dates(text, language, published)
    assert len(found) == 1, found
    return found[0]


def test_default_event_date_is_the_local_publication_day() -> None:
    late = datetime(2017, 10, 10, 23, 30, tzinfo=timezone(timedelta(hours=3)))
    assert default_event_date(late) == date(2017, 10, 10)  # 20:30 UTC, still the 10th locally
    assert default_event_date(None, today=date(2020, 1, 2)) == date(2020, 1, 2)


@pytest.mark.parametrize(
    ("text", "expected", "end"),
    [
        ("قتل مدنيان اليوم في قصف", date(2017, 10, 10), None),
        ("قصفت الطائرات فجر اليوم بلدة", date(2017, 10, 10), None),
        ("وكان المرصد نشر صباح اليوم الثلاثاء تقريراً", date(2017, 10, 10), None),
        ("دارت اشتباكات أمس", date(2017, 10, 9), None),
        ("سقطت قذائف مساء أمس", date(2017, 10, 9), None),
        ("انفجرت عبوة أول أمس", date(2017, 10, 8), None),
        ("هاجم التنظيم يوم السبت مواقع", date(2017, 10, 7), None),
        ("اندلعت معارك يوم الثلاثاء", date(2017, 10, 10), None),
        ("اندلعت معارك الثلاثاء الماضي", date(2017, 10, 3), None),
        ("قتل عنصران قبل يومين", date(2017, 10, 8), None),
    ],
)
def test_arabic_relative_days(text: str, expected: date, end: date | None) -> None:
    mention = only(text, "ar")
    assert (mention.date, mention.end_date, mention.precision) == (expected, end, 1)


def test_arabic_night_spanning_two_days() -> None:
    mention = only("قصف عنيف ليل الأحد / الإثنين على المدينة", "ar")
    assert (mention.date, mention.end_date) == (date(2017, 10, 8), date(2017, 10, 9))
    single = only("قصف ليلة الاثنين", "ar")  # the night before Monday
    assert (single.date, single.end_date) == (date(2017, 10, 8), date(2017, 10, 9))


def test_arabic_past_24_hours_is_a_range_ending_at_publication() -> None:
    mention = only("رصد المرصد خلال الساعات الـ 24 الفائتة اشتباكات", "ar")
    assert (mention.date, mention.end_date, mention.precision) == (date(2017, 10, 9), date(2017, 10, 10), 1)
    assert only("خلال الـ 24 ساعة الماضية", "ar").date == date(2017, 10, 9)


def test_arabic_levantine_and_standard_month_names() -> None:
    mention = only("دخلت القوات المدينة في الـ 6 من تشرين الأول / أكتوبر الجاري", "ar")
    assert mention.date == date(2017, 10, 6) and mention.precision == 1
    assert mention.surface.endswith("الجاري")
    assert only("في 3 شباط", "ar").date == date(2017, 2, 3)
    # No year: the most recent such date not after publication.
    assert only("في 20 كانون الأول", "ar").date == date(2016, 12, 20)
    assert only("في 20 ديسمبر 2015", "ar").date == date(2015, 12, 20)


def test_arabic_day_range_and_same_month() -> None:
    assert (only("بين 6 و 8 أكتوبر", "ar").date, only("بين 6 و 8 أكتوبر", "ar").end_date) == (
        date(2017, 10, 6), date(2017, 10, 8))
    found = dates("دخلتها في الـ 6 من أيلول / سبتمبر من العام 2016 وخرجت في الـ 8 من الشهر ذاته", "ar")
    assert [m.date for m in found] == [date(2016, 9, 6), date(2016, 9, 8)]


def test_ranges_across_months() -> None:
    english = only("Airstrikes between 27 September and 2 October killed dozens.", "en")
    assert (english.date, english.end_date) == (date(2017, 9, 27), date(2017, 10, 2))
    arabic = only("في الفترة بين 28 أيلول و3 تشرين الأول", "ar")
    assert (arabic.date, arabic.end_date) == (date(2017, 9, 28), date(2017, 10, 3))
    # Two dates that are not a range stay two.
    assert len(dates("on 3 October and again on 5 October", "en")) == 2


def test_conjunction_is_outside_the_span() -> None:
    mention = only("قتل مدني وأمس قتل آخر", "ar")
    assert mention.surface == "أمس"


def test_arabic_month_and_week_precision() -> None:
    month = only("خلال شهر آب الماضي", "ar")
    assert (month.date, month.end_date, month.precision) == (date(2017, 8, 1), date(2017, 8, 31), 3)
    week = only("قتل خلال الأسبوع الماضي", "ar")
    assert week.precision == 2 and week.end_date == date(2017, 10, 3)


def test_recent_days_and_weeks_are_week_precision() -> None:
    for text, language in (("خلال الأيام القليلة الماضية", "ar"), ("in recent days", "en")):
        mention = only(text, language)
        assert (mention.date, mention.end_date) == (date(2017, 10, 4), date(2017, 10, 10))
        assert mention.precision == 2
    assert only("قتل قبل أسبوعين", "ar").precision == 2
    night = only("قصف عنيف خلال الليلة الماضية", "ar")
    assert (night.date, night.end_date) == (date(2017, 10, 9), date(2017, 10, 10))


def test_relative_dates_need_a_publication_time() -> None:
    assert dates("دارت اشتباكات أمس", "ar", None) == []
    assert only("On 6 October 2017, clashes", "en", None).date == date(2017, 10, 6)


@pytest.mark.parametrize(
    ("text", "expected", "end", "precision"),
    [
        ("On 6 October 2017, regime forces shelled the town.", date(2017, 10, 6), None, 1),
        ("On October 6, 2017 the town fell.", date(2017, 10, 6), None, 1),
        ("Fighting resumed on Tuesday.", date(2017, 10, 10), None, 1),
        ("Fighting resumed on Sunday.", date(2017, 10, 8), None, 1),
        ("An airstrike killed five yesterday.", date(2017, 10, 9), None, 1),
        ("The town was taken last week.", date(2017, 10, 2), date(2017, 10, 8), 2),  # the calendar week before
        ("Clashes erupted in October.", date(2017, 10, 1), date(2017, 10, 31), 3),
        ("Clashes erupted in November.", date(2016, 11, 1), date(2016, 11, 30), 3),
        ("Shelling has continued earlier this month.", date(2017, 10, 1), date(2017, 10, 10), 3),
        ("Between 6 and 8 October the town changed hands.", date(2017, 10, 6), date(2017, 10, 8), 1),
        ("Over the past 48 hours jets struck.", date(2017, 10, 8), date(2017, 10, 10), 1),
        ("Two civilians died three days ago.", date(2017, 10, 7), None, 1),
    ],
)
def test_english(text: str, expected: date, end: date | None, precision: int) -> None:
    mention = only(text, "en")
    assert (mention.date, mention.end_date, mention.precision) == (expected, end, precision)


def test_spans_index_the_cleaned_text() -> None:
    text = clean_text("قصفت الطائرات صباح يوم الأحد بلدة، وفي الـ 3 من تشرين الأول / أكتوبر دخلتها القوات")
    found = find_dates(text, "ar", PUBLISHED)
    assert [m.surface for m in found] == [text[m.start:m.end] for m in found]
    assert [m.date for m in found] == [date(2017, 10, 8), date(2017, 10, 3)]


def test_diacritics_do_not_break_offsets() -> None:
    text = clean_text("قُتِلَ ثلاثةٌ أمسِ في الـ 5 من أيلولَ")
    found = find_dates(text, "ar", PUBLISHED)
    assert [m.date for m in found] == [date(2017, 10, 9), date(2017, 9, 5)]
    assert all(text[m.start:m.end] == m.surface for m in found)


def test_numbers_that_are_not_days() -> None:
    assert dates("قتل 46 عنصراً من التنظيم", "ar") == []
    assert dates("May God protect them, said 25 residents.", "en") == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="أمس اليوم 0123456789 تشرين الأول أكتوبر on Tuesday October", max_size=80))
def test_never_after_publication_for_relative_dates(text: str) -> None:
    for mention in find_dates(text, "", PUBLISHED):
        assert mention.date <= PUBLISHED.date() + timedelta(days=1)
        assert 1 <= mention.precision <= 3
        assert mention.end_date is None or mention.end_date >= mention.date
