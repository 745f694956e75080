"""Canonical events out of sitrep, in the shapes analysts load elsewhere: ACLED-style CSV, GeoJSON, JSON lines.

    event_from_document(doc) -> Event           an indexed event document back into the wire record
    events_from_lines(lines) -> Iterator[Event]  `sitrep fuse` output (Event lines) or `sitrep extract`
                                                 output (``{"id", "events": [...]}`` lines)
    acled_row(event) -> dict[str, str]           one CSV row, ACLED's column names first
    write_csv / write_geojson / write_jsonl      stream events to a text file
    indexed_events(es, settings, ...)            page through the events index (search_after)

The CSV starts with ACLED's own columns (``event_id_cnty``, ``event_date``, ``event_type`` ...
``fatalities``) so a sheet or script built for ACLED exports reads it unchanged, then sitrep's extras
(injured, the toll's qualifier, confidence, report ids, urls). ``time_precision`` is ACLED's code (1 day,
2 week, 3 month) and ``geo_precision`` too (1 town, 2 near a town or part of a region, 3 province).
A cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return first) is
prefixed with ``'``: news text is third-party input.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import IO, Any

from pydantic import ValidationError

from sinks.errors import ExportError
from sitrep.records import Event, Location

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "admin2", "location",
    "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
)
EXTRA_COLUMNS = (
    "event_date_end", "injured", "fatalities_qualifier", "confidence", "language", "location_ar",
    "other_locations", "report_ids", "urls", "published_at", "updated_at", "revision",
)
COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Fields event_document adds for search that are not part of the record.
_DERIVED = {"actor_names", "summary_norm", "place_norm", "timestamp", "place", "location", "other_locations"}


def event_from_document(doc: dict[str, Any]) -> Event:
    """An event document of the events index (``sinks.documents.event_document``) as an Event."""
    fields = {k: v for k, v in doc.items() if k not in _DERIVED}
    place = doc.get("place")
    if place:
        point = doc.get("location") or {}
        fields["location"] = Location(**place, lat=point.get("lat"), lon=point.get("lon"))
    others = []
    for other in doc.get("other_locations") or []:
        point = other.get("location") or {}
        others.append(Location(**{k: v for k, v in other.items() if k != "location"},
                               lat=point.get("lat"), lon=point.get("lon")))
    fields["other_locations"] = others
    return Event.model_validate(fields)


def events_from_lines(lines: Iterable[str], name: str = "input") -> Iterator[Event]:
    """Events of JSON lines: canonical events (``sitrep fuse``) or per-report lists (``sitrep extract``)."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("a line must be a JSON object")
            if "events" in item and "event_id" not in item:  # sitrep extract: {"id", "language", "events"}
                yield from (Event.model_validate(e) for e in item["events"])
            else:
                yield Event.model_validate(item)
        except (ValueError, ValidationError) as exc:
            reason = str(exc).splitlines()[0]
            raise ExportError(f"{name}:{number}: not an event line ({reason})") from None


def acled_row(event: Event) -> dict[str, str]:
    """One CSV row: ACLED's columns, then sitrep's."""
    loc = event.location
    assoc = {role: "; ".join(a.name for a in event.actors if a.role == role) for role in ("assoc_actor1",
                                                                                          "assoc_actor2")}
    row: dict[str, Any] = {
        "event_id_cnty": event.event_id,
        "event_date": event.event_date.isoformat(),
        "year": event.event_date.year,
        "time_precision": event.date_precision,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": assoc["assoc_actor1"],
        "actor2": event.actor2,
        "assoc_actor_2": assoc["assoc_actor2"],
        "country": loc.country if loc else "",
        "admin1": loc.admin1 if loc else "",
        "admin2": loc.admin2 if loc else "",
        "location": loc.name if loc else "",
        "latitude": "" if loc is None or loc.lat is None else f"{loc.lat:.5f}",
        "longitude": "" if loc is None or loc.lon is None else f"{loc.lon:.5f}",
        "geo_precision": loc.geo_precision if loc else "",
        "source": "; ".join(event.sources),
        "notes": event.summary,
        "fatalities": event.fatalities if event.fatalities is not None else 0,
        "event_date_end": event.event_date_end.isoformat() if event.event_date_end else "",
        "injured": "" if event.injured is None else event.injured,
        "fatalities_qualifier": event.fatalities_qualifier or "",
        "confidence": f"{event.confidence:.2f}",
        "language": event.language,
        "location_ar": loc.name_ar if loc else "",
        "other_locations": "; ".join(o.name for o in event.other_locations),
        "report_ids": "; ".join(event.report_ids),
        "urls": "; ".join(event.urls),
        "published_at": _iso(event.published_at),
        "updated_at": _iso(event.updated_at),
        "revision": event.revision,
    }
    return {k: _cell(v) for k, v in row.items()}


def write_csv(events: Iterable[Event], out: IO[str]) -> int:
    """Events as CSV (header first); returns how many were written."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(acled_row(event))
        count += 1
    return count


def write_geojson(events: Iterable[Event], out: IO[str]) -> tuple[int, int]:
    """Events with coordinates as a GeoJSON FeatureCollection (written as it goes); returns (written,
    skipped for want of coordinates)."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    written = skipped = 0
    for event in events:
        loc = event.location
        if loc is None or loc.lat is None or loc.lon is None:
            skipped += 1
            continue
        row = acled_row(event)
        properties = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
        feature = {
            "type": "Feature",
            "id": event.event_id,
            "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
            "properties": {**properties, "fatalities": event.fatalities, "injured": event.injured},
        }
        out.write(("," if written else "") + json.dumps(feature, ensure_ascii=False) + "\n")
        written += 1
    out.write("]}\n")
    return written, skipped


def write_jsonl(events: Iterable[Event], out: IO[str]) -> int:
    """Events as JSON lines (the wire record); returns how many were written."""
    count = 0
    for event in events:
        out.write(event.model_dump_json() + "\n")
        count += 1
    return count


def indexed_events(es: Any, index: str, query: dict[str, Any], page: int = 500,
                   limit: int | None = None) -> Iterator[Event]:
    """Events of the index matching ``query``, newest event date first, paged with ``search_after``
    (stable: ties are broken by ``event_id``)."""
    from elasticsearch import ApiError

    sort = [{"event_date": {"order": "desc"}}, {"event_id": {"order": "asc"}}]
    after: list[Any] | None = None
    seen = 0
    while limit is None or seen < limit:
        size = page if limit is None else min(page, limit - seen)
        kwargs: dict[str, Any] = {"index": index, "query": query, "size": size, "sort": sort,
                                  "ignore_unavailable": True, "allow_no_indices": True}
        if after is not None:
            kwargs["search_after"] = after
        try:
            response = es.search(**kwargs)
        except ApiError as exc:
            raise ExportError(f"reading {index} failed: {exc.meta.status} {exc.message}") from exc
        body = response.body if hasattr(response, "body") else response
        hits = body["hits"]["hits"]
        for hit in hits:
            try:
                yield event_from_document(hit["_source"])
            except ValidationError as exc:
                raise ExportError(f"{index}/{hit.get('_id')}: not an event document "
                                  f"({str(exc).splitlines()[0]})") from None
        seen += len(hits)
        if len(hits) < size:
            return
        after = hits[-1]["sort"]


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _iso(value: datetime | None) -> str:
    return value.isoformat() if value else ""
