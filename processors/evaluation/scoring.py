"""Shared scoring helpers: actor-name canonicalization for labels, place matching, F1."""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from datetime import date, timedelta
from typing import Any

from sitrep.records import Event

# ACLED label names -> our canonical names (labels only; extraction never sees these).
_ACLED_PREFIXES: tuple[tuple[str, str], ...] = (
    ("Military Forces of Syria", "Military Forces of Syria"),
    ("Police Forces of Syria", "Military Forces of Syria"),
    ("Mutiny of", ""),
    ("Islamic State", "Islamic State"),
    ("QSD:", "Syrian Democratic Forces"),
    ("YPG:", "YPG"),
    ("HTS:", "Hayat Tahrir al-Sham"),
    ("Jabhat Fateh al Sham", "Jabhat al-Nusra"),
    ("Jabhat al Nusra", "Jabhat al-Nusra"),
    ("AAS:", "Ahrar al-Sham"),
    ("FaR:", "Faylaq al-Rahman"),
    ("Jaysh al Islam", "Jaysh al-Islam"),
    ("JTW: National Liberation Front", "National Liberation Front"),
    ("Opposition Rebels", "Opposition Rebels"),
    ("Islamist Militia", "Opposition Rebels"),
    ("Islamist Rebels", "Opposition Rebels"),
    ("JSH: Free Syrian Army", "Opposition Rebels"),
    ("Operation Peace Spring", "Syrian National Army"),
    ("Operation Olive Branch", "Syrian National Army"),
    ("Operation Euphrates Shield", "Syrian National Army"),
    ("JWS: Syrian National Army", "Syrian National Army"),
    ("Military Forces of Turkey", "Military Forces of Turkey"),
    ("Militia (Pro-Government)", "Militia (Pro-Government)"),
    ("Militia (Pro-Iran)", "Militia (Pro-Government)"),
    ("QDW: National Defence Forces", "Militia (Pro-Government)"),
    ("Fatemiyoun", "Militia (Pro-Government)"),
    ("LaQ: Quds Brigade", "Militia (Pro-Government)"),
    ("Hezbollah", "Hezbollah"),
    ("Military Forces of Russia", "Military Forces of Russia"),
    ("Military Forces of Iran", "Military Forces of Iran"),
    ("Military Forces of Israel", "Military Forces of Israel"),
    ("Military Forces of the United States", "Military Forces of the United States"),
    ("Global Coalition Against Daesh", "Coalition"),
    ("Unidentified Armed Group", "Unidentified Armed Group"),
    ("Asayish", "Asayish"),
    ("Civilians", "Civilians"),
    ("Pro-regime militias", "Militia (Pro-Government)"),
)


def canonical_label_actor(name: str) -> str:
    """Our canonical name for an actor as a label names it ("" when it names none)."""
    name = name.strip()
    if not name:
        return ""
    for prefix, canonical in _ACLED_PREFIXES:
        if name.startswith(prefix):
            return canonical or name
    return re.sub(r"\s*\(.*?\)\s*$", "", name)


def f1(predicted: set[str], gold: set[str]) -> float:
    """F1 of two sets (1.0 when both are empty)."""
    predicted, gold = {p for p in predicted if p}, {g for g in gold if g}
    if not predicted and not gold:
        return 1.0
    if not predicted or not gold:
        return 0.0
    hit = len(predicted & gold)
    if hit == 0:
        return 0.0
    precision, recall = hit / len(predicted), hit / len(gold)
    return 2 * precision * recall / (precision + recall)


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def place_key(name: str) -> str:
    """Loose Latin key of a place name: no accents, articles, hyphens or case."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"\b(?:al|el|ad|ar|as|at|ash|az|an|governorate|city|province)\b[- ]?", "", text)
    return re.sub(r"[^a-z\u0600-\u06ff]", "", text)


def same_place(a: str, b: str) -> bool:
    """True when two place names plausibly name one place (spelling variants allowed)."""
    ka, kb = place_key(a), place_key(b)
    if not ka or not kb:
        return False
    return ka == kb or difflib.SequenceMatcher(None, ka, kb).ratio() >= 0.75


def place_ok(event: Event, label: dict[str, Any]) -> bool:
    """The event's place (or one of its other places) is the labelled place, else its admin1 is."""
    if event.location is None:
        return False
    names = [event.location.name] + [loc.name for loc in event.other_locations]
    if label.get("place") and any(same_place(n, label["place"]) for n in names):
        return True
    return bool(label.get("admin1")) and same_place(
        event.location.admin1 or event.location.name, label["admin1"]
    )


def date_ok(event: Event, label: dict[str, Any]) -> bool:
    """The labelled day lies within the event's dates, give or take a day."""
    day = date.fromisoformat(label["date"])
    end = event.event_date_end or event.event_date
    return event.event_date - timedelta(days=1) <= day <= end + timedelta(days=1)
