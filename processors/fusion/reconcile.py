"""How a canonical event absorbs a new report of it, and which toll it shows (pure functions).

**The fatalities rule** (documented for analysts; ACLED's conservative practice):

1. Each source keeps one figure, its latest: a later report (or a higher revision of the same
   report) from the same outlet replaces that outlet's earlier figure. A report that gives no
   number never erases a number the outlet gave before.
2. Figures coded by convention ("an unknown number", qualifier ``convention``) count only when no
   source gave a real number.
3. If a source *updates* the toll ("ارتفع عدد القتلى إلى 11", "the toll rose to 11", "new toll"),
   the most recent update is the event's figure: it supersedes every earlier count, from any outlet.
4. Otherwise, when outlets disagree, the lowest figure stands (the conservative reading).

``injured`` follows the same choice of figure when that figure has it, else the lowest given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from sitrep.records import Actor, Event, SourceFigure
from sitrep.textnorm import normalize_for_match

# On the matching form (normalize_for_match: folded Arabic, lower case).
_TOLL_UPDATE = re.compile(
    r"(?:ا|ي|ت)?رتف(?:ع|اع)\S*\s+(?:\S+\s+){0,3}?(?:عدد|حصيله|الحصيله|الي\s*\d)"
    r"|حصيله\s+(?:جديده|محدثه)|تحديث\s+(?:ل)?حصيله"
    r"|\b(?:rose|risen|rises|climbed|climbs|jumped|increased|mounted)\s+to\s+(?:at\s+least\s+)?\S+"
    r"|\b(?:bringing|raising|pushing)\s+the\s+(?:death\s+)?toll"
    r"|\b(?:new|updated|revised)\s+(?:death\s+)?toll"
)


def is_toll_update(event: Event) -> bool:
    """True when the event's sentence (``summary``) or toll evidence says its toll updates an
    earlier count ("ارتفع عدد القتلى إلى 11", "the toll rose to 11", "new toll")."""
    if event.fatalities is None:
        return False
    texts = [event.summary, *(e.text for e in event.evidence if e.field in ("fatalities", "toll"))]
    return any(_TOLL_UPDATE.search(normalize_for_match(text)) for text in texts if text)


def source_key(figure: SourceFigure) -> str:
    """Which outlet a figure belongs to (its report when the outlet is unknown)."""
    return figure.source or figure.report_id


def figure_of(event: Event, now: datetime, report_revision: int = 1) -> SourceFigure:
    """The figure an extracted event carries for its (first) source."""
    return SourceFigure(
        source=event.sources[0] if event.sources else "",
        report_id=event.report_ids[0] if event.report_ids else event.event_id,
        revision=report_revision,
        fatalities=event.fatalities,
        fatalities_qualifier=event.fatalities_qualifier,
        injured=event.injured,
        published_at=event.published_at or now,
    )


def _order(figure: SourceFigure) -> tuple[str, int, str]:
    # A later publication replaces (ties: the larger report id, so a replay cannot flip-flop); for
    # one report, a higher revision replaces (a replayed older revision never does).
    published = figure.published_at.isoformat() if figure.published_at else ""
    return (published, figure.revision, figure.report_id)


def add_figure(figures: list[SourceFigure], new: SourceFigure) -> list[SourceFigure]:
    """The figures with ``new`` merged in: one per source, its latest (rule 1)."""
    result: list[SourceFigure] = []
    placed = False
    for figure in figures:
        if source_key(figure) != source_key(new):
            result.append(figure)
            continue
        placed = True
        if figure.report_id == new.report_id:
            newer = new.revision >= figure.revision
        else:
            newer = _order(new) >= _order(figure)
        keeps_number = new.fatalities is None and figure.fatalities is not None
        result.append(new if newer and not keeps_number else figure)
    if not placed:
        result.append(new)
    return result


def reconcile(figures: Iterable[SourceFigure], updates: Iterable[str] = ()) -> SourceFigure | None:
    """The figure the canonical event shows (rules 2–4); ``updates`` are report ids that updated a toll."""
    counted = [f for f in figures if f.fatalities is not None]
    real = [f for f in counted if f.fatalities_qualifier != "convention"]
    counted = real or counted
    if not counted:
        return None
    update_ids = set(updates)
    updated = [f for f in counted if f.report_id in update_ids]
    if updated:
        return max(updated, key=lambda f: (_order(f), f.fatalities or 0))
    return min(counted, key=lambda f: (f.fatalities or 0, _order(f), f.report_id))


def _union(first: list[str], second: Iterable[str], limit: int | None = None) -> list[str]:
    result = list(first)
    for item in second:
        if item and item not in result and (limit is None or len(result) < limit):
            result.append(item)
    return result


def absorb(
    canonical: Event,
    event: Event,
    figures: list[SourceFigure],
    updates: list[str],
    now: datetime,
    *,
    max_evidence: int,
    max_urls: int,
) -> Event:
    """The canonical event after ``event`` (a new report of it) joined; ``figures`` are the
    per-source figures already including the new one. Fields are only ever filled or sharpened:
    the most precise place and date win, missing actors are filled in, lists are unions."""
    merged = canonical.model_copy()  # shallow: every field below is replaced, never mutated
    if event.location is not None and (
        merged.location is None or event.location.geo_precision < merged.location.geo_precision
    ):
        merged.location = event.location
    if event.date_precision < merged.date_precision:
        merged.event_date, merged.event_date_end = event.event_date, event.event_date_end
        merged.date_precision = event.date_precision
    if not merged.actor1 and event.actor1:
        merged.actor1 = event.actor1
    if not merged.actor2 and event.actor2:
        merged.actor2 = event.actor2
    known = {(a.name, a.role) for a in merged.actors}
    merged.actors = [*merged.actors, *(Actor(name=a.name, role=a.role) for a in event.actors
                                       if (a.name, a.role) not in known)]
    if not set(event.report_ids) <= set(merged.report_ids):  # evidence of a new report only
        room = max(max_evidence - len(merged.evidence), 0)
        merged.evidence = [*merged.evidence, *event.evidence[:room]]
    merged.report_ids = _union(merged.report_ids, event.report_ids)
    merged.sources = _union(merged.sources, event.sources)
    merged.urls = _union(merged.urls, event.urls, max_urls)
    merged.confidence = max(merged.confidence, event.confidence)
    if event.published_at and (merged.published_at is None or event.published_at < merged.published_at):
        merged.published_at = event.published_at
    apply_figures(merged, figures, updates)
    return merged


def apply_figures(event: Event, figures: list[SourceFigure], updates: list[str]) -> None:
    """Set the event's source figures and reconciled toll (in place, on a fresh copy)."""
    event.source_figures = sorted(figures, key=lambda f: (source_key(f), f.report_id))
    chosen = reconcile(figures, updates)
    event.fatalities = chosen.fatalities if chosen else None
    event.fatalities_qualifier = chosen.fatalities_qualifier if chosen else None
    injured = [f.injured for f in figures if f.injured is not None]
    if chosen is not None and chosen.injured is not None:
        event.injured = chosen.injured
    else:
        event.injured = min(injured) if injured else None

