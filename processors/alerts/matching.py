"""Does a canonical event meet a rule's ``when`` conditions? Pure functions, no state, no I/O."""

from __future__ import annotations

import math

from processors.alerts.rules import Conditions, Near
from sitrep.records import Event

EARTH_RADIUS_KM = 6371.0088


def matches(when: Conditions, event: Event) -> bool:
    """True when the event meets every condition given (a list condition is met by any of its items).

    Names compare case-insensitively. An event without coordinates never meets ``near``; an event
    without a toll never meets ``fatalities_at_least`` above zero.
    """
    if when.sub_event_type is not None and event.sub_event_type not in when.sub_event_type:
        return False
    if when.actor is not None and not _folded(when.actor) & _folded(actor_names(event)):
        return False
    if when.admin1 is not None:
        admin1 = event.location.admin1 if event.location else ""
        if admin1.casefold() not in _folded(when.admin1):
            return False
    if when.fatalities_at_least is not None and (event.fatalities or 0) < when.fatalities_at_least:
        return False
    if when.min_confidence is not None and event.confidence < when.min_confidence:
        return False
    if when.near is not None and not is_near(when.near, event):
        return False
    return True


def actor_names(event: Event) -> list[str]:
    """Every actor named on the event: the ACLED pair and the role-tagged list."""
    names = [event.actor1, event.actor2, *(actor.name for actor in event.actors)]
    return [name for name in names if name]


def is_near(near: Near, event: Event) -> bool:
    """True when the event's location lies within ``near.km`` of the rule's point."""
    location = event.location
    if location is None or location.lat is None or location.lon is None:
        return False
    return distance_km(near.lat, near.lon, location.lat, location.lon) <= near.km


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _folded(names: list[str]) -> set[str]:
    return {name.strip().casefold() for name in names}
