"""`sitrep export` against the session's noida-db: paging with search_after, filters, the CLI."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from sinks.documents import to_action
from sinks.elasticsearch import BulkWriter, elasticsearch_client
from sinks.export import indexed_events
from sinks.indices import ensure_indices, index_names
from sinks.search import build_query
from sinks.settings import SinkSettings
from sitrep.cli import main
from sitrep.records import Event, Location
from sitrep.settings import Settings

pytestmark = pytest.mark.integration

NOW = datetime.now(UTC)
TODAY = NOW.date()
RAQQA = Location(name="Ar-Raqqa", name_ar="الرقة", admin1="Ar-Raqqa", country="Syria", lat=35.95, lon=39.01)
DARAA = Location(name="Dar'a", name_ar="درعا", admin1="Dar'a", country="Syria", lat=32.62, lon=36.10)


def _events() -> list[Event]:
    events = []
    for n in range(7):  # seven clashes near Raqqa on seven days, one shelling in Daraa
        events.append(Event(event_id=f"x{n}", event_type="Battles", sub_event_type="Armed clash",
                            event_date=TODAY - timedelta(days=n), actor1="Syrian Democratic Forces",
                            actor2="Islamic State", fatalities=n, location=RAQQA,
                            summary=f"clashes on day {n} north of Raqqa", updated_at=NOW))
    events.append(Event(event_id="s1", event_type="Explosions/Remote violence",
                        sub_event_type="Shelling/artillery/missile attack", event_date=date(2026, 1, 3),
                        actor1="Military Forces of Syria", location=DARAA, summary="=shelling of Daraa al-Balad",
                        updated_at=NOW))
    return events


@pytest.fixture(scope="module")
def indexed(elasticsearch_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Settings, Any]]:
    prefix = "tx" + tmp_path_factory.mktemp("x").name[-6:].lower().replace("_", "")
    settings = Settings(elasticsearch={"url": elasticsearch_url, "index_prefix": prefix})
    es = elasticsearch_client(settings)
    ensure_indices(es, settings)
    names = index_names(settings)
    BulkWriter(es, SinkSettings(refresh=True)).write([to_action(e, names) for e in _events()])
    es.indices.refresh(index=names.events)
    yield settings, es
    for index in es.indices.get(index=f"{prefix}-*"):
        es.indices.delete(index=index)
    es.close()


def test_pages_cover_every_event_once_newest_first(indexed: Any) -> None:
    settings, es = indexed
    got = list(indexed_events(es, index_names(settings).events, build_query(""), page=3))
    assert [e.event_id for e in got] == [f"x{n}" for n in range(7)] + ["s1"]
    assert got == sorted(_events(), key=lambda e: e.event_date, reverse=True)


def test_limit_and_filters(indexed: Any) -> None:
    settings, es = indexed
    events = index_names(settings).events
    assert [e.event_id for e in indexed_events(es, events, build_query(""), page=2, limit=3)] == ["x0", "x1", "x2"]
    shelling = build_query("", type="Shelling/artillery/missile attack")
    assert [e.event_id for e in indexed_events(es, events, shelling)] == ["s1"]


def test_cli_csv_and_geojson(indexed: Any, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    settings, _ = indexed
    monkeypatch.setenv("SITREP_ELASTICSEARCH__URL", settings.elasticsearch.url)
    monkeypatch.setenv("SITREP_ELASTICSEARCH__INDEX_PREFIX", settings.elasticsearch.index_prefix)
    assert main(["export", "--actor", "Islamic State"]) == 0
    captured = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    assert len(rows) == 7 and {r["actor2"] for r in rows} == {"Islamic State"}
    assert "7 events from" in captured.err
    assert main(["export", "--format", "geojson", "--near", "32.6,36.1,20"]) == 0
    features = json.loads(capsys.readouterr().out)["features"]
    assert [f["id"] for f in features] == ["s1"]
    assert features[0]["properties"]["notes"] == "'=shelling of Daraa al-Balad"
