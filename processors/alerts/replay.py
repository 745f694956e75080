"""Run the alert engine over recorded events: a JSON-lines file (``sitrep alerts test``) or the
events indexed in Elasticsearch (``sitrep alerts backtest``).

Replays use the very engine of the stream with a fresh in-memory state, and take each event's
``updated_at`` as "now", so the same input always gives the same alerts (same ids, same times).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from processors.alerts.engine import AlertEngine, Decision
from processors.alerts.errors import AlertsError, EventsFileError
from sitrep.records import Alert, Event, Location


@dataclass
class ReplayResult:
    """What a replay fired, and what it could not read."""

    decisions: list[Decision] = field(default_factory=list)
    events: int = 0
    bad_lines: list[EventsFileError] = field(default_factory=list)

    @property
    def alerts(self) -> list[Alert]:
        return [d.alert for d in self.decisions if d.silenced_by is None]


def read_events(path: Path | str) -> Iterator[Event | EventsFileError]:
    """Events of a JSON-lines file in file order; a bad line yields an `EventsFileError` instead."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise AlertsError(f"cannot read events file {path}: {exc.strerror or exc}") from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                yield Event.model_validate_json(line)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"]) or "line"
                detail = "not JSON" if first["type"] == "json_invalid" else f"{where}: {first['msg']}"
                yield EventsFileError(f"not a valid Event: {detail}", path, number)


def replay(
    engine: AlertEngine,
    events: Iterable[Event | EventsFileError],
    clock: Callable[[Event], datetime] | None = None,
) -> ReplayResult:
    """Feed events to the engine in order; ``clock(event)`` is "now" (default: ``event.updated_at``)."""
    result = ReplayResult()
    for item in events:
        if isinstance(item, EventsFileError):
            result.bad_lines.append(item)
            continue
        result.events += 1
        now = clock(item) if clock else item.updated_at
        result.decisions.extend(engine.decide(item, now))
    return result


def alert_line(alert: Alert, full: bool = False) -> dict[str, Any]:
    """The JSON line ``sitrep alerts test`` prints: rule, kind, event_id or event_ids, fatalities, ...

    ``full`` adds every field of the alert record (summary, sources, urls, Kibana URL, ...).
    """
    line: dict[str, Any] = {"rule": alert.rule, "kind": alert.kind}
    if alert.kind == "surge":
        line["event_ids"] = list(alert.event_ids)
    else:
        line["event_id"] = alert.event_id
    line["fatalities"] = alert.fatalities
    line["admin1"] = alert.admin1
    line["alert_id"] = alert.alert_id
    if full:
        for key, value in alert.model_dump(mode="json").items():
            line.setdefault(key, value)
        if alert.kind == "surge":
            line.pop("event_id", None)
        else:
            line.pop("event_ids", None)
    return line


# --- Elasticsearch ----------------------------------------------------------------------------------


def event_from_document(doc: dict[str, Any]) -> Event:
    """Rebuild an `Event` from its ``sitrep-events`` document (``place`` + geo point → ``location``)."""
    fields = {key: value for key, value in doc.items() if key in Event.model_fields}
    place = doc.get("place")
    if isinstance(place, dict):
        fields["location"] = _location(place, doc.get("location"))
    elif isinstance(doc.get("location"), dict) and "name" in doc["location"]:
        fields["location"] = doc["location"]  # an Event stored as it travels on the topic
    else:
        fields.pop("location", None)
    others = doc.get("other_locations") or []
    fields["other_locations"] = [_location(p, p.get("location")) for p in others if isinstance(p, dict)]
    return Event.model_validate(fields)


def fetch_indexed_events(client: Any, index: str, since: date, page_size: int = 500) -> list[Event]:
    """Events of ``index`` whose event date is ``since`` or later, oldest update first."""
    from elasticsearch import helpers

    query = {"query": {"range": {"event_date": {"gte": since.isoformat()}}}}
    events: list[Event] = []
    for hit in helpers.scan(client, index=index, query=query, size=page_size, preserve_order=False):
        try:
            events.append(event_from_document(hit["_source"]))
        except ValidationError as exc:
            raise AlertsError(
                f"document {hit.get('_id')} of {index} is not an Event: {exc.errors()[0]['msg']}"
            ) from None
    events.sort(key=lambda e: (e.updated_at, e.event_id, e.revision))
    return events


def _location(place: dict[str, Any], point: Any) -> Location:
    fields = {key: value for key, value in place.items() if key in Location.model_fields}
    if isinstance(point, dict):
        fields["lat"], fields["lon"] = point.get("lat"), point.get("lon")
    fields.setdefault("name", fields.get("admin1") or "")
    return Location.model_validate(fields)
