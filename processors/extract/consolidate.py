"""One report, one event told once: merge the retellings of an event within a report (issue #5).

A wire story tells its main event in the lead ("a car bomb hit a market outside Hama, killing 30"),
then again further down with its toll, place or type put another way ("the blast in the market
district", "the suicide bomber"). Extraction reads each telling as an event; fusion keeps one report's
events apart, so other outlets' reports of that event split between the siblings. ACLED codes one
event. An event *retells* an earlier (more salient) event of the same report when:

- its sub-event type is the same, or of one family (:data:`FAMILY`: a bombing and a suicide bombing)
  where one of the two was typed by a word naming no means ("the blast", "the bombing", "التفجير");
  an attack by no one named counting no more dead than a strike or bombing is that event's toll told
  again. Air strikes, shelling and gas attacks stay apart: reports and ACLED tell them as separate
  events even at one place and day;
- its days overlap the earlier event's (or lie a day apart where one of the two dates was not stated, or was
  only the day a source spoke: "..., a monitor said on Sunday"; or where the retelling names the incident as
  told before, "the blast", "Saturday's bombing", whose sentence may date something else);
- its place is the same, or one contains the other (:func:`contains`: a town in its governorate or
  countryside, a spot in a city), or one of the two places was only named as where people came
  from (``loose_places``: evacuees' home towns, see ``events._origin_place``);
- its sides are compatible (an unknown side meets any; named sides must be one side);
- its sentence does not set it apart ("another", "a second", "separate", "أخرى").

The merged event keeps the earlier event's position, the more specific place and type, its own stated
toll (else the retelling's: tolls of retellings are never summed), its stated day (a day only said yields
to the retelling's stated day) and both events' evidence.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Final

from processors.extract.fastre import for_text
from processors.extract.gazetteer import GazetteerEntry, distance_km, load_gazetteer
from processors.extract.roles import same_side
from sitrep.ids import stable_id
from sitrep.records import SUB_EVENT_TYPES, Actor, Event, Location

FAMILY: Final = {
    "Air/drone strike": "air",
    "Shelling/artillery/missile attack": "shelling",
    "Chemical weapon": "chemical",
    "Remote explosive/landmine/IED": "bomb",
    "Suicide bomb": "bomb",
    "Armed clash": "clash",
    "Attack": "attack",
}
_UNKNOWN: Final = {"", "Unidentified Armed Group"}
CITY_KM: Final = 12.0  # a spot told as "in" or "outside" a city lies within this of its centre
COUNTRYSIDE_KM: Final = 50.0  # a village of "the northern countryside" lies within this of that countryside's point
# A sentence that tells another incident of the same kind: "another strike", "a second blast", "ضربة أخرى".
_ANOTHER: Final = re.compile(
    r"\b(?:another|a (?:second|third|fourth)|separate(?:ly)?|elsewhere)\b|"
    r"(?<!\w)[وفبل]?(?:ال)?(?:[اأإآ]خر[ىي]|[اأإآ]خر|منفصل[ةه]?)(?!\w)",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _entries() -> dict[str, GazetteerEntry]:
    return {entry.gazetteer_id: entry for entry in load_gazetteer().entries}


def _kind(location: Location) -> str:
    entry = _entries().get(location.gazetteer_id)
    if entry is not None:
        return entry.kind
    return "admin1" if location.geo_precision == 3 else "region" if location.geo_precision == 2 else "town"


def contains(outer: Location, inner: Location) -> bool:
    """Whether ``inner`` lies in ``outer``: a place in its governorate, a town or village (not a city) in
    that side of its governorate's countryside, a neighbourhood or site within a few km of a city's centre."""
    if outer.name == inner.name or outer.country != inner.country or outer.admin1 != inner.admin1:
        return False
    outer_kind, inner_kind = _kind(outer), _kind(inner)
    if outer_kind == "admin1":
        return inner_kind != "admin1"
    if outer.lat is None or outer.lon is None or inner.lat is None or inner.lon is None:
        return False
    km = distance_km(outer.lat, outer.lon, inner.lat, inner.lon)
    if outer_kind == "region" and outer.gazetteer_id.startswith("sitrep:countryside:"):
        return inner_kind not in ("admin1", "region", "city") and km <= COUNTRYSIDE_KM
    if outer_kind == "city" and inner_kind not in ("admin1", "city"):
        return km <= CITY_KM and _spot(inner)  # a neighbourhood, not a town of its own beside the city
    return False


def _spot(location: Location) -> bool:
    """A site, or a place the gazetteer knows no population of (its neighbourhoods and landmarks); towns
    and villages with a population of their own ("Harasta" beside "Duma") are places of their own."""
    entry = _entries().get(location.gazetteer_id)
    return entry is None or entry.kind == "site" or entry.population == 0


def _places_meet(a: Event, b: Event, loose: set[str]) -> bool:
    if a.location is None or b.location is None or a.event_id in loose or b.event_id in loose:
        return True
    return a.location.name == b.location.name or contains(a.location, b.location) or contains(b.location, a.location)


# A full calendar date ("16 Apr 2017", "April 16, 2017", "2017-04-16"): on the report's own day, its dateline.
_FULL_DATE: Final = re.compile(r"\b(?:19|20)\d\d\b")


def _stated_date(event: Event) -> bool:
    """Whether the text states the event's day ("on Saturday", "يوم الخميس"), not only the report's dateline."""
    published = event.published_at.date() if event.published_at is not None else None
    return any(
        ev.field == "event_date" and not (event.event_date == published and _FULL_DATE.search(ev.text))
        for ev in event.evidence
    )


def _days_meet(a: Event, b: Event, said: set[str], anaphora: bool = False) -> bool:
    a0, a1 = a.event_date, a.event_date_end or a.event_date
    b0, b1 = b.event_date, b.event_date_end or b.event_date
    if ((a1 - a0).days >= 2) != ((b1 - b0).days >= 2):
        return False  # "earlier this week" beside "on Saturday": a span of days is not that day
    if a0 <= b1 and b0 <= a1:
        return True
    gap = (b0 - a1) if b0 > a1 else (a0 - b1)
    return gap <= timedelta(days=1) and (anaphora or not (_stated(a, said) and _stated(b, said)))


def _stated(event: Event, said: set[str] | frozenset[str]) -> bool:
    """A stated day other than only the day a source spoke (``said_dates``: "..., a monitor said on Sunday")."""
    return _stated_date(event) and event.event_id not in said


def _side_meets(x: str, y: str) -> bool:
    return x == y or x in _UNKNOWN or y in _UNKNOWN or same_side(x, y)


def _sides_meet(a: Event, b: Event) -> bool:
    victims = (
        a.actor2 == b.actor2
        or not a.actor2
        or not b.actor2
        or "Civilians" in (a.actor2, b.actor2)
        or same_side(a.actor2, b.actor2)
    )
    if _side_meets(a.actor1, b.actor1) and victims:
        return True
    if a.sub_event_type != "Armed clash":
        return False
    # a clash told from the other side ("A fought B", then "B attacked A"), or with one side left unnamed
    pair_a, pair_b = {a.actor1, a.actor2} - _UNKNOWN, {b.actor1, b.actor2} - _UNKNOWN
    return pair_a <= pair_b or pair_b <= pair_a


# Words that name one bombing without its means: "the blast", "the attack", "التفجير", "الانفجار" (plurals
# such as "explosions" may count several). A telling so worded takes the type the other telling names.
_GENERIC_WORD: Final = re.compile(
    r"^\W*(?:the |a |an |deadly )?(?:bomb|bombing|blast|explosion|exploded|detonat\w*|attack|attacked|bombed)\W*$|"
    r"^\W*[وفبل]?(?:ال)?(?:تفجير|انفجار|انفجرت|انفجر|هجوم|استهداف)\W*$",
    re.IGNORECASE,
)


def _generic(event: Event) -> bool:
    """Whether every word that typed the event names no means (see ``_GENERIC_WORD``)."""
    words = [ev.text for ev in event.evidence if ev.field == "sub_event_type"]
    return bool(words) and all(_GENERIC_WORD.match(w) for w in words)


def definite_generic(event: Event) -> bool:
    """Whether the event was told as "the blast", "the attack" (English): the incident told before, whose
    day its sentence may place a day off ("the blast hit buses that had left their town on Friday")."""
    if event.language != "en" or not _generic(event):
        return False
    words = [ev.text.lower() for ev in event.evidence if ev.field == "sub_event_type"]
    summary = event.summary.lower()
    return any(re.search(rf"{_DEFINITE}(?:[\w-]+ )?{re.escape(w.strip())}\b", summary) for w in words)


# "the blast", "this attack", "Saturday's bombing" (also with the apostrophe dropped: "Saturdays bombing").
_DEFINITE: Final = r"\b(?:the|this|that|[\w-]+'s|(?:mon|tues|wednes|thurs|fri|satur|sun)days?) "


def _typed(main: Event, other: Event) -> str:
    """The merged event's type: the one a specific word named (a generic retelling takes the other's)."""
    if main.sub_event_type == other.sub_event_type or FAMILY.get(main.sub_event_type) != FAMILY.get(
        other.sub_event_type
    ):
        return main.sub_event_type
    return other.sub_event_type if _generic(main) and not _generic(other) else main.sub_event_type


def _bare_toll(event: Event, main: Event) -> bool:
    """An attack by no one named ("18 people were killed") beside a strike or bombing of the same place and
    day, counting no more dead than it: the strike's or bombing's dead told again."""
    return (
        event.sub_event_type == "Attack"
        and event.actor1 in _UNKNOWN
        and FAMILY.get(main.sub_event_type) in ("air", "shelling", "chemical", "bomb")
        and (event.fatalities is None or (main.fatalities is not None and event.fatalities <= main.fatalities))
    )


def retells(
    event: Event,
    main: Event,
    loose_places: set[str] | frozenset[str] = frozenset(),
    said_dates: set[str] | frozenset[str] = frozenset(),
) -> bool:
    """Whether ``event`` (told later in the report) retells ``main`` (see the module docstring)."""
    family = FAMILY.get(event.sub_event_type)
    if family is None or family != FAMILY.get(main.sub_event_type):
        if not _bare_toll(event, main):
            return False
    elif event.sub_event_type != main.sub_event_type and not (_generic(event) or _generic(main)):
        return False  # "air strikes and shelling hit X", "a suicide bomber and a roadside bomb": two events
    if for_text(_ANOTHER, event.summary).search(event.summary):
        return False
    anaphora = definite_generic(event)
    return (
        _days_meet(event, main, set(said_dates), anaphora)
        and _places_meet(event, main, set(loose_places))
        and _sides_meet(event, main)
    )


def _merged(main: Event, other: Event, loose: set[str], said: set[str]) -> Event:
    update: dict = {}
    sub_event_type = _typed(main, other)
    update["sub_event_type"] = sub_event_type
    update["event_type"] = SUB_EVENT_TYPES[sub_event_type]
    location, others = main.location, list(main.other_locations)
    if other.location is not None and (
        location is None
        or (main.event_id in loose and other.event_id not in loose)
        or (other.event_id not in loose and contains(location, other.location))
    ):
        if location is not None:
            others.insert(0, location)
        location = other.location
    for place in ([other.location] if other.location is not None else []) + other.other_locations:
        if (location is None or place.name != location.name) and place.name not in {o.name for o in others}:
            others.append(place)
    update["location"], update["other_locations"] = location, others
    actor1, actor2 = main.actor1, main.actor2
    if actor1 in _UNKNOWN and other.actor1 not in _UNKNOWN and other.actor1 != actor2:
        actor1 = other.actor1
    if not actor2 and other.actor2 and other.actor2 != actor1:
        actor2 = other.actor2
    update["actor1"], update["actor2"] = actor1, actor2
    actors = [Actor(name=actor1, role="actor1")] if actor1 else []
    actors += [Actor(name=actor2, role="actor2")] if actor2 else []
    named = {actor1, actor2}
    for actor in main.actors + other.actors:
        if actor.role in ("actor1", "actor2") or actor.name in named:
            continue
        named.add(actor.name)
        actors.append(actor)
    update["actors"] = actors
    if main.fatalities is None and other.fatalities is not None:  # the main telling's own toll stands
        update["fatalities"], update["fatalities_qualifier"] = other.fatalities, other.fatalities_qualifier
    if main.injured is None and other.injured is not None:
        update["injured"] = other.injured
    if _stated(other, said) and not _stated(main, said) and (
        not _stated_date(main) or other.event_date <= main.event_date  # what was said happened before
    ):
        update["event_date"], update["event_date_end"] = other.event_date, other.event_date_end
        update["date_precision"] = other.date_precision
    # Evidence backs the merged fields: the retelling's toll spans only where its toll was taken.
    told = {"fatalities": "fatalities" in update, "injured": "injured" in update}
    update["evidence"] = main.evidence + [
        ev for ev in other.evidence if ev not in main.evidence and told.get(ev.field, True)
    ]
    update["confidence"] = max(main.confidence, other.confidence)
    merged = main.model_copy(update=update)
    if (
        merged.sub_event_type,
        merged.actor1,
        merged.actor2,
        merged.location.name if merged.location else "",
        merged.event_date,
    ) != (main.sub_event_type, main.actor1, main.actor2, main.location.name if main.location else "", main.event_date):
        report_id = main.report_ids[0] if main.report_ids else ""
        event_date: date = merged.event_date
        merged = merged.model_copy(
            update={
                "event_id": stable_id(
                    "event",
                    report_id,
                    merged.sub_event_type,
                    merged.actor1,
                    merged.actor2,
                    merged.location.name if merged.location else "",
                    event_date.isoformat(),
                )
            }
        )
    return merged


def merge_retellings(
    events: list[Event],
    loose_places: set[str] | frozenset[str] = frozenset(),
    said_dates: set[str] | frozenset[str] = frozenset(),
) -> list[Event]:
    """Events of one report, most salient first, with each retelling folded into the first event it
    retells (see the module docstring). ``loose_places``: ids of events whose place was named only as
    where people came from; such a place yields to the other event's. ``said_dates``: ids of events whose
    date is only the day a source spoke ("..., a monitor said on Sunday"); such a date yields to the day
    another telling states ("Saturday's blast")."""
    loose, said = set(loose_places), set(said_dates)
    kept: list[Event] = []
    for event in events:
        index = next((i for i, main in enumerate(kept) if retells(event, main, loose, said)), None)
        if index is None:
            kept.append(event)
            continue
        main = kept[index]
        merged = _merged(main, event, loose, said)
        if main.event_id in loose and merged.location == main.location:
            loose.add(merged.event_id)  # still placed where people came from
        if main.event_id in said and merged.event_date == main.event_date:
            said.add(merged.event_id)  # still dated by the day a source spoke
        kept[index] = merged
    return kept
