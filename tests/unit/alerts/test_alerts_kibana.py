"""Kibana links: filtered to the event (or area) and its dates, rison-quoted, URL-safe."""

from __future__ import annotations

from datetime import date
from urllib.parse import unquote

from processors.alerts.kibana import area_query, discover_url, event_query


def test_event_link() -> None:
    url = discover_url("http://kibana:5601/", event_query(["ev-1"]), date(2026, 11, 20))
    assert url.startswith("http://kibana:5601/app/discover#/?_g=")
    plain = unquote(url)
    assert "time:(from:'2026-11-19T00:00:00.000Z',to:'2026-11-22T00:00:00.000Z')" in plain
    assert "index:'sitrep-events'" in plain and "query:'event_id:\"ev-1\"'" in plain
    assert " " not in url and '"' not in url


def test_several_events_and_areas_with_quotes() -> None:
    assert event_query(["a", "b"]) == 'event_id:("a" or "b")'
    assert area_query("Dar'a") == 'place.admin1:"Dar\'a"'
    plain = unquote(discover_url("http://k", area_query("Dar'a"), date(2026, 1, 1), date(2026, 1, 3)))
    assert "query:'place.admin1:\"Dar!'a\"'" in plain and "to:'2026-01-05" in plain


def test_no_base_url_no_link() -> None:
    assert discover_url("", event_query(["x"]), date(2026, 1, 1)) == ""
