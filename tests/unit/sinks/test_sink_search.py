from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from sinks.errors import SearchError
from sinks.indices import IndexNames
from sinks.search import Near, build_query, parse_since, search, search_indices, type_filter
from sitrep.settings import Settings

NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)


def test_query_is_folded_like_the_documents() -> None:
    query = json.dumps(build_query("الإشتباكاتُ"), ensure_ascii=False)
    assert "الاشتباكات" in query  # folded for *_norm fields
    assert "text_norm.stem" in query  # clitics are stripped by the field's analyzer, query and document alike


def test_filters() -> None:
    query = build_query(
        "",
        type="armed clash",
        actor="Islamic State",
        near=Near(35.3, 40.1, 25),
        since=NOW - timedelta(hours=24),
    )
    filters = query["bool"]["filter"]
    assert {"term": {"sub_event_type": "Armed clash"}} in filters
    assert {"geo_distance": {"distance": "25km", "location": {"lat": 35.3, "lon": 40.1}}} in filters
    assert {"range": {"timestamp": {"gte": "2026-11-23T12:00:00+00:00"}}} in filters
    assert query["bool"]["must"] == [{"match_all": {}}]


def test_type_filter_accepts_event_types_and_rejects_unknown() -> None:
    assert type_filter("Battles") == {"term": {"event_type": "Battles"}}
    with pytest.raises(SearchError, match="unknown event type 'Brawl'"):
        type_filter("Brawl")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("24h", NOW - timedelta(hours=24)),
        ("7d", NOW - timedelta(days=7)),
        ("30m", NOW - timedelta(minutes=30)),
        ("2w", NOW - timedelta(weeks=2)),
        ("2026-11-01", datetime(2026, 11, 1, tzinfo=UTC)),
        (None, None),
    ],
)
def test_parse_since(value: str | None, expected: datetime | None) -> None:
    assert parse_since(value, NOW) == expected


@pytest.mark.parametrize("bad", ["yesterday", "5y"])
def test_parse_since_errors_are_one_line(bad: str) -> None:
    with pytest.raises(SearchError, match="--since wants"):
        parse_since(bad, NOW)


@pytest.mark.parametrize("bad", ["1,2", "a,b,c", "95,0,1", "1,2,-5"])
def test_near_errors(bad: str) -> None:
    with pytest.raises(SearchError, match="--near"):
        Near.parse(bad)


def test_structured_filters_search_events_only() -> None:
    names = IndexNames("s")
    assert search_indices(names, structured=False) == "s-reports,s-events"
    assert search_indices(names, structured=True) == "s-events"
    assert search_indices(names, structured=False, kinds=("alert",)) == "s-alerts"


def test_search_maps_hits_and_highlights() -> None:
    class ES:
        def search(self, **kwargs: Any) -> dict[str, Any]:
            self.kwargs = getattr(self, "kwargs", kwargs)  # the first call is the search itself
            return {
                "took": 3,
                "hits": {
                    "total": {"value": 2},
                    "hits": [
                        {
                            "_index": "s-events-v1",
                            "_id": "e1",
                            "_score": 2.0,
                            "_source": {
                                "sub_event_type": "Armed clash",
                                "place": {"name": "Deir ez-Zor"},
                                "event_date": "2026-11-24",
                            },
                            "highlight": {"summary": ["«اشتباكات» في دير الزور"]},
                        },
                        {
                            "_index": "s-reports-2026.11",
                            "_id": "r1",
                            "_score": 1.0,
                            "_source": {"title": "T"},
                        },
                    ],
                },
            }

    es = ES()
    result = search(es, Settings(elasticsearch={"index_prefix": "s"}), "اشتباكات", since="24h", now=NOW)
    assert result.total == 2 and result.took_ms == 3
    event, report = result.hits
    assert event.kind == "event" and event.title == "Armed clash — Deir ez-Zor (2026-11-24)"
    assert event.best_highlight() == "«اشتباكات» في دير الزور"
    assert report.kind == "report" and report.title == "T" and report.best_highlight() == ""
    assert es.kwargs["index"] == "s-reports,s-events" and es.kwargs["ignore_unavailable"] is True


def test_search_hides_near_duplicates_and_names_their_outlets() -> None:
    class ES:
        calls: list[dict[str, Any]] = []

        def search(self, **kwargs: Any) -> dict[str, Any]:
            self.calls.append(kwargs)
            if "terms" in kwargs["query"]:
                copy = {"_id": "r2", "_source": {"duplicate_of": "r1", "source": "Other Outlet"}}
                return {"hits": {"total": {"value": 1}, "hits": [copy]}}
            report = {"_index": "s-reports-2026.11", "_id": "r1", "_score": 1.0, "_source": {"title": "T"}}
            return {"took": 1, "hits": {"total": {"value": 1}, "hits": [report]}}

    es = ES()
    result = search(es, Settings(elasticsearch={"index_prefix": "s"}), "x", now=NOW)
    assert {"exists": {"field": "duplicate_of"}} in es.calls[0]["query"]["bool"]["must_not"]
    assert es.calls[1]["query"] == {"terms": {"duplicate_of": ["r1"]}}
    assert result.hits[0].source["also_reported_by"] == ["Other Outlet"]
