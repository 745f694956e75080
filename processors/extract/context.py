"""Places and dates of a report, through the gazetteer and date modules of this package.

`places.py` and `dates.py` belong to the places-and-dates work; this module is the one seam the
event assembler uses, so the assembler never depends on their internals.
"""

from __future__ import annotations

import datetime as dt
from datetime import datetime
from typing import Any, Protocol

from sitrep.records import Location


class PlaceLike(Protocol):
    """What the assembler reads from a place mention."""

    start: int
    end: int
    surface: str
    location: Location
    kind: str


class DateLike(Protocol):
    """What the assembler reads from a date mention."""

    start: int
    end: int
    surface: str
    date: dt.date
    end_date: dt.date | None
    precision: int


def places_in(text: str, language: str) -> list[Any]:
    """Place mentions of ``text`` (offsets into it), sorted by start."""
    from processors.extract.places import find_places

    return sorted(find_places(text, language), key=lambda p: (p.start, -p.end))


def dates_in(text: str, language: str, published_at: datetime | None) -> list[Any]:
    """Date mentions of ``text`` (offsets into it), sorted by start."""
    from processors.extract.dates import find_dates

    return sorted(find_dates(text, language, published_at), key=lambda d: (d.start, -d.end))


def fallback_date(published_at: datetime | None, fetched_at: datetime) -> dt.date:
    """The event date when the text gives none: the report's own day rule (``dates.py``)."""
    from processors.extract.dates import default_event_date

    return default_event_date(published_at or fetched_at)
