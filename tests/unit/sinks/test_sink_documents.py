from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest

from sinks.documents import (
    alert_document,
    bulk_operations,
    decode_record,
    event_document,
    report_document,
    to_action,
    to_bulk_actions,
)
from sinks.indices import ALERT_MAPPINGS, EVENT_MAPPINGS, REPORT_MAPPINGS, IndexNames
from sitrep import topics
from sitrep.errors import InvalidRecord
from sitrep.records import Actor, Alert, Event, Evidence, Location, Report, SourceFigure

NAMES = IndexNames("sitrep")
PLACE = Location(
    name="Deir ez-Zor", name_ar="دير الزور", admin1="Deir ez-Zor", country="Syria", lat=35.33, lon=40.14
)


def full_event(**kw: Any) -> Event:
    return Event(
        event_id="e1",
        revision=4,
        event_type="Battles",
        sub_event_type="Armed clash",
        event_date=date(2026, 11, 24),
        event_date_end=date(2026, 11, 25),
        actor1="Military Forces of Syria",
        actor2="Islamic State",
        actors=[Actor(name="Civilians", role="victim")],
        fatalities=5,
        fatalities_qualifier="at_least",
        injured=2,
        location=PLACE,
        other_locations=[Location(name="Mayadin", lat=35.0, lon=40.4), Location(name="Nowhere")],
        report_ids=["r1"],
        sources=["SOHR"],
        urls=["https://example.org/1"],
        evidence=[Evidence(start=0, end=8, text="اشتباكات", field="sub_event_type")],
        source_figures=[SourceFigure(source="SOHR", report_id="r1", fatalities=5)],
        summary="اشتباكات عنيفة في دير الزور",
        language="ar",
        published_at=datetime(2026, 11, 24, tzinfo=UTC),
        **kw,
    )


def unmapped(doc: dict[str, Any], mapping: dict[str, Any], path: str = "") -> list[str]:
    """Keys of ``doc`` that a strict mapping would reject."""
    missing: list[str] = []
    properties = mapping.get("properties", {})
    for key, value in doc.items():
        field = properties.get(key)
        if field is None:
            missing.append(path + key)
        elif field.get("enabled") is False or field.get("type") == "geo_point":
            continue
        elif "properties" in field:
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict):
                    missing += unmapped(item, field, f"{path}{key}.")
    return missing


def test_every_document_field_is_mapped() -> None:
    report = Report(
        report_id="r1", title="t", text="x", tags=["a"], published_at=datetime(2026, 1, 2, tzinfo=UTC)
    )
    alert = Alert(alert_id="a1", rule="r", kind="new", event_id="e1", location=PLACE, summary="s")
    assert unmapped(report_document(report), REPORT_MAPPINGS) == []
    assert unmapped(event_document(full_event()), EVENT_MAPPINGS) == []
    assert unmapped(alert_document(alert), ALERT_MAPPINGS) == []


def test_event_document_has_geo_point_place_and_facets() -> None:
    doc = event_document(full_event())
    assert doc["location"] == {"lat": 35.33, "lon": 40.14}
    assert doc["place"]["name_ar"] == "دير الزور" and "lat" not in doc["place"]
    assert doc["other_locations"][0]["location"] == {"lat": 35.0, "lon": 40.4}
    assert "location" not in doc["other_locations"][1]
    assert doc["actor_names"] == ["Civilians", "Islamic State", "Military Forces of Syria"]
    assert doc["summary_norm"] == "اشتباكات عنيفه في دير الزور"
    assert "دير الزور" in doc["place_norm"]
    assert doc["timestamp"].startswith("2026-11-24")


def test_event_without_coordinates_has_no_geo_point() -> None:
    event = full_event().model_copy(update={"location": Location(name="somewhere")})
    assert "location" not in event_document(event)


def test_report_document_adds_folded_fields_and_time() -> None:
    report = Report(
        report_id="r1", title="الأخبار", text="وبالقصف المدفعي", fetched_at=datetime(2026, 3, 1, tzinfo=UTC)
    )
    doc = report_document(report)
    assert doc["title_norm"] == "الاخبار"
    assert doc["text_norm"] == "وبالقصف المدفعي"
    assert doc["timestamp"].startswith("2026-03-01")


def test_actions_use_stable_ids_and_external_versions() -> None:
    published = datetime(2026, 11, 24, 9, tzinfo=UTC)
    report = Report(report_id="r1", revision=3, title="t", published_at=published)
    action = to_action(report, NAMES)  # rollover layout: through the write alias
    assert (action.index, action.id, action.version) == ("sitrep-reports-write", "r1", 3)
    monthly = to_action(report, IndexNames("sitrep", "monthly"))  # monthly layout: the month's index
    assert monthly.action_line() == {
        "index": {"_index": "sitrep-reports-2026.11", "_id": "r1", "version": 3, "version_type": "external"}
    }
    event_action = to_action(full_event(), NAMES)
    assert (event_action.index, event_action.id, event_action.version) == ("sitrep-events", "e1", 4)
    alert_action = to_action(Alert(alert_id="a1", rule="r", kind="new"), NAMES)
    assert alert_action.action_line() == {"create": {"_index": "sitrep-alerts", "_id": "a1"}}
    helpers = to_bulk_actions([report], NAMES)[0]
    assert helpers["_op_type"] == "index" and helpers["version_type"] == "external" and helpers["_id"] == "r1"
    assert bulk_operations([action])[1]["report_id"] == "r1"


def test_same_record_gives_the_same_action() -> None:
    report = Report(report_id="r1", title="t", text="x", fetched_at=datetime(2026, 1, 1, tzinfo=UTC))
    assert to_action(report, NAMES) == to_action(Report.model_validate_json(report.model_dump_json()), NAMES)


def test_decode_record_by_topic() -> None:
    event = full_event()
    assert decode_record(topics.EVENTS, event.model_dump_json().encode()) == event
    with pytest.raises(InvalidRecord, match="Invalid JSON"):
        decode_record(topics.REPORTS_CLEAN, b"{oops")
    with pytest.raises(InvalidRecord, match="sub_event_type"):
        bad = json.loads(event.model_dump_json()) | {"sub_event_type": "Brawl"}
        decode_record(topics.EVENTS, json.dumps(bad).encode())
    with pytest.raises(InvalidRecord, match="tombstone"):
        decode_record(topics.ALERTS, None)
    with pytest.raises(InvalidRecord, match="does not consume"):
        decode_record("feeds", b"{}")
    oversized = json.loads(event.model_dump_json()) | {"summary": "x" * 2_000_000}
    with pytest.raises(InvalidRecord, match="exceeds"):
        decode_record(topics.EVENTS, json.dumps(oversized).encode())
