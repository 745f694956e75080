"""Date mentions: absolute and relative dates in Arabic and English reports.

`find_dates(text, language, published_at)` returns `DateMention`s (offsets into the cleaned text)
resolved against the publication date: "اليوم", "أمس", "أول أمس", "فجر اليوم", "ليلة الأربعاء",
"ليل الأربعاء/الخميس", "يوم الثلاثاء" (the most recent Tuesday on or before publication),
"خلال الساعات الـ24 الفائتة", "الـ 6 من تشرين الأول / أكتوبر" (Levantine and standard month names,
year inferred as the most recent such date not after publication), "6 و 8 أكتوبر",
"الـ 8 من الشهر ذاته", English "on Tuesday", "yesterday", "last week", "6 October 2017",
"October 6", "in October", "earlier this month", ACLED's "On 6 October 2017, ...".

Precision follows ACLED's time_precision: 1 day, 2 week, 3 month. Pure functions; the clock is
`published_at` (or the `today` argument of `default_event_date`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Final

from processors.extract.fastre import quick

__all__ = ["DateMention", "find_dates", "default_event_date"]


_Day = date  # the field named `date` below shadows the type inside the class body


@dataclass(frozen=True)
class DateMention:
    """A date or date range named in the text, resolved; `precision` is ACLED's time precision."""

    start: int
    end: int
    surface: str
    date: _Day
    end_date: _Day | None
    precision: int  # 1 day, 2 week, 3 month


def default_event_date(published_at: datetime | None, today: date | None = None) -> date:
    """The event date when the text names none: the publication day (its own time zone).

    Without a publication time, `today` (else the current UTC date, the only clock read here).
    """
    if published_at is not None:
        return published_at.date()
    if today is not None:
        return today
    return datetime.now(UTC).date()


# --- folding with an offset map -----------------------------------------------------------------

_DIACRITICS: Final = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTER_FOLDS: Final = (("\u0622", "\u0627"), ("\u0623", "\u0627"), ("\u0625", "\u0627"), ("\u0671", "\u0627"),
                 ("\u0649", "\u064a"), ("\u0629", "\u0647"), ("\u06cc", "\u064a"), ("\u06a9", "\u0643"))


def _fold(text: str) -> tuple[str, list[tuple[int, int]] | None]:
    """Arabic-folded text (same length unless diacritics are dropped) and, when some were dropped,
    the removals as (folded position, characters removed so far) for `_unfold`."""
    if text.isascii() or not _DIACRITICS.search(text):  # (the diacritics are Arabic)
        return _fold_letters(text), None
    pieces: list[str] = []
    removals: list[tuple[int, int]] = []
    last = total = 0
    for m in _DIACRITICS.finditer(text):
        pieces.append(text[last:m.start()])
        removed_before = total
        total += m.end() - m.start()
        removals.append((m.start() - removed_before, total))
        last = m.end()
    pieces.append(text[last:])
    return _fold_letters("".join(pieces)), removals


def _fold_letters(text: str) -> str:
    # Chained str.replace is several times faster than str.translate with a dict on 2 KB texts.
    for a, b in _LETTER_FOLDS:
        if a in text:
            text = text.replace(a, b)
    return text


def _original(pos: int, removals: list[tuple[int, int]]) -> int:
    i = bisect_right(removals, (pos, len(removals) + 10**9))
    return pos + (removals[i - 1][1] if i else 0)


# --- vocabulary ---------------------------------------------------------------------------------

_AR_MONTHS: Final[dict[str, int]] = {
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8,
    "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "افريل": 4, "مايو": 5, "ماي": 5, "يونيو": 6,
    "يونيه": 6, "يوليو": 7, "يوليه": 7, "اغسطس": 8, "اوت": 8, "سبتمبر": 9, "اكتوبر": 10,
    "نوفمبر": 11, "ديسمبر": 12, "جانفي": 1, "فيفري": 2, "جوان": 6, "جويلية": 7,
}
_AR_MONTH_RE: Final = "|".join(sorted((re.escape(k) for k in _AR_MONTHS), key=len, reverse=True))
# "تشرين الأول / أكتوبر": a Levantine name glossed by the standard one (or the reverse).
_AR_MONTH_PAIR: Final = f"(?P<m1>{_AR_MONTH_RE})(?:\\s*[/\\-(]\\s*(?:{_AR_MONTH_RE})\\)?)?"

_AR_WEEKDAYS: Final[dict[str, int]] = {
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5,
    "الاحد": 6,
}
_AR_WEEKDAY_RE: Final = "|".join(_AR_WEEKDAYS)

_EN_MONTHS: Final[dict[str, int]] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3,
    "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_EN_MONTH_RE: Final = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|" \
               r"jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)"
_EN_WEEKDAYS: Final = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
                "sunday": 6}
_EN_WEEKDAY_RE: Final = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# "Saturdays blast": a possessive whose apostrophe the page dropped (before the incident it dates).
_EN_POSSESSIVE_BARE: Final = (
    r"s(?=\s+(?:[a-z-]+\s+){0,2}(?:blast|bombing|bomb|attacks?|strikes?|airstrikes?|raids?|explosions?|shelling|"
    r"assault|massacre|clash(?:es)?|fighting|ambush|offensive)\b)"
)
_EN_NUMBERS: Final = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1, "an": 1}
_AR_SMALL_NUMBERS: Final = {"يومين": 2, "ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7, "عشره": 10}

_AR_MONTH_KEYS: Final = tuple(dict.fromkeys(" اب" if k == "اب" else k.split()[0] for k in _AR_MONTHS))
_AR_WEEKDAY_KEYS: Final = tuple(k[2:] for k in _AR_WEEKDAYS)
_EN_MONTH_KEYS: Final = tuple(k[:3] for k in _EN_MONTHS)

Resolved = tuple[date, date | None, int]
_Handler = Callable[[re.Match[str], date | None], Resolved | None]


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    handler: _Handler
    needs_ref: bool = True
    # Cheap prefilter: the rule runs only in windows around these substrings (case-insensitive).
    triggers: tuple[str, ...] = ()


_LATIN_WORD: Final = re.compile("[A-Za-z]{3}")
_WINDOW: Final = 100  # characters a rule's match may extend before or after its trigger word


_FIND_ORDERS: Final[dict[tuple[str, ...], tuple[str, ...]]] = {}


def _find_order(triggers: tuple[str, ...]) -> tuple[str, ...]:
    """``triggers`` shortest first, each once: where several start at one place the longest is found last,
    as the alternation (longest first) would take it (two of one length there are the same word)."""
    order = _FIND_ORDERS.get(triggers)
    if order is None:
        order = _FIND_ORDERS[triggers] = tuple(dict.fromkeys(sorted(triggers, key=len, reverse=True)[::-1]))
    return order


def _anchor_spans(lowered: str, triggers: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans ``re.finditer`` of the alternation of ``triggers`` (longest first) would give, found
    by ``str.find``: at each start the first alternative there wins, and the next starts past it."""
    first: dict[int, int] = {}  # start -> end of the first alternative found there
    for trigger in _find_order(triggers):  # the first alternatives overwrite
        at = lowered.find(trigger)
        while at >= 0:
            first[at] = at + len(trigger)
            at = lowered.find(trigger, at + 1)
    spans: list[tuple[int, int]] = []
    after = 0
    for start in sorted(first):
        if start >= after:
            after = first[start]
            spans.append((start, after))
    return spans


def _windows(lowered: str, triggers: tuple[str, ...], cache: dict[tuple[str, ...], list[tuple[int, int]]]
             ) -> list[tuple[int, int]]:
    """Merged [start, end) windows around the trigger words of a rule (computed once per trigger set)."""
    windows = cache.get(triggers)
    if windows is None:
        windows = []
        for start, end in _anchor_spans(lowered, triggers):
            a, b = max(0, start - _WINDOW), min(len(lowered), end + _WINDOW)
            if windows and a <= windows[-1][1]:
                windows[-1] = (windows[-1][0], b)
            else:
                windows.append((a, b))
        cache[triggers] = windows
    return windows


def _en_key(word: str) -> str:
    """Lower case as the case-insensitive patterns matched it: they also take dotless ı, dotted İ and
    long ſ for i and s, which ``str.lower`` leaves apart (so "Aprıl" is April, not a crash)."""
    return word.lower().replace("i\u0307", "i").replace("ı", "i").replace("ſ", "s")


def _month_number(name: str) -> int:
    key = _en_key(name).rstrip(".")
    if key in _EN_MONTHS:
        return _EN_MONTHS[key]
    return _AR_MONTHS[" ".join(key.split())]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, ref: date | None, year: str | None) -> date | None:
    """The date with an explicit year, else the most recent such date not after `ref`."""
    if year:
        return _safe_date(int(year), month, day)
    if ref is None:
        return None
    candidate = _safe_date(ref.year, month, day)
    if candidate is None or candidate > ref + timedelta(days=1):
        candidate = _safe_date(ref.year - 1, month, day)
    return candidate


def _infer_month_year(month: int, ref: date | None, year: str | None) -> date | None:
    if year:
        return date(int(year), month, 1)
    if ref is None:
        return None
    return date(ref.year if month <= ref.month else ref.year - 1, month, 1)


# Arabic desks write in the region's time (Syria, Iraq, the Gulf: UTC+3 or +4). A feed stamp in UTC after
# 21:00 is already the next day there: "الجمعة" in a report stamped Thursday 22:00 UTC is that Friday, not
# the Friday six days before.
_DESK_UTC_OFFSET: Final = timedelta(hours=3)


def _desk_day(published_at: datetime) -> date:
    """The day a report stamped ``published_at`` was written on, in the region's time when stamped in UTC."""
    if published_at.utcoffset() != timedelta(0):
        return published_at.date()  # stamped in its own zone (or naive): its own day
    return (published_at + _DESK_UTC_OFFSET).date()


def _last_weekday(ref: date, weekday: int, strictly_before: bool = False) -> date:
    delta = (ref.weekday() - weekday) % 7
    if strictly_before and delta == 0:
        delta = 7
    return ref - timedelta(days=delta)


def _month_end(first: date) -> date:
    nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def _range(first: date | None, last: date | None, precision: int = 1) -> Resolved | None:
    if first is None:
        return None
    if last is not None and last < first:
        first, last = last, first
    return first, (last if last != first else None), precision


# --- Arabic rules -------------------------------------------------------------------------------

_B: Final = r"(?<![\w])"  # word start (Arabic clitics are matched explicitly)
_E: Final = r"(?![\w])"
_AR_CL: Final = "(?:[وفب]|ل)?"
_AR_DAYPART: Final = "(?:فجر|صباح|ظهر|عصر|مساء|ليل|ليله|يوم|نهار|ظهيره|منتصف\\s+ليل(?:ه)?|مطلع|صبيحه)"
_AR_YEAR: Final = r"(?:\s*(?:من\s+)?(?:العام|عام|سنه)?\s*(?P<y>(?:19|20)\d\d))?"


def _ar_today(m: re.Match[str], ref: date | None) -> Resolved | None:
    return (ref, None, 1) if ref else None


def _ar_days_back(days: int) -> _Handler:
    def handler(m: re.Match[str], ref: date | None) -> Resolved | None:
        return (ref - timedelta(days=days), None, 1) if ref else None
    return handler


def _ar_weekday(m: re.Match[str], ref: date | None) -> Resolved | None:
    if ref is None:
        return None
    day = _last_weekday(ref, _AR_WEEKDAYS[m.group("wd")], strictly_before=bool(m.group("past")))
    return day, None, 1


def _ar_night(m: re.Match[str], ref: date | None) -> Resolved | None:
    if ref is None:
        return None
    first_wd = _AR_WEEKDAYS[m.group("wd")]
    if m.group("wd2"):
        second = _last_weekday(ref, _AR_WEEKDAYS[m.group("wd2")])
        first = second - timedelta(days=(second.weekday() - first_wd) % 7 or 7)
        return first, second, 1
    # "ليلة الأربعاء": the night before Wednesday (Tuesday evening to Wednesday morning).
    day = _last_weekday(ref, first_wd)
    return day - timedelta(days=1), day, 1


# "الساعات الأربع والعشرين الماضية", "الثماني والأربعين ساعة": the hours in words
_AR_HOURS_WORDS = r"(?:ال)?اربع\s+و\s*(?:ال)?عشرين|(?:ال)?ثماني?\s+و\s*(?:ال)?اربعين|(?:ال)?(?:اثنتي|اثني)\s+عشره?"


def _ar_numeric_date(m: re.Match[str], ref: date | None) -> Resolved | None:
    return _range(_safe_date(int(m.group("y")), int(m.group("mo")), int(m.group("d"))), None)


def _ar_hours(m: re.Match[str], ref: date | None) -> Resolved | None:
    if ref is None:
        return None
    words = m.group("hw") or ""
    spelt = 48 if "اربعين" in words else 12 if "عشر" in words and "عشرين" not in words else 24
    hours = int(m.group("h") or m.group("h2") or spelt)
    days = max(1, (hours + 23) // 24)
    return ref - timedelta(days=days), ref, 1 if days <= 2 else 2


def _ar_day_month(m: re.Match[str], ref: date | None) -> Resolved | None:
    month = _month_number(m.group("m1"))
    last = _infer_year(month, int(m.group("d")), ref, m.group("y"))
    if m.group("d0"):
        first = _infer_year(month, int(m.group("d0")), ref, m.group("y"))
        return _range(first, last)
    return _range(last, None)


def _ar_month_only(m: re.Match[str], ref: date | None) -> Resolved | None:
    first = _infer_month_year(_month_number(m.group("m1")), ref, m.group("y"))
    return (first, _month_end(first), 3) if first else None


def _ar_days_ago(m: re.Match[str], ref: date | None) -> Resolved | None:
    if ref is None:
        return None
    word = m.group("n") or m.group("n2")
    n = int(word) if word.isdigit() else _AR_SMALL_NUMBERS.get(word, 0)
    if not n or n > 60:
        return None
    day = ref - timedelta(days=n)
    if "منذ" in m.group():  # "منذ ثلاثه ايام": for three days, up to the report
        return day, ref, 2
    return day, None, 1 if n <= 3 else 2


def _last_night(m: re.Match[str], ref: date | None) -> Resolved | None:
    return (ref - timedelta(days=1), ref, 1) if ref else None


def _ar_week(back: int) -> _Handler:
    def handler(m: re.Match[str], ref: date | None) -> Resolved | None:
        if ref is None:
            return None
        end = ref - timedelta(days=7 * back)
        return end - timedelta(days=6), end, 2
    return handler


def _ar_since_weeks(back: int) -> _Handler:
    """"منذ اسبوع" / "منذ اسبوعين": a period that began that long ago and runs up to the report."""

    def handler(m: re.Match[str], ref: date | None) -> Resolved | None:
        if ref is None:
            return None
        return ref - timedelta(days=7 * back), ref, 2

    return handler


def _en_calendar_week(back: int) -> _Handler:
    """English "this week" is the report's calendar week from Monday up to the report (``back`` weeks
    earlier: that calendar week, Monday to Sunday)."""

    def handler(m: re.Match[str], ref: date | None) -> Resolved | None:
        if ref is None:
            return None
        monday = ref - timedelta(days=ref.weekday() + 7 * back)
        return monday, (monday + timedelta(days=6) if back else ref), 2

    return handler


def _ar_month_rel(back: int) -> _Handler:
    def handler(m: re.Match[str], ref: date | None) -> Resolved | None:
        if ref is None:
            return None
        first = date(ref.year, ref.month, 1)
        if back:
            first = date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)
            return first, _month_end(first), 3
        return first, ref, 3
    return handler


_AR_UNITS: Final = ("الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")
_AR_ORDINALS: Final[dict[str, int]] = {
    "الاول": 1, **{u: i for i, u in enumerate(_AR_UNITS[1:], 2)}, "العاشر": 10,
    **{f"{u} عشر": i for i, u in enumerate(_AR_UNITS, 11)}, "العشرين": 20,
    **{f"{u} والعشرين": i for i, u in enumerate(_AR_UNITS, 21)}, "الثلاثين": 30, "الحادي والثلاثين": 31,
}
_AR_ORDINAL_RE: Final = "|".join(sorted(_AR_ORDINALS, key=len, reverse=True))


def _ar_ordinal_month(m: re.Match[str], ref: date | None) -> Resolved | None:
    """ "في السابع من آذار", "في العاشر من الشهر الجاري": an ordinal day of a named or relative month."""
    day = _AR_ORDINALS[m.group("o")]
    if m.group("m1"):
        return _range(_infer_year(_month_number(m.group("m1")), day, ref, m.group("y")), None)
    if ref is None:
        return None
    year, month = ref.year, ref.month
    if m.group("prev"):
        year, month = year - (month == 1), (month - 2) % 12 + 1
    return _range(_safe_date(year, month, day), None)


def _ar_week_start(m: re.Match[str], ref: date | None) -> Resolved | None:
    """ "مطلع الأسبوع": Saturday to Tuesday of the report's week, not after the report."""
    if ref is None:
        return None
    start = ref - timedelta(days=(ref.weekday() - 5) % 7)
    return start, min(ref, start + timedelta(days=3)), 2


_AR_RULES: Final[list[_Rule]] = [
    _Rule(re.compile(
        f"{_B}{_AR_CL}(?:{_AR_DAYPART}\\s+)?(?:يوم\\s+)?(?P<o>{_AR_ORDINAL_RE})\\s+من\\s+(?:شهر\\s+)?"
        f"{_AR_MONTH_PAIR}(?:\\s+(?:الجاري|الماضي|الحالي|المنصرم|الفائت))?{_AR_YEAR}(?P<prev>){_E}"
    ), _ar_ordinal_month, needs_ref=False, triggers=_AR_MONTH_KEYS),
    _Rule(re.compile(
        f"{_B}{_AR_CL}(?:{_AR_DAYPART}\\s+)?(?:يوم\\s+)?(?P<o>{_AR_ORDINAL_RE})\\s+من\\s+(?P<m1>)(?P<y>)"
        f"(?:(?:هذا\\s+)?الشهر\\s+(?:الجاري|الحالي)|(?P<prev>الشهر\\s+(?:الماضي|المنصرم|الفائت|السابق))){_E}"
    ), _ar_ordinal_month, triggers=("شهر",)),
    _Rule(re.compile(f"{_B}{_AR_CL}(?:في\\s+)?(?:مطلع|بدايه|اوائل)\\s+(?:هذا\\s+)?الاسبوع(?:\\s+(?:الجاري|الحالي))?{_E}"),
          _ar_week_start, triggers=("اسبوع",)),
    _Rule(re.compile(
        f"{_B}{_AR_CL}(?:{_AR_DAYPART}\\s+)?(?:يوم\\s+)?(?:ال\\s*)?(?P<d0>\\d{{1,2}})\\s*(?:و|-|الى|حتى|إلى)\\s*"
        f"(?:ال\\s*)?(?P<d>\\d{{1,2}})\\s+(?:من\\s+(?:شهر\\s+)?)?(?:شهر\\s+)?{_AR_MONTH_PAIR}{_AR_YEAR}"
    ), _ar_day_month, needs_ref=False, triggers=_AR_MONTH_KEYS),
    _Rule(re.compile(
        f"{_B}{_AR_CL}(?:{_AR_DAYPART}\\s+)?(?:(?:ال)?(?:{_AR_WEEKDAY_RE})\\s+)?(?:ال\\s*)?(?P<d0>)(?P<d>\\d{{1,2}})"
        f"\\s+(?:من\\s+)?(?:شهر\\s+)?{_AR_MONTH_PAIR}(?:\\s+(?:الجاري|الماضي|الحالي|المنصرم|الفائت))?{_AR_YEAR}"
    ), _ar_day_month, needs_ref=False, triggers=_AR_MONTH_KEYS),
    _Rule(re.compile(
        f"{_B}{_AR_CL}(?:(?:خلال|في|منذ|مطلع|اواخر|اواسط|منتصف|بدايه|نهايه)\\s+)?(?:شهر\\s+){_AR_MONTH_PAIR}"
        f"(?:\\s+(?:الجاري|الماضي|الحالي|المنصرم|الفائت))?{_AR_YEAR}"
    ), _ar_month_only, needs_ref=False, triggers=("شهر",)),
    _Rule(re.compile(
        f"{_B}(?:{_AR_CL}(?:خلال|في|منذ|طيله|على\\s+مدار|على\\s+مدى)\\s+)?(?:ال)?(?:ساعات|الساعات)\\s+(?:ال\\s*)?"
        f"(?:(?P<h>\\d{{1,3}})|(?P<hw>{_AR_HOURS_WORDS}))\\s+(?:الماضيه|الفائته|الاخيره|المنصرمه|السابقه)"
        f"|{_B}(?:{_AR_CL}(?:خلال|في|منذ|طيله|على\\s+مدار)\\s+)?(?:ال\\s*)?(?P<h2>\\d{{1,3}})\\s+ساعه\\s+"
        f"(?:الماضيه|الفائته|الاخيره|المنصرمه|السابقه)"
    ), _ar_hours, triggers=("ساع",)),
    # "بتاريخ 2 / 3 / 2026", "في 14-03-2026": day, month and a full year in figures
    _Rule(re.compile(
        r"(?<![\w/-])(?P<d>\d{1,2})\s*(?P<sep>[/-])\s*(?P<mo>\d{1,2})\s*(?P=sep)\s*(?P<y>(?:19|20)\d\d)(?![\w/-])"
    ), _ar_numeric_date, needs_ref=False, triggers=("/", "-")),
    _Rule(re.compile(
        f"{_B}{_AR_CL}(?:ليل|ليله|ليلة)\\s+(?:ال)?(?:يوم\\s+)?(?P<wd>{_AR_WEEKDAY_RE})(?:\\s*(?:[/\\-–]|و|على)\\s*|\\s+)"
        f"(?P<wd2>{_AR_WEEKDAY_RE})"
    ), _ar_night, triggers=("ليل",)),
    _Rule(re.compile(f"{_B}{_AR_CL}(?:ليل|ليله)\\s+(?P<wd>{_AR_WEEKDAY_RE})(?P<wd2>)"), _ar_night,
          triggers=("ليل",)),
    _Rule(re.compile(
        f"{_B}{_AR_CL}(?:(?:اول|أول)\\s+(?:من\\s+)?امس|امس\\s+الاول|قبل\\s+امس)"
    ), _ar_days_back(2), triggers=("امس",)),
    _Rule(re.compile(
        f"{_B}{_AR_CL}(?:{_AR_DAYPART}\\s+)?(?:يوم\\s+)?(?:ال)?امس(?:\\s+(?P<wd>{_AR_WEEKDAY_RE}))?{_E}"
        f"|{_B}{_AR_CL}(?:ليله\\s+|ليل\\s+)?البارحه{_E}"
    ), _ar_days_back(1), triggers=("امس", "البارحه")),
    _Rule(re.compile(
        f"{_B}{_AR_CL}(?:{_AR_DAYPART}\\s+)?(?:هذا\\s+)?اليوم(?:\\s+(?:{_AR_WEEKDAY_RE}))?"
        f"(?!\\s+(?:التالي|الاول|الثاني|الثالث|ذاته|نفسه|عينه|السابق|الذي|المقرر|المحدد|الموعود|العالمي|الوطني|الدولي))"
        f"|{_B}{_AR_CL}(?:فجر|صباح|ظهر|مساء|عصر|ظهيره)\\s+(?:هذا\\s+)?(?:ال)?يوم{_E}"
    ), _ar_today, triggers=("يوم",)),
    _Rule(re.compile(
        f"{_B}{_AR_CL}(?:{_AR_DAYPART}\\s+)?(?:ال)?(?P<wd>{_AR_WEEKDAY_RE})(?:\\s+(?P<past>الماضي|المنصرم|الفائت))?{_E}"
        f"(?!\\s+(?:القادم|المقبل))"
    ), _ar_weekday, triggers=_AR_WEEKDAY_KEYS),
    _Rule(re.compile(
        f"{_B}{_AR_CL}(?:قبل|منذ)\\s+(?:(?P<n>يومين)|(?P<n2>\\d{{1,2}}|ثلاثه|اربعه|خمسه|سته|سبعه|عشره)\\s+(?:ايام|يوما|يوم)){_E}"
    ), _ar_days_ago, triggers=("قبل", "منذ")),
    _Rule(re.compile(f"{_B}{_AR_CL}(?:خلال\\s+|في\\s+)?(?:ال)?اسبوع\\s+(?:الماضي|المنصرم|الفائت|السابق){_E}"),
          _ar_week(1), triggers=("اسبوع",)),
    _Rule(re.compile(f"{_B}{_AR_CL}(?:خلال\\s+)?(?:هذا\\s+الاسبوع|الاسبوع\\s+(?:الجاري|الحالي)){_E}"),
          _ar_week(0), triggers=("اسبوع",)),
    _Rule(re.compile(
        f"{_B}{_AR_CL}(?:خلال|في|طيله|على\\s+مدى)\\s+(?:ال)?ايام\\s+(?:القليله\\s+)?(?:الماضيه|الاخيره|الفائته|المنصرمه){_E}"
    ), _ar_week(0), triggers=("ايام",)),
    _Rule(re.compile(f"{_B}{_AR_CL}قبل\\s+(?:نحو\\s+)?اسبوع{_E}"), _ar_week(1),
          triggers=("اسبوع",)),
    _Rule(re.compile(f"{_B}{_AR_CL}قبل\\s+(?:نحو\\s+)?اسبوعين{_E}"), _ar_week(2),
          triggers=("اسبوع",)),
    _Rule(re.compile(f"{_B}{_AR_CL}منذ\\s+(?:نحو\\s+)?اسبوع{_E}"), _ar_since_weeks(1),
          triggers=("اسبوع",)),
    _Rule(re.compile(f"{_B}{_AR_CL}منذ\\s+(?:نحو\\s+)?اسبوعين{_E}"), _ar_since_weeks(2),
          triggers=("اسبوع",)),
    _Rule(re.compile(f"{_B}{_AR_CL}(?:خلال\\s+|في\\s+)?الليله\\s+الماضيه{_E}"), _last_night,
          triggers=("الليله",)),
    _Rule(re.compile(f"{_B}{_AR_CL}(?:خلال\\s+|في\\s+)?(?:ال)?شهر\\s+(?:الماضي|المنصرم|الفائت|السابق){_E}"),
          _ar_month_rel(1), triggers=("شهر",)),
    _Rule(re.compile(
        f"{_B}{_AR_CL}(?:مطلع|بدايه|اوائل|منذ\\s+بدايه|خلال)\\s+(?:هذا\\s+الشهر|الشهر\\s+(?:الجاري|الحالي)){_E}"
    ), _ar_month_rel(0), triggers=("شهر",)),
]


# --- English rules ------------------------------------------------------------------------------

_EN_YEAR: Final = r"(?:,?\s+(?P<y>(?:19|20)\d\d))?"


def _en_day_month(m: re.Match[str], ref: date | None) -> Resolved | None:
    month = _month_number(m.group("m1"))
    last = _infer_year(month, int(m.group("d")), ref, m.group("y"))
    if m.groupdict().get("d0"):
        return _range(_infer_year(month, int(m.group("d0")), ref, m.group("y")), last)
    return _range(last, None)


def _en_iso(m: re.Match[str], ref: date | None) -> Resolved | None:
    return _range(_safe_date(int(m.group("y")), int(m.group("mo")), int(m.group("d"))), None)


def _en_weekday(m: re.Match[str], ref: date | None) -> Resolved | None:
    if ref is None:
        return None
    past = bool(m.group("past"))
    day = _last_weekday(ref, _EN_WEEKDAYS[_en_key(m.group("wd"))], strictly_before=past)
    if m.group("night"):
        return day, day + timedelta(days=1) if day < ref else None, 1
    return day, None, 1


def _en_days_ago(m: re.Match[str], ref: date | None) -> Resolved | None:
    if ref is None:
        return None
    word = m.group("n").lower()
    n = int(word) if word.isdigit() else _EN_NUMBERS.get(word, 0)
    if not n or n > 60:
        return None
    return ref - timedelta(days=n), None, 1 if n <= 3 else 2


def _en_weekend(m: re.Match[str], ref: date | None) -> Resolved | None:
    """"over the weekend": the Saturday and Sunday before the report (the one under way on a weekend)."""
    if ref is None:
        return None
    saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)
    return saturday, min(ref, saturday + timedelta(days=1)), 1


def _en_hours(m: re.Match[str], ref: date | None) -> Resolved | None:
    if ref is None:
        return None
    hours = int(m.group("h"))
    days = max(1, (hours + 23) // 24)
    return ref - timedelta(days=days), ref, 1 if days <= 2 else 2


_EN_RULES: Final[list[_Rule]] = [
    _Rule(re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b"), _en_iso, needs_ref=False,
          triggers=("-",)),
    _Rule(re.compile(
        rf"\b(?:between\s+|from\s+)?(?:the\s+)?(?P<d0>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|and|to|until)\s*"
        rf"(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_EN_MONTH_RE})(?![a-z]){_EN_YEAR}",
        re.IGNORECASE), _en_day_month, needs_ref=False, triggers=_EN_MONTH_KEYS),
    _Rule(re.compile(
        rf"\b(?P<m1>{_EN_MONTH_RE})\s+(?P<d0>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|and|to|until)\s*"
        rf"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b{_EN_YEAR}", re.IGNORECASE), _en_day_month, needs_ref=False,
              triggers=_EN_MONTH_KEYS),
    _Rule(re.compile(
        rf"\b(?:on\s+)?(?:(?:{_EN_WEEKDAY_RE}),?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
        rf"(?P<m1>{_EN_MONTH_RE})(?![a-z]){_EN_YEAR}", re.IGNORECASE), _en_day_month, needs_ref=False,
              triggers=_EN_MONTH_KEYS),
    _Rule(re.compile(
        rf"\b(?:on\s+)?(?:(?:{_EN_WEEKDAY_RE}),?\s+)?(?P<m1>{_EN_MONTH_RE})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"
        rf"(?!\s*(?:%|km|kilomet|people|civilians|fighters|soldiers|members|killed)){_EN_YEAR}",
        re.IGNORECASE), _en_day_month, needs_ref=False, triggers=_EN_MONTH_KEYS),
    _Rule(re.compile(
        rf"\b(?:(?:in|during|since|throughout|early|late|mid|earlier\s+in|later\s+in)\s+-?)?(?P<m1>"
        rf"january|february|march|april|june|july|august|september|october|november|december)\b{_EN_YEAR}",
        re.IGNORECASE), lambda m, ref: _ar_month_only(m, ref), needs_ref=False, triggers=_EN_MONTH_KEYS),
    _Rule(re.compile(r"\b(?:the\s+)?day\s+before\s+yesterday\b", re.IGNORECASE), _ar_days_back(2),
          triggers=("yesterday",)),
    # "the previous day", "the day before": the day before the report's ("the day before the truce took effect"
    # is the day before something else: only a "day before" that closes its clause)
    _Rule(re.compile(r"\b(?:on\s+)?the\s+(?:previous|preceding)\s+day\b|\bthe\s+day\s+before(?=\s*(?:[.,;:]|$))",
                     re.IGNORECASE), _ar_days_back(1), triggers=("day",)),
    _Rule(re.compile(r"\b(?:over|at|during|on)\s+the\s+weekend\b|\b(?:this|last|past)\s+weekend\b",
                     re.IGNORECASE), _en_weekend, triggers=("weekend",)),
    _Rule(re.compile(r"\b(?:late\s+|early\s+)?yesterday(?:\s+(?:morning|afternoon|evening|night))?\b|"
                     r"\blast\s+night\b", re.IGNORECASE), _ar_days_back(1), triggers=("yesterday", "night")),
    _Rule(re.compile(r"\b(?:overnight|(?:the\s+)?(?:past|last|previous)\s+24\s+hours)\b", re.IGNORECASE),
          lambda m, ref: (ref - timedelta(days=1), ref, 1) if ref else None,
          triggers=("overnight", "hours")),
    _Rule(re.compile(r"\b(?:the\s+)?(?:past|last|previous)\s+(?P<h>\d{2,3})\s+hours\b", re.IGNORECASE),
          _en_hours, triggers=("hours",)),
    _Rule(re.compile(r"\b(?:earlier\s+|later\s+)?today\b|\bthis\s+(?:morning|afternoon|evening)\b|\btonight\b",
                     re.IGNORECASE), _ar_today,
                           triggers=("today", "morning", "afternoon", "evening", "tonight")),
    _Rule(re.compile(
        rf"\b(?:on\s+|early\s+|late\s+)?(?P<past>last\s+|this\s+past\s+)?(?P<wd>{_EN_WEEKDAY_RE})"
        rf"(?:\s+(?:morning|afternoon|evening|(?P<night>night))|{_EN_POSSESSIVE_BARE})?\b", re.IGNORECASE), _en_weekday,
              triggers=("day",)),
    _Rule(re.compile(r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|a)\s+days?\s+ago\b", re.IGNORECASE),
          _en_days_ago, triggers=("ago",)),
    _Rule(re.compile(r"\b(?:in\s+recent\s+days|(?:over|in|during)\s+the\s+(?:past|last)\s+(?:few|several)\s+days)\b",
                     re.IGNORECASE), _ar_week(0), triggers=("days",)),
    # English "last week" is the calendar week before the report's (Monday to Sunday); "a week ago" that day
    _Rule(re.compile(r"\b(?:last|previous)\s+week\b", re.IGNORECASE), _en_calendar_week(1), triggers=("week",)),
    _Rule(re.compile(r"\ba\s+week\s+ago\b", re.IGNORECASE),
          lambda m, ref: (ref - timedelta(days=7), None, 2) if ref else None, triggers=("week",)),
    _Rule(re.compile(r"\b(?:this|earlier\s+this)\s+week\b", re.IGNORECASE), _en_calendar_week(0),
          triggers=("week",)),
    _Rule(re.compile(r"\bthe\s+past\s+week\b", re.IGNORECASE), _ar_week(0), triggers=("week",)),
    _Rule(re.compile(r"\b(?:last|past|previous)\s+month\b", re.IGNORECASE), _ar_month_rel(1),
          triggers=("month",)),
    _Rule(re.compile(r"\b(?:earlier|early|so\s+far|since\s+the\s+start\s+of)\s+this\s+month\b|\bthis\s+month\b",
                     re.IGNORECASE), _ar_month_rel(0), triggers=("month",)),
]

# "في الـ 8 من الشهر ذاته / الجاري": a day of the month named before (or of publication).
_AR_SAME_MONTH: Final = re.compile(
    f"{_B}{_AR_CL}(?:{_AR_DAYPART}\\s+)?(?:ال\\s*)?(?P<d>\\d{{1,2}})\\s+من\\s+(?:هذا\\s+)?(?:ال)?شهر\\s*"
    f"(?P<which>ذاته|نفسه|الجاري|الحالي|الماضي|المنصرم|الفائت)?"
)
_EN_SAME_MONTH: Final = re.compile(
    r"\b(?:on\s+)?the\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)\s+of\s+(?:the\s+)?(?P<which>same|this|last|previous)\s+month\b",
    re.IGNORECASE,
)


# A case-insensitive rule finds the same matches case-sensitively in the lower-cased text, several times
# faster, unless the text holds one of the three letters re.IGNORECASE folds apart from str.lower
# (İ ı ſ: found by comparing both on every code point) or the rule spells an upper-case letter.
_CASE_TRAPS: Final = re.compile("[\u0130\u0131\u017f]")
_LOWER_TWINS: Final[dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]]] = {}  # id(pattern) -> (pattern, twin)


def _lower_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    entry = _LOWER_TWINS.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        spelled = re.sub(r"\\.|\(\?P<\w+>|\(\?P=\w+\)", "", pattern.pattern)
        cased = not pattern.flags & re.I or any(ch.isupper() for ch in spelled)
        twin = None if cased else re.compile(pattern.pattern, pattern.flags & ~re.I)
        entry = _LOWER_TWINS[id(pattern)] = (pattern, twin)
    return entry[1]


# A rule every match of which holds a digit ("6 October", "2017-10-06") cannot match in a window without one:
# the window is skipped after one digit search (most windows around a month's three letters, "mar" of
# "market", "may" the verb, hold none). Found from the parsed pattern, not by hand.
_DIGIT: Final = re.compile(r"\d")
_NEEDS_DIGIT: Final[dict[int, tuple[re.Pattern[str], bool]]] = {}  # id(pattern) -> (pattern, every match holds a digit)
_DIGITS_ONLY: Final = frozenset(range(ord("0"), ord("9") + 1))


def _digit_set(items: list[tuple[object, object]]) -> bool:
    """Whether a character set ``[...]`` matches digits only (``\\d``, ``[0-3]``)."""
    for op, av in items:
        if op is _constants.CATEGORY:
            if av is not _constants.CATEGORY_DIGIT and av is not _constants.CATEGORY_UNI_DIGIT:
                return False
        elif op is _constants.LITERAL:
            if av not in _DIGITS_ONLY:
                return False
        elif op is _constants.RANGE:
            if not (av[0] in _DIGITS_ONLY and av[1] in _DIGITS_ONLY):  # type: ignore[index]
                return False
        else:
            return False
    return bool(items)


def _holds_digit(seq: object) -> bool:
    """Whether every match of the parsed sequence ``seq`` consumes a digit."""
    for op, av in seq:  # type: ignore[attr-defined]
        if op is _constants.IN and _digit_set(av):  # type: ignore[arg-type]
            return True
        if op is _constants.LITERAL and av in _DIGITS_ONLY:
            return True
        if op is _constants.SUBPATTERN and _holds_digit(av[3]):  # type: ignore[index]
            return True
        if op is _constants.BRANCH and all(_holds_digit(b) for b in av[1]):  # type: ignore[index]
            return True
        if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT) and av[0] >= 1 and _holds_digit(av[2]):  # type: ignore[index]
            return True
    return False


def _needs_digit(pattern: re.Pattern[str]) -> bool:
    entry = _NEEDS_DIGIT.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        entry = _NEEDS_DIGIT[id(pattern)] = (pattern, _holds_digit(_parser.parse(pattern.pattern, pattern.flags)))
    return entry[1]


def find_dates(text: str, language: str = "", published_at: datetime | None = None) -> list[DateMention]:
    """Dates named in `text` (cleaned), resolved against `published_at`; sorted, non-overlapping."""
    ref = published_at.date() if published_at is not None else None
    folded, index = _fold(text)
    arabic = language == "ar" or (language == "" and re.search("[\u0600-\u06ff]", text) is not None)
    if arabic and published_at is not None:
        ref = _desk_day(published_at)
    rules = _EN_RULES
    if arabic:
        rules = _AR_RULES + _EN_RULES if _LATIN_WORD.search(text) else _AR_RULES
    lowered = folded.lower()
    if len(lowered) != len(folded):  # a few letters lower-case to two characters: keep offsets
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in folded)
    found: list[tuple[int, int, Resolved]] = []
    seen: set[tuple[int, int, int]] = set()
    window_cache: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    lower_ok = _CASE_TRAPS.search(folded) is None
    for number, rule in enumerate(rules):
        if rule.needs_ref and ref is None:
            continue
        windows = _windows(lowered, rule.triggers, window_cache) if rule.triggers else [(0, len(folded))]
        pattern, subject = rule.pattern, folded
        if lower_ok and (twin := _lower_twin(pattern)) is not None:  # (flags & re.I: a slow enum operation)
            pattern, subject = twin, lowered
        digit = _needs_digit(pattern)
        for a, b in windows:
            if digit and _DIGIT.search(subject, a, b) is None:
                continue
            for m in quick(pattern).finditer(subject, a, b):  # (the same matches)
                if m.end() == m.start() or (number, m.start(), m.end()) in seen:
                    continue
                seen.add((number, m.start(), m.end()))
                resolved = rule.handler(m, ref)
                if resolved is not None:
                    found.append((m.start(), m.end(), resolved))
    chosen = _non_overlapping(found)
    chosen = _same_month_days(folded, chosen, ref, arabic)
    chosen = _merge_ranges(folded, chosen)
    out: list[DateMention] = []
    for start, end, (first, last, precision) in chosen:
        s, e = _unfold(start, end, index)
        surface = text[s:e]
        stripped = surface.rstrip(" ,")
        lead = len(surface) - len(surface.lstrip())
        glued = len(stripped) > lead + 2 and not stripped[lead + 1].isspace()
        if stripped[lead:lead + 1] in ("و", "ف") and glued:
            lead += 1  # the conjunction "و"/"ف" glued to the first word is not part of the date
        out.append(DateMention(s + lead, s + len(stripped), stripped[lead:], first, last, precision))
    return out


def _non_overlapping(found: list[tuple[int, int, Resolved]]) -> list[tuple[int, int, Resolved]]:
    chosen: list[tuple[int, int, Resolved]] = []
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if any(item[0] < e and s < item[1] for s, e, _ in chosen):
            continue
        chosen.append(item)
    return sorted(chosen, key=lambda f: f[0])


def _same_month_days(folded: str, chosen: list[tuple[int, int, Resolved]], ref: date | None,
                     arabic: bool) -> list[tuple[int, int, Resolved]]:
    """Resolve "the 8th of the same month" against the last month named before it (or `ref`)."""
    extra: list[tuple[int, int, Resolved]] = []
    patterns = [_AR_SAME_MONTH] if arabic and "شهر" in folded else []
    if "month" in folded or "Month" in folded or "MONTH" in folded:
        patterns.append(_EN_SAME_MONTH)
    for pattern in patterns:
        for m in pattern.finditer(folded):
            if any(m.start() < e and s < m.end() for s, e, _ in chosen):
                continue
            which = (m.group("which") or "").lower()
            anchor: date | None = None
            if which in ("ذاته", "نفسه", "same"):
                prior = [r for s, _, r in chosen if s < m.start() and r[2] <= 3]
                anchor = prior[-1][0] if prior else ref
            elif which in ("الماضي", "المنصرم", "الفائت", "last", "previous") and ref is not None:
                anchor = (date(ref.year, ref.month, 1) - timedelta(days=1))
            else:
                anchor = ref
            if anchor is None:
                continue
            day = _safe_date(anchor.year, anchor.month, int(m.group("d")))
            if day is not None:
                extra.append((m.start(), m.end(), (day, None, 1)))
    return sorted(chosen + extra, key=lambda f: f[0])


_RANGE_OPEN: Final = re.compile(r"(?:\b(?:between|from)|(?<!\w)(?:بين|من|ما\s+بين|منذ))\s*$", re.IGNORECASE)
_RANGE_JOIN: Final = re.compile(r"^\s*(?:and|to|until|till|through|-|–|و|الى|إلى|حتى|ولغايه|لغايه)\s*$",
                         re.IGNORECASE)


def _merge_ranges(folded: str, chosen: list[tuple[int, int, Resolved]]) -> list[tuple[int, int, Resolved]]:
    """"between 27 April and 18 May", "من 3 حتى 5 آذار": two day dates joined into one range."""
    out: list[tuple[int, int, Resolved]] = []
    i = 0
    while i < len(chosen):
        start, end, (first, last, precision) = chosen[i]
        if i + 1 < len(chosen) and precision == 1 and last is None:
            n_start, n_end, (n_first, n_last, n_precision) = chosen[i + 1]
            opened = _RANGE_OPEN.search(folded[max(0, start - 12):start]) or \
                _RANGE_OPEN.match(folded[start:start + 6])
            gap = folded[end:n_start]
            joined = _RANGE_JOIN.match(gap) or (gap.strip() == "" and folded[n_start:n_start + 1] == "و")
            if n_precision == 1 and n_last is None and opened and joined \
                    and first < n_first <= first + timedelta(days=62):
                out.append((start, n_end, (first, n_first, 1)))
                i += 2
                continue
        out.append(chosen[i])
        i += 1
    return out


def _unfold(start: int, end: int, removals: list[tuple[int, int]] | None) -> tuple[int, int]:
    if removals is None:
        return start, end
    return _original(start, removals), _original(end - 1, removals) + 1
