"""`sitrep export`'s pure part: ACLED-style rows, GeoJSON, reading events back from documents and files."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from sinks.documents import event_document
from sinks.errors import ExportError
from sinks.export import (
    ACLED_COLUMNS,
    COLUMNS,
    acled_row,
    event_from_document,
    events_from_lines,
    write_csv,
    write_geojson,
)
from sitrep.cli import main
from sitrep.records import Actor, Event, Location, SourceFigure

AZAZ = Location(name="Azaz", name_ar="اعزاز", admin1="Aleppo", admin2="Azaz", country="Syria",
                lat=36.5866, lon=37.0463, geo_precision=1, gazetteer_id="gn:1")


def _event(**kw: object) -> Event:
    fields: dict[str, object] = dict(
        event_id="e1", event_type="Explosions/Remote violence", sub_event_type="Suicide bomb",
        event_date=date(2026, 11, 20), actor1="Islamic State", actor2="Civilians",
        actors=[Actor(name="Islamic State", role="actor1"), Actor(name="Syrian National Army", role="assoc_actor2")],
        fatalities=7, fatalities_qualifier="at_least", injured=12, location=AZAZ,
        other_locations=[Location(name="Aleppo", admin1="Aleppo", country="Syria", lat=36.2, lon=37.16)],
        report_ids=["r1", "r2"], sources=["Wire A", "Monitor B"], urls=["https://example.org/a"],
        summary="A suicide bomber struck a market in Azaz.", confidence=0.9, language="en",
        source_figures=[SourceFigure(source="Wire A", report_id="r1", fatalities=7)],
        published_at=datetime(2026, 11, 20, 9, tzinfo=UTC), updated_at=datetime(2026, 11, 20, 15, tzinfo=UTC),
    )
    fields.update(kw)
    return Event.model_validate(fields)


def test_row_has_acled_columns_first_and_the_event_in_them() -> None:
    row = acled_row(_event())
    assert tuple(row) == COLUMNS and COLUMNS[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert row["event_id_cnty"] == "e1" and row["event_date"] == "2026-11-20" and row["year"] == "2026"
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence", "Suicide bomb")
    assert (row["actor1"], row["actor2"]) == ("Islamic State", "Civilians")
    assert row["assoc_actor_2"] == "Syrian National Army"
    assert (row["admin1"], row["admin2"], row["location"], row["geo_precision"]) == ("Aleppo", "Azaz", "Azaz", "1")
    assert (row["latitude"], row["longitude"]) == ("36.58660", "37.04630")
    assert row["source"] == "Wire A; Monitor B" and row["report_ids"] == "r1; r2"
    assert (row["fatalities"], row["injured"], row["fatalities_qualifier"]) == ("7", "12", "at_least")
    assert row["other_locations"] == "Aleppo" and row["location_ar"] == "اعزاز"


def test_unknown_toll_is_zero_as_in_acled_and_no_place_leaves_cells_empty() -> None:
    row = acled_row(_event(fatalities=None, injured=None, location=None, other_locations=[]))
    assert row["fatalities"] == "0" and row["injured"] == ""
    assert row["latitude"] == row["longitude"] == row["location"] == row["geo_precision"] == ""


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+1 more", "-5 killed", "@cmd", "\tx"])
def test_cells_a_spreadsheet_would_run_as_formulas_are_defused(text: str) -> None:
    assert acled_row(_event(summary=text))["notes"] == "'" + text


def test_csv_round_trips_through_the_csv_module() -> None:
    out = io.StringIO()
    assert write_csv([_event(), _event(event_id="e2", summary='He said "two, not three".')], out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["event_id_cnty"] for r in rows] == ["e1", "e2"]
    assert rows[1]["notes"] == 'He said "two, not three".'


def test_geojson_points_are_lon_lat_and_placeless_events_are_counted_out() -> None:
    out = io.StringIO()
    written, skipped = write_geojson([_event(), _event(event_id="e2", location=None)], out)
    assert (written, skipped) == (1, 1)
    collection = json.loads(out.getvalue())
    (feature,) = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [37.0463, 36.5866]}
    assert feature["id"] == "e1" and feature["properties"]["fatalities"] == 7


def test_empty_geojson_is_still_valid() -> None:
    out = io.StringIO()
    assert write_geojson([], out) == (0, 0)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_an_indexed_document_reads_back_as_the_same_event() -> None:
    event = _event()
    assert event_from_document(json.loads(json.dumps(event_document(event)))) == event
    bare = _event(location=None, other_locations=[])
    assert event_from_document(event_document(bare)) == bare


def test_lines_of_fuse_and_of_extract_both_read() -> None:
    event = _event()
    fuse_line = event.model_dump_json()
    extract_line = json.dumps({"id": "r1", "language": "en", "events": [json.loads(fuse_line)] * 2})
    assert list(events_from_lines([fuse_line, "", extract_line])) == [event, event, event]


def test_a_line_that_is_no_event_names_its_line() -> None:
    with pytest.raises(ExportError, match=r"^events.jsonl:2: not an event line"):
        list(events_from_lines([_event().model_dump_json(), '{"id": 3}'], "events.jsonl"))
    with pytest.raises(ExportError, match=r"^events.jsonl:1: not an event line"):
        list(events_from_lines(["[1, 2]"], "events.jsonl"))


def test_cli_exports_a_file_and_refuses_index_filters_on_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "events.jsonl"
    source.write_text(_event().model_dump_json() + "\n" + _event(event_id="e2").model_dump_json() + "\n")
    target = tmp_path / "events.csv"
    assert main(["export", "--input", str(source), "--output", str(target), "--limit", "1"]) == 0
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert [r["event_id_cnty"] for r in rows] == ["e1"]
    assert "1 events from" in capsys.readouterr().err
    assert main(["export", "--input", str(source), "--type", "Armed clash"]) == 1
    assert "with --input the file is exported as it is" in capsys.readouterr().err
