"""Wire records → Elasticsearch documents and bulk actions. Pure: no I/O, no clock.

``_id`` is the record's stable id and the version its revision (``version_type=external``), so a
replay is a no-op (409, ignored) and an older revision arriving late never overwrites a newer one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from pydantic import ValidationError

from sinks.indices import IndexNames
from sitrep import topics
from sitrep.errors import InvalidRecord
from sitrep.records import Alert, Event, Location, Report
from sitrep.textnorm import normalize_for_match

Record = Report | Event | Alert
# The same bound as the stream processors' (processors.normalize.MAX_REPORT_BYTES): bigger is poison.
MAX_RECORD_BYTES = 2_000_000
RECORD_TYPES: dict[str, type[Report] | type[Event] | type[Alert]] = {
    topics.REPORTS_CLEAN: Report,
    topics.EVENTS: Event,
    topics.ALERTS: Alert,
}


@dataclass(frozen=True)
class BulkAction:
    """One document to write: where, under which id and version, and its source."""

    index: str
    id: str
    source: dict[str, Any]
    version: int | None = None  # external version; None → op_type create (write once)

    def action_line(self) -> dict[str, Any]:
        if self.version is None:
            return {"create": {"_index": self.index, "_id": self.id}}
        where = {"_index": self.index, "_id": self.id}
        return {"index": {**where, "version": self.version, "version_type": "external"}}

    def as_helpers_action(self) -> dict[str, Any]:
        """The same action in the dict form ``elasticsearch.helpers.bulk`` takes."""
        action: dict[str, Any] = {"_index": self.index, "_id": self.id, "_source": self.source}
        if self.version is None:
            action["_op_type"] = "create"
        else:
            action.update(_op_type="index", version=self.version, version_type="external")
        return action


def decode_record(topic: str, value: bytes | None) -> Record:
    """Parse a message of ``topic`` into its wire record; :class:`InvalidRecord` if it is not one."""
    record_type = RECORD_TYPES.get(topic)
    if record_type is None:
        raise InvalidRecord(f"the sink does not consume topic {topic!r}")
    if value is None:
        raise InvalidRecord("empty message (tombstone)", record_type.__name__)
    if len(value) > MAX_RECORD_BYTES:
        raise InvalidRecord(f"message of {len(value)} bytes exceeds {MAX_RECORD_BYTES}", record_type.__name__)
    try:
        return record_type.model_validate_json(value)
    except ValidationError as exc:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": str(exc)}
        where = ".".join(str(p) for p in first["loc"]) or "message"
        raise InvalidRecord(
            f"not a valid {record_type.__name__}: {where}: {first['msg']} ({exc.error_count()} error(s))",
            record_type.__name__,
        ) from None


def report_document(report: Report) -> dict[str, Any]:
    doc = report.model_dump(mode="json")
    doc["timestamp"] = _iso(report.published_at or report.fetched_at)
    # Reports reach the sink from reports.clean, cleaned by the worker (processors.normalize).
    doc["title_norm"] = normalize_for_match(report.title, cleaned=True)
    doc["text_norm"] = normalize_for_match(report.body, cleaned=True)
    return doc


def event_document(event: Event) -> dict[str, Any]:
    doc = event.model_dump(mode="json", exclude={"location", "other_locations"})
    names = [event.actor1, event.actor2, *(a.name for a in event.actors)]
    doc["actor_names"] = sorted({n for n in names if n})
    doc.update(_place_fields(event.location))
    doc["other_locations"] = [_other_place(loc) for loc in event.other_locations]
    doc["summary_norm"] = normalize_for_match(event.summary)
    doc["place_norm"] = normalize_for_match(
        " ".join(p for loc in [event.location, *event.other_locations] if loc for p in _place_words(loc))
    )
    # When the world learned of it (first report), else the start of its day: never in the future,
    # so "last 24 hours" time filters (Kibana, --since) include today's events.
    doc["timestamp"] = _iso(event.published_at or datetime.combine(event.event_date, time(0), tzinfo=UTC))
    return doc


def alert_document(alert: Alert) -> dict[str, Any]:
    doc = alert.model_dump(mode="json", exclude={"location"})
    doc.update(_place_fields(alert.location))
    doc["summary_norm"] = normalize_for_match(alert.summary)
    doc["timestamp"] = _iso(alert.fired_at)
    return doc


def to_action(record: Record, names: IndexNames) -> BulkAction:
    """The bulk action that writes ``record`` idempotently."""
    if isinstance(record, Report):
        when = record.published_at or record.fetched_at
        index = names.report_target(when)
        return BulkAction(index, record.report_id, report_document(record), record.revision)
    if isinstance(record, Event):
        return BulkAction(names.events, record.event_id, event_document(record), record.revision)
    return BulkAction(names.alerts, record.alert_id, alert_document(record))


def to_bulk_actions(records: list[Record], names: IndexNames) -> list[dict[str, Any]]:
    """``elasticsearch.helpers.bulk`` actions for ``records``."""
    return [to_action(r, names).as_helpers_action() for r in records]


def bulk_operations(actions: list[BulkAction]) -> list[dict[str, Any]]:
    """The body of one ``_bulk`` request: action line, source, action line, source..."""
    operations: list[dict[str, Any]] = []
    for action in actions:
        operations.append(action.action_line())
        operations.append(action.source)
    return operations


def document_size(message_bytes: int) -> int:
    """Estimated bytes the action adds to a bulk request (for batching by size): the message plus
    the folded copies of its text, without serializing it twice (the client serializes it anyway)."""
    return 2 * message_bytes + 200


def _place_fields(location: Location | None) -> dict[str, Any]:
    if location is None:
        return {}
    fields: dict[str, Any] = {"place": location.model_dump(mode="json", exclude={"lat", "lon"})}
    if location.lat is not None and location.lon is not None:
        fields["location"] = {"lat": location.lat, "lon": location.lon}
    return fields


def _other_place(location: Location) -> dict[str, Any]:
    place: dict[str, Any] = location.model_dump(mode="json", exclude={"lat", "lon"})
    if location.lat is not None and location.lon is not None:
        place["location"] = {"lat": location.lat, "lon": location.lon}
    return place


def _place_words(location: Location) -> list[str]:
    return [location.name, location.name_ar, location.admin1, location.admin2]


def _iso(value: datetime | date) -> str:
    return value.isoformat()
