"""Search against the session's noida-db: Arabic variants, clitics, highlights, filters, the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from sinks.documents import to_action
from sinks.elasticsearch import BulkWriter, elasticsearch_client
from sinks.indices import ensure_indices, index_names
from sinks.search import search
from sinks.settings import SinkSettings
from sitrep.cli import main
from sitrep.records import Event, Location, Report
from sitrep.settings import Settings

pytestmark = pytest.mark.integration

NOW = datetime.now(UTC)
DEIR = Location(
    name="Deir ez-Zor", name_ar="دير الزور", admin1="Deir ez-Zor", country="Syria", lat=35.33, lon=40.14
)
IDLIB = Location(name="Idlib", name_ar="إدلب", admin1="Idlib", country="Syria", lat=35.93, lon=36.63)


@pytest.fixture(scope="module")
def indexed(
    elasticsearch_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Settings, Any]]:
    prefix = "tq" + tmp_path_factory.mktemp("q").name[-6:].lower().replace("_", "")
    settings = Settings(elasticsearch={"url": elasticsearch_url, "index_prefix": prefix})
    es = elasticsearch_client(settings)
    ensure_indices(es, settings)
    records = [
        Report(
            report_id="ar1",
            title="اشتباكات عنيفة في ريف دير الزور",
            language="ar",
            text="قُتل خمسة عناصر من قوات النظام في الاشتباكات مع تنظيم الدولة وبالقصف المدفعي.",
            published_at=NOW - timedelta(hours=2),
        ),
        Report(
            report_id="ar2",
            title="غارات روسية على إدلب",
            text="شنت طائرات روسية غارات على ريف إدلب.",
            language="ar",
            published_at=NOW - timedelta(days=3),
        ),
        Report(
            report_id="en1",
            title="Clashes kill five soldiers in Deir ez-Zor",
            language="en",
            text="Five soldiers were killed in clashes with Islamic State fighters.",
            published_at=NOW - timedelta(hours=1),
        ),
        Event(
            event_id="ev1",
            event_type="Battles",
            sub_event_type="Armed clash",
            event_date=NOW.date(),
            actor1="Military Forces of Syria",
            actor2="Islamic State",
            fatalities=5,
            location=DEIR,
            summary="اشتباكات بين قوات النظام وتنظيم الدولة في دير الزور",
        ),
        Event(
            event_id="ev2",
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            event_date=date.today() - timedelta(days=3),
            actor1="Military Forces of Russia",
            location=IDLIB,
            summary="غارات روسية على ريف إدلب",
        ),
    ]
    names = index_names(settings)
    BulkWriter(es, SinkSettings(refresh=True)).write([to_action(r, names) for r in records])
    es.indices.refresh(index=f"{names.reports},{names.events}")
    yield settings, es
    for index in es.indices.get(index=f"{prefix}-*"):
        es.indices.delete(index=index)
    es.close()


def ids(result: Any) -> set[str]:
    return {hit.id for hit in result.hits}


@pytest.mark.parametrize("query", ["الاشتباكات", "اشتباكات", "إشتباكات", "والاشتباكات", "اشتباكاتٌ"])
def test_arabic_spelling_variants_and_clitics_find_the_same_documents(indexed: Any, query: str) -> None:
    settings, es = indexed
    assert {"ar1", "ev1"} <= ids(search(es, settings, query))


def test_clitic_query_highlights_the_original_text(indexed: Any) -> None:
    settings, es = indexed
    result = search(es, settings, "قصف")
    (hit,) = [h for h in result.hits if h.id == "ar1"]
    assert "«وبالقصف»" in hit.best_highlight()


def test_english_is_stemmed(indexed: Any) -> None:
    settings, es = indexed
    assert "en1" in ids(search(es, settings, "clash killing"))


def test_filters_restrict_to_events(indexed: Any) -> None:
    settings, es = indexed
    assert ids(search(es, settings, "", type="Armed clash")) == {"ev1"}
    assert ids(search(es, settings, "", actor="Military Forces of Russia")) == {"ev2"}
    assert ids(search(es, settings, "", near="35.3,40.1,30")) == {"ev1"}
    assert ids(search(es, settings, "", near="35.3,40.1,30", type="Air/drone strike")) == set()
    assert ids(search(es, settings, "غارات", since="24h")) == set()
    assert {"ar2", "ev2"} <= ids(search(es, settings, "غارات", since="7d"))


def test_cli_json(indexed: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    settings, _ = indexed
    monkeypatch.setenv("SITREP_ELASTICSEARCH__URL", settings.elasticsearch.url)
    monkeypatch.setenv("SITREP_ELASTICSEARCH__INDEX_PREFIX", settings.elasticsearch.index_prefix)
    assert main(["search", "دير الزور", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"] >= 2 and {"ar1", "ev1"} <= {h["id"] for h in out["hits"]}
    assert main(["search", "x", "--near", "1,2"]) == 1
    assert capsys.readouterr().err.strip() == (
        "sitrep: error: --near wants LAT,LON,KM (e.g. 35.33,40.14,25), got '1,2'"
    )
