"""Wire records: stable ids, strictness where the data is ours, tolerance where it is not."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from sitrep.records import (
    EVENT_TYPES,
    SUB_EVENT_TYPES,
    Event,
    ExternalReportInput,
    Report,
    content_hash,
    report_id_for,
)


def test_taxonomy_has_acled_6_types_and_25_sub_types() -> None:
    assert len(EVENT_TYPES) == 6
    assert len(SUB_EVENT_TYPES) == 25
    assert SUB_EVENT_TYPES["Air/drone strike"] == "Explosions/Remote violence"
    assert SUB_EVENT_TYPES["Non-violent transfer of territory"] == "Strategic developments"


def test_report_id_prefers_canonical_url_then_guid_then_content() -> None:
    a = report_id_for(url="https://Example.org/news/1/?utm_source=x#top")
    b = report_id_for(url="https://example.org/news/1")
    assert a == b
    assert report_id_for(guid="tag:x,1") != report_id_for(guid="tag:x,2")
    assert report_id_for(content="  same   text ") == report_id_for(content="same text")
    with pytest.raises(ValueError):
        report_id_for()


def test_report_content_hash_tracks_visible_text_only() -> None:
    one = Report(report_id="r", title="T", text="body  text")
    two = Report(report_id="r", title="T", text="body text", feed_id="other")
    three = Report(report_id="r", title="T", text="body text, revised")
    assert one.content_hash == two.content_hash == content_hash("T", "body text")
    assert three.content_hash != one.content_hash


def test_report_dates_become_utc() -> None:
    naive = Report(report_id="r", published_at=datetime(2026, 11, 1, 12, 0))
    aware = Report(report_id="r", published_at=datetime(2026, 11, 1, 15, 0, tzinfo=timezone(timedelta(hours=3))))
    assert naive.published_at == aware.published_at
    assert aware.published_at is not None and aware.published_at.tzinfo == UTC


def test_our_records_reject_unknown_fields_and_round_trip() -> None:
    report = Report(report_id="r", title="t", text="x")
    assert Report.model_validate_json(report.model_dump_json()) == report
    data = json.loads(report.model_dump_json())
    data["surprise"] = 1
    with pytest.raises(ValidationError):
        Report.model_validate(data)


def test_event_requires_acled_spelling() -> None:
    base = {"event_id": "e", "event_type": "Battles", "event_date": "2017-10-08"}
    assert Event(**base, sub_event_type="Armed clash").sub_event_type == "Armed clash"
    with pytest.raises(ValidationError):
        Event(**base, sub_event_type="armed clash")


def test_external_input_tolerates_unknown_fields() -> None:
    line = {"id": "x1", "title": "t", "text": "b", "published": "2017-10-10T12:00:00+03:00", "extra": [1]}
    report = ExternalReportInput.model_validate(line).to_report()
    assert report.report_id == "x1"
    assert report.published_at == datetime(2017, 10, 10, 9, 0, tzinfo=UTC)
