"""Event extraction: one report in, ACLED-style events out. Pure code, no I/O at call time.

    extract_events(report) -> list[Event]      most salient event first

Modules, one step each: `lexicon` (trigger/actor/source words), `mentions` (find them),
`casualties` (tolls, number words, what not to count), `roles` (actor1/actor2), `events`
(segment, attach places and dates, merge, rank); `places`/`dates`/`gazetteer` resolve where
and when; `context` is the seam to them.
"""

from __future__ import annotations

from sitrep.records import Event, Report

__all__ = ["extract_events"]


def extract_events(report: Report) -> list[Event]:
    """Events of ``report`` in ACLED terms, ordered by salience (the first is the main event).

    Each event carries a stable ``event_id`` (report id + the event's signature: sub-event type,
    actors, place, date), so re-extracting a report yields the same ids; evidence spans are
    character offsets into ``title + "\\n" + text`` (just ``text`` when there is no title).
    A report with no violent event (accident, court ruling, diplomacy, analysis) yields ``[]``.
    """
    from processors.extract.events import extract

    return extract(report)
