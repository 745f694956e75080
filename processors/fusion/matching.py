"""Does an extracted event describe the same real-world event as a canonical one? (pure functions)

Four hard conditions, then a score:

- **what**: the same event type; sub-event types score by family (an air strike, shelling and a
  chemical attack, or a car bomb and a suicide bombing, are often confused across outlets: within a
  family the sub-event type weighs less than a wildly different toll); battles need the same
  sub-event type (a clash and the capture of a town are two ACLED events);
- **when**: date intervals overlap once widened by ``date_tolerance_days`` (±1), or
  ``range_tolerance_days`` when either side is a range or has a coarse date;
- **where**: the same place (gazetteer id, or a shared name in one province); never two
  provinces. Two distinct precise places (geo_precision 1) are two events unless within
  ``distance_km`` (1 km: practically one spot, a site at a town) or, when one is a provincial
  capital named alone ("Aleppo"), within ``city_distance_km`` (the city holds its quarters). A
  place *near* a town (precision 2) within ``coarse_distance_km`` of the other (``city_outskirts_km``
  when that town is a provincial capital, "outside Aleppo", except for battles), or the same admin2
  when it has no coordinates. A part of a province ("the eastern countryside of Deir ez-Zor", "the
  Homs desert") holds what lies within ``region_distance_km``; a province-level place (precision 3)
  holds its province. An unknown place is compatible but scores low. A province-level or unknown
  place, or a provincial capital named alone (a whole city) against a spot in it, needs the same day
  too, unless a date is loose (two weak agreements are not one event);
- **who**: actors overlap or are compatible: names are folded into blocs (the Syrian army, Russian
  jets and allied militias are one side for matching; so are the rebel factions and Turkey), an
  unknown side matches anything, disjoint known sides never meet. Battles naming two sides need
  the same pair; a fight between rebel factions is a pair of its own.

Two strikes killing the same number in different places or days therefore stay two events.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from processors.fusion.settings import FusionSettings
from sitrep.records import Event, Location
from sitrep.textnorm import normalize_for_match

# Sub-event families: members are often confused from one outlet to the next.
_FAMILIES: dict[str, str] = {
    "Air/drone strike": "bombardment",
    "Shelling/artillery/missile attack": "bombardment",
    "Chemical weapon": "bombardment",
    "Remote explosive/landmine/IED": "explosion",
    "Suicide bomb": "explosion",
    "Grenade": "explosion",
    "Peaceful protest": "protest",
    "Protest with intervention": "protest",
    "Excessive force against protesters": "protest",
    "Violent demonstration": "riot",
    "Mob violence": "riot",
}

# Actor blocs by keywords of the (lower-cased) canonical name; first match wins.
_BLOCS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("unknown", ("unidentified", "unknown")),
    ("civilians", ("civilian",)),
    ("islamic state", ("islamic state", "isis", "isil", "daesh", "khalid ibn al walid")),
    ("iraq", ("of iraq", "popular mobilization", "peshmerga")),
    ("israel", ("israel",)),
    ("kdpi", ("kdpi", "democratic party of iran")),
    ("government", ("forces of syria", "pro government", "russia", "iran", "hezbollah", "allied syrian",
                    "national defence", "national defense")),
    ("sdf", ("syrian democratic", "ypg", "ypj", "asayish", "coalition", "united states", "sdf", "pkk")),
    ("opposition", ("opposition", "rebel", "tahrir al sham", "nusra", "fateh al sham", "jaysh", "jaish",
                    "faylaq", "rahman corps", "ahrar", "al sham", "national army", "of turkey", "free syrian",
                    "national liberation front", "islamist militia", "lions of the east", "sultan murad")),
)
_SUFFIX = re.compile(r"\s*\((?:\d{4}-\d{0,4}|syria|iraq|international)\)\s*$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def actor_bloc(name: str) -> str:
    """The side an actor name stands for in matching ('' for none)."""
    folded = _SUFFIX.sub("", name).strip().lower().replace("-", " ")
    if not folded:
        return ""
    for bloc, words in _BLOCS:
        if any(word in folded for word in words):
            return bloc
    return folded


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@lru_cache(maxsize=65536)
def _fold(name: str) -> str:
    return normalize_for_match(_SUFFIX.sub("", name)).replace("-", " ").replace("'", "")


@dataclass(frozen=True)
class Place:
    """What matching needs of a location: folded names, admin areas, coordinates, precision."""

    names: frozenset[str]
    gazetteer_id: str
    admin1: str
    admin2: str
    lat: float | None
    lon: float | None
    precision: int
    city: bool = False  # a provincial capital named alone: the whole city, not one spot in it
    region: bool = False  # part of a province ("eastern Deir ez-Zor countryside", "Homs desert")

    @classmethod
    def of(cls, location: Location) -> Place:
        return cls(
            names=frozenset(_fold(n) for n in (location.name, location.name_ar) if n),
            gazetteer_id=location.gazetteer_id,
            admin1=_fold(location.admin1),
            admin2=_fold(location.admin2),
            lat=location.lat,
            lon=location.lon,
            precision=location.geo_precision,
            city=bool(location.admin1) and _fold(location.name) == _fold(location.admin1),
            region=location.geo_precision == 2
            and (not location.admin2 or location.gazetteer_id.startswith("sitrep:")),
        )


@dataclass(frozen=True)
class Profile:
    """The matching view of an event: small, JSON-able, stored beside each canonical event."""

    event_type: str
    sub_event_type: str
    start: date
    end: date
    loose: bool
    place: Place | None
    blocs: frozenset[str]
    names: frozenset[str]
    fatalities: int | None
    sides: frozenset[str] = frozenset()  # blocs of actor1 and actor2 alone

    @classmethod
    def of(cls, event: Event) -> Profile:
        """Profile of an event."""
        start, end = interval(event)
        names = {event.actor1, event.actor2}
        names.update(a.name for a in event.actors if a.role in _SIDE_ROLES)
        blocs: set[str] = set()
        folded: set[str] = set()
        for name in names:
            bloc = actor_bloc(name)
            if bloc and bloc not in ("unknown", "civilians"):
                blocs.add(bloc)
                folded.add(_SUFFIX.sub("", name).strip().lower())
        return cls(
            event_type=event.event_type,
            sub_event_type=event.sub_event_type,
            start=start,
            end=end,
            loose=end != start or event.date_precision > 1,
            place=Place.of(event.location) if event.location else None,
            blocs=frozenset(blocs),
            names=frozenset(folded),
            fatalities=event.fatalities,
            sides=_battle_sides(event),
        )

    def to_json(self) -> list[Any]:
        """Compact JSON form (a list) for the store."""
        place = self.place
        return [
            self.event_type, self.sub_event_type, self.start.isoformat(), self.end.isoformat(),
            self.loose,
            None if place is None else [sorted(place.names), place.gazetteer_id, place.admin1, place.admin2,
                                        place.lat, place.lon, place.precision, place.city, place.region],
            sorted(self.blocs), sorted(self.names), self.fatalities, sorted(self.sides),
        ]

    @classmethod
    def from_json(cls, value: list[Any]) -> Profile:
        """Inverse of :meth:`to_json`."""
        place = value[5]
        return cls(
            event_type=value[0],
            sub_event_type=value[1],
            start=date.fromisoformat(value[2]),
            end=date.fromisoformat(value[3]),
            loose=bool(value[4]),
            place=None if place is None else Place(frozenset(place[0]), place[1], place[2], place[3],
                                                   place[4], place[5], place[6], bool(place[7]),
                                                   bool(place[8])),
            blocs=frozenset(value[6]),
            names=frozenset(value[7]),
            fatalities=value[8],
            sides=frozenset(value[9]),
        )


_SIDE_ROLES = ("actor1", "actor2", "assoc_actor1", "assoc_actor2")
_INFIGHTING = ("opposition",)  # blocs whose members fight each other


def _known(blocs: Iterable[str]) -> frozenset[str]:
    return frozenset(b for b in blocs if b and b not in ("unknown", "civilians"))


def _battle_sides(event: Event) -> frozenset[str]:
    """Blocs of actor1 and actor2. In a battle with one side placed, the other is the one other
    armed actor the report mentions, when there is exactly one. A battle between two rebel factions
    is its own pair: it never meets the rebels' battle against another side. (Two actors of another
    bloc in one battle are allies listed together, "the Syrian army and Russian forces", far more
    often than enemies.)"""
    one, two = actor_bloc(event.actor1), actor_bloc(event.actor2)
    sides = _known((one, two))
    if event.event_type == "Battles" and one == two in _INFIGHTING:
        return sides | {f"{one} vs {one}"}  # rebel factions fighting each other: a pair of its own
    if event.event_type == "Battles" and len(sides) == 1:
        others = _known(actor_bloc(a.name) for a in event.actors if a.role == "mentioned") - sides
        if len(others) == 1:
            sides = sides | others
    return sides


def interval(event: Event) -> tuple[date, date]:
    """First and last day of an event."""
    end = event.event_date_end or event.event_date
    return (event.event_date, end) if end >= event.event_date else (end, event.event_date)


def date_tolerance(a: Profile, b: Profile, settings: FusionSettings) -> int:
    """± days allowed between two events: wider when either is a range or has a coarse date."""
    return settings.range_tolerance_days if (a.loose or b.loose) else settings.date_tolerance_days


def _same_place(a: Place, b: Place) -> bool:
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return True
    if (a.precision >= 3) != (b.precision >= 3):  # the province "Hama" is not the city of Hama
        return False
    return bool(a.names & b.names) and (not a.admin1 or not b.admin1 or a.admin1 == b.admin1)


def place_score(a: Place | None, b: Place | None, settings: FusionSettings, *, outskirts: bool = True) -> float | None:
    """How well two places agree (0..1), or None when they cannot be the same event's place. ``outskirts``:
    whether "outside Aleppo" may hold a spot on the city's edge (not for battles: the front lines around a
    city are many fights)."""
    if a is None or b is None:
        return MISSING_PLACE_SCORE
    if _same_place(a, b):
        return 1.0
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return None
    distance = None
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        distance = haversine_km(a.lat, a.lon, b.lat, b.lon)
    coarse = max(a.precision, b.precision)
    if a.region or b.region:  # a part of a province holds what lies in it
        if distance is not None and distance > settings.region_distance_km:
            return None
        return 0.5 if a.admin1 and b.admin1 else MISSING_PLACE_SCORE
    if coarse == 1:
        reach = settings.city_distance_km if (a.city or b.city) else settings.distance_km
        if distance is not None and distance <= reach:
            return 0.8 - 0.3 * distance / reach
        return None
    if coarse == 3:  # a province-level place contains anything in its province
        return PROVINCE_SCORE if a.admin1 and b.admin1 else MISSING_PLACE_SCORE
    if distance is not None:  # two named places "near" each other: the distance decides
        reach = settings.coarse_distance_km
        if outskirts and any(p.city and p.precision == 2 for p in (a, b)):  # "outside Aleppo": its edge
            reach = max(reach, settings.city_outskirts_km)
        if distance > reach:
            return None
        return 0.7 - 0.2 * distance / reach
    if a.admin2 and b.admin2:  # a district-level place (no coordinates) holds what lies in it
        return 0.6 if a.admin2 == b.admin2 else None
    return 0.4 if a.admin1 and b.admin1 else MISSING_PLACE_SCORE


MISSING_PLACE_SCORE = 0.15
PROVINCE_SCORE = 0.45  # a province-level place holding another in its province


def contained_only(a: Place | None, b: Place | None) -> bool:
    """Whether two compatible places agree only because one is province-level or unknown, or one is a
    provincial capital named alone and the other a spot in that city (a whole city and one quarter of
    it are not evidence of one event across days), rather than because they are the same place, lie
    near each other or one is a smaller part of a province."""
    if a is None or b is None:
        return True
    if _same_place(a, b):
        return False
    if any(p.precision >= 3 for p in (a, b)):
        return True
    return (a.city and b.precision == 1) or (b.city and a.precision == 1)


def actor_score(a: Profile, b: Profile) -> float | None:
    """How well two events' actors agree (0..1), or None when their known sides are disjoint
    (or, for battles, when both events name two sides and the pairs differ)."""
    if not a.blocs or not b.blocs:
        return 0.5
    if not a.blocs & b.blocs:
        return None
    if a.event_type == "Battles" and len(a.sides) == 2 and len(b.sides) == 2 and a.sides != b.sides:
        return None
    score = 0.8 if (a.blocs <= b.blocs or b.blocs <= a.blocs) else 0.5
    if a.names & b.names:
        score += 0.2
    return min(score, 1.0)


# Two sub-event types of one family: a little below the same type, so that a wildly different toll
# (fatalities_adjustment, -0.05) outweighs it when an event has to choose between two candidates.
FAMILY_SCORE = 0.85


def type_score(a: Profile, b: Profile) -> float | None:
    """Sub-event agreement (0..1), None across event types."""
    if a.event_type != b.event_type:
        return None
    if a.sub_event_type == b.sub_event_type:
        return 1.0
    if a.event_type == "Battles":  # a clash and a change of territory are two ACLED events
        return None
    family_a, family_b = _FAMILIES.get(a.sub_event_type), _FAMILIES.get(b.sub_event_type)
    if family_a is not None and family_a == family_b:
        return FAMILY_SCORE
    return 0.3


def date_score(a: Profile, b: Profile, settings: FusionSettings) -> float | None:
    """Date agreement (0..1), None when further apart than the tolerance."""
    gap = max((b.start - a.end).days, (a.start - b.end).days, 0)
    tolerance = date_tolerance(a, b, settings)
    if gap > tolerance:
        return None
    return 1.0 if gap == 0 else 0.8 - 0.3 * (gap - 1) / max(tolerance, 1)


def fatalities_adjustment(a: Profile, b: Profile) -> float:
    """A nudge from the tolls: equal numbers agree a little; wildly different ones disagree a little."""
    if a.fatalities is None or b.fatalities is None:
        return 0.0
    if a.fatalities == b.fatalities:
        return 0.05
    low, high = sorted((a.fatalities, b.fatalities))
    return -0.05 if high > 3 * max(low, 1) and high - low > 5 else 0.0


@dataclass(frozen=True)
class MatchScore:
    """Parts of a match score; ``total`` is None when a hard condition fails."""

    total: float | None
    what: float | None = None
    when: float | None = None
    where: float | None = None
    who: float | None = None


WEIGHTS = {"what": 0.25, "when": 0.2, "where": 0.35, "who": 0.2}


def match_score(event: Profile, canonical: Profile, settings: FusionSettings) -> MatchScore:
    """Score of ``event`` against ``canonical``: None total when they cannot be one event."""
    what = type_score(event, canonical)
    when = date_score(event, canonical, settings) if what is not None else None
    where = (
        place_score(event.place, canonical.place, settings,
                    outskirts="Battles" not in (event.event_type, canonical.event_type))
        if when is not None else None
    )
    if where is not None and when is not None and when < 1.0 and not (event.loose or canonical.loose) \
            and contained_only(event.place, canonical.place):
        where = None  # a vague place and another day: too little in common
    who = actor_score(event, canonical) if where is not None else None
    if what is None or when is None or where is None or who is None:
        return MatchScore(None, what, when, where, who)
    total = (
        WEIGHTS["what"] * what + WEIGHTS["when"] * when + WEIGHTS["where"] * where + WEIGHTS["who"] * who
        + fatalities_adjustment(event, canonical)
    )
    return MatchScore(round(total, 6), what, when, where, who)


def index_days(profile: Profile, settings: FusionSettings) -> list[date]:
    """Days a canonical event is indexed under: its interval, widened for a loose one so that a
    precise event looking only ±``date_tolerance_days`` around itself still finds it."""
    widen = settings.range_tolerance_days - settings.date_tolerance_days if profile.loose else 0
    return _days(profile.start, profile.end, max(widen, 0), settings)


def search_days(profile: Profile, settings: FusionSettings) -> list[date]:
    """Days to look up for candidates of an incoming event."""
    widen = settings.range_tolerance_days if profile.loose else settings.date_tolerance_days
    return _days(profile.start, profile.end, widen, settings)


def _days(start: date, end: date, widen: int, settings: FusionSettings) -> list[date]:
    span = min((end - start).days, settings.max_event_range_days)
    first = start - timedelta(days=widen)
    return [first + timedelta(days=i) for i in range(span + 2 * widen + 1)]
