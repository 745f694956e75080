"""English dates spelled with letters that case-insensitive matching folds (ı, İ, ſ) resolve, never crash."""

from __future__ import annotations

from datetime import UTC, date, datetime

from processors.extract.dates import find_dates

PUBLISHED = datetime(2018, 5, 10, 12, tzinfo=UTC)


def test_dotless_i_in_a_month_name() -> None:
    found = find_dates("Clashes broke out on 3 Aprıl near the town.", "en", PUBLISHED)
    assert found and found[0].date == date(2018, 4, 3)


def test_long_s_in_a_weekday() -> None:
    found = find_dates("Jets struck the village on Tueſday.", "en", PUBLISHED)
    assert found and found[0].date == date(2018, 5, 8)


def test_dotted_capital_i() -> None:
    found = find_dates("Shelling on 2 APRİL killed two.", "en", PUBLISHED)
    assert all(mention.date for mention in found)
