"""Search over reports and events: the query is folded like the documents, filters are structured.

Pure query building (``build_query``) is apart from running it (``search``, ``count``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from sinks.errors import SearchError
from sinks.indices import IndexNames, index_names
from sitrep.records import EVENT_TYPES, SUB_EVENT_TYPES
from sitrep.settings import Settings
from sitrep.textnorm import normalize_for_match

Kind = Literal["report", "event", "alert"]

# Fields matched by the free-text query, with boosts. Language-analyzed fields give stemming on real
# Elasticsearch; *_norm fields hold text folded by our normalizer (the query is folded the same way),
# so they match on any server; *.stem sub-fields ignore attached clitics (و ف ب ك ل ال).
QUERY_FIELDS = [
    "title^3", "title.en^2", "title.stem^2", "text", "text.en", "text.stem",
    "summary^2", "summary.en", "summary.stem", "place.name^2", "place.name_ar^2", "actor1", "actor2",
]
FOLDED_FIELDS = [
    "title_norm^3", "title_norm.stem^2", "text_norm", "text_norm.stem",
    "summary_norm^2", "summary_norm.stem", "place_norm^2", "place_norm.stem",
]
# Highlights on the original text first (readable), then on the folded copies.
HIGHLIGHT_FIELDS = ["title", "title.stem", "title.en", "text", "text.stem", "text.en", "summary",
                    "summary.stem", "summary.en", "title_norm", "text_norm", "summary_norm"]


@dataclass(frozen=True)
class Near:
    """A circle: within ``km`` kilometres of (``lat``, ``lon``)."""

    lat: float
    lon: float
    km: float

    @classmethod
    def parse(cls, value: str) -> Near:
        """``"LAT,LON,KM"`` → Near, with a one-line error saying what is wrong."""
        parts = [p.strip() for p in value.split(",")]
        try:
            lat, lon, km = (float(p) for p in parts)
        except ValueError:
            raise SearchError(f"--near wants LAT,LON,KM (e.g. 35.33,40.14,25), got {value!r}") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
            raise SearchError(f"--near {value!r}: latitude -90..90, longitude -180..180, radius > 0 km")
        return cls(lat, lon, km)


@dataclass(frozen=True)
class SearchHit:
    kind: Kind
    id: str
    index: str
    score: float | None
    source: dict[str, Any]
    highlights: dict[str, list[str]] = field(default_factory=dict)

    @property
    def title(self) -> str:
        s = self.source
        if self.kind == "report":
            return str(s.get("title") or s.get("text", "")[:80])
        if self.kind == "event":
            place = (s.get("place") or {}).get("name", "")
            return f"{s.get('sub_event_type', '')} — {place} ({s.get('event_date', '')})"
        return str(s.get("summary") or s.get("rule", ""))

    def best_highlight(self) -> str:
        for name in HIGHLIGHT_FIELDS:
            if self.highlights.get(name):
                return " … ".join(self.highlights[name][:2])
        return ""


@dataclass(frozen=True)
class SearchResult:
    total: int
    hits: list[SearchHit]
    took_ms: int = 0


_DURATION = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(value: str | datetime | None, now: datetime) -> datetime | None:
    """``"24h"``, ``"7d"``, ``"30m"``, ``"2w"`` or an ISO date/time → the lower time bound."""
    if value is None or isinstance(value, datetime):
        return value
    match = _DURATION.match(value)
    if match:
        return now - timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise SearchError(
            f"--since wants a duration like 24h, 7d, 30m or an ISO date, got {value!r}"
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=now.tzinfo)


def type_filter(value: str) -> dict[str, Any]:
    """An ACLED event type or sub-event type (any case) → a term filter."""
    wanted = value.strip().lower()
    for sub in SUB_EVENT_TYPES:
        if sub.lower() == wanted:
            return {"term": {"sub_event_type": sub}}
    for event_type in EVENT_TYPES:
        if event_type.lower() == wanted:
            return {"term": {"event_type": event_type}}
    known = ", ".join(sorted(SUB_EVENT_TYPES))
    raise SearchError(f"unknown event type {value!r}; use an ACLED type or sub-event type: {known}")


def build_query(
    query: str,
    *,
    type: str | None = None,
    actor: str | None = None,
    near: Near | None = None,
    since: datetime | None = None,
) -> dict[str, Any]:
    """The ``query`` part of a search body. Free text is folded like the documents' *_norm fields."""
    must: list[dict[str, Any]] = []
    should: list[dict[str, Any]] = []
    filters: list[dict[str, Any]] = []
    text = query.strip()
    if text:
        folded = normalize_for_match(text)
        should.append({"multi_match": {"query": text, "fields": QUERY_FIELDS, "type": "best_fields"}})
        should.append({"multi_match": {"query": folded, "fields": FOLDED_FIELDS, "type": "best_fields"}})
        # Phrase matches on the folded text rank exact wording first.
        should.append({"multi_match": {"query": folded, "type": "phrase", "boost": 2,
                                       "fields": ["title_norm", "text_norm", "summary_norm", "place_norm"]}})
        must.append({"bool": {"should": should, "minimum_should_match": 1}})
    if type:
        filters.append(type_filter(type))
    if actor:
        filters.append({"bool": {"minimum_should_match": 1, "should": [
            {"term": {"actor_names": actor}},
            {"match_phrase": {"actor1": actor}},
            {"match_phrase": {"actor2": actor}},
        ]}})
    if near:
        filters.append({"geo_distance": {"distance": f"{near.km}km",
                                         "location": {"lat": near.lat, "lon": near.lon}}})
    if since:
        filters.append({"range": {"timestamp": {"gte": since.isoformat()}}})
    if not must:
        must.append({"match_all": {}})
    # A near-duplicate report (same story, another outlet) is shown once, through its canonical
    # report's "also reported by"; events never carry duplicate_of, so this only drops copies.
    return {"bool": {"must": must, "filter": filters, "must_not": [{"exists": {"field": "duplicate_of"}}]}}


def search_indices(names: IndexNames, *, structured: bool, kinds: tuple[Kind, ...] | None = None) -> str:
    """Type, actor and place filters only make sense on events: then only events are searched."""
    if kinds:
        return ",".join(alias_of(names, k) for k in kinds)
    return names.events if structured else f"{names.reports},{names.events}"


def search(
    es: Any,
    settings: Settings,
    query: str,
    *,
    type: str | None = None,
    actor: str | None = None,
    near: Near | str | None = None,
    since: datetime | str | None = None,
    size: int = 10,
    kinds: tuple[Kind, ...] | None = None,
    now: datetime | None = None,
) -> SearchResult:
    """Search reports and events (events only when ``type``, ``actor`` or ``near`` is given)."""
    from elasticsearch import ApiError

    from sitrep.records import utcnow

    names = index_names(settings)
    near = Near.parse(near) if isinstance(near, str) else near
    since = parse_since(since, now or utcnow())
    body_query = build_query(query, type=type, actor=actor, near=near, since=since)
    index = search_indices(names, structured=bool(type or actor or near), kinds=kinds)
    sort: list[Any] = ["_score", {"timestamp": {"order": "desc", "unmapped_type": "date"}}]
    try:
        response = es.search(
            index=index,
            query=body_query,
            size=size,
            sort=sort,
            track_total_hits=True,
            ignore_unavailable=True,
            allow_no_indices=True,
            highlight={
                "pre_tags": ["«"], "post_tags": ["»"],
                "require_field_match": False,
                "fields": {name: {"fragment_size": 160, "number_of_fragments": 2}
                           for name in HIGHLIGHT_FIELDS},
            },
        )
    except ApiError as exc:
        raise SearchError(f"search on {index} failed: {exc.meta.status} {exc.message}") from exc
    body = response.body if hasattr(response, "body") else response
    hits = [_hit(names, h) for h in body["hits"]["hits"]]
    _add_also_reported_by(es, names, hits)
    total = body["hits"]["total"]
    total_value = total["value"] if isinstance(total, dict) else int(total)
    return SearchResult(total_value, hits, int(body.get("took", 0)))


def count(es: Any, settings: Settings, kind: Kind = "event", query: dict[str, Any] | None = None) -> int:
    """Documents of one kind (optionally matching ``query``); 0 when the index does not exist yet."""
    names = index_names(settings)
    index = alias_of(names, kind)
    kwargs: dict[str, Any] = {"index": index, "ignore_unavailable": True, "allow_no_indices": True}
    if query:
        kwargs["query"] = query
    response = es.count(**kwargs)
    return int((response.body if hasattr(response, "body") else response)["count"])


def alias_of(names: IndexNames, kind: Kind) -> str:
    return {"report": names.reports, "event": names.events, "alert": names.alerts}[kind]


def _hit(names: IndexNames, hit: dict[str, Any]) -> SearchHit:
    index = str(hit["_index"])
    kind: Kind = "report"
    if index.startswith(names.events):
        kind = "event"
    elif index.startswith(names.alerts):
        kind = "alert"
    return SearchHit(kind, str(hit["_id"]), index, hit.get("_score"), hit.get("_source", {}),
                     {k: list(v) for k, v in (hit.get("highlight") or {}).items()})


def _add_also_reported_by(es: Any, names: IndexNames, hits: list[SearchHit]) -> None:
    """Fill each report hit's ``also_reported_by`` with the outlets of its near-duplicates.

    Duplicates are indexed as documents of their own (nothing is lost) with ``duplicate_of``
    pointing at the canonical report; the canonical document is never rewritten for them, so
    its external version stays its revision."""
    report_ids = [hit.id for hit in hits if hit.kind == "report"]
    if not report_ids:
        return
    response = es.search(index=names.reports, size=1000, source=["duplicate_of", "source", "url"],
                         query={"terms": {"duplicate_of": report_ids}}, ignore_unavailable=True)
    outlets: dict[str, list[str]] = {}
    for copy in response["hits"]["hits"]:
        source = copy.get("_source") or {}
        canonical = source.get("duplicate_of")
        if not canonical:
            continue
        name = source.get("source") or source.get("url") or copy["_id"]
        if name not in outlets.setdefault(canonical, []):
            outlets[canonical].append(name)
    for hit in hits:
        if hit.kind == "report" and hit.id in outlets:
            known = list(hit.source.get("also_reported_by") or [])
            hit.source["also_reported_by"] = known + [o for o in outlets[hit.id] if o not in known]
