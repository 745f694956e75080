"""Index layout: names, analysis profiles, mappings, templates — and ``ensure_indices`` to apply them.

Layout (``<p>`` is ``settings.elasticsearch.index_prefix``, default ``sitrep``):

- ``<p>-reports``: read alias over the time-based reports indices. Layout ``rollover`` (default):
  new reports go through the write alias ``<p>-reports-write`` to ``<p>-reports-000001``,
  ``-000002``... rolled over by ILM (``ilm`` on) or by the sink with the same conditions (``ilm``
  off: the local stand-in has no ILM); a report already indexed (a revision, a replay) is written
  back to the index that holds it (:mod:`sinks.rollover`), so a rollover never makes a second copy.
  Layout ``monthly``: ``<p>-reports-YYYY.MM`` chosen by the report's ``published_at`` (else
  ``fetched_at``), so a report always lands in the same index without a lookup. Old indices are
  deleted by an ILM policy when ``ilm`` is on.
- ``<p>-events``: alias (write index ``<p>-events-v1``), canonical events upserted by ``event_id``.
- ``<p>-alerts``: alias (write index ``<p>-alerts-v1``).

Everything is created from composable index templates (component templates for settings and
mappings), so indices created later by a bulk request get the same settings, mappings and aliases.
Events and alerts have strict mappings. Text fields use an Arabic analyzer chosen by the
``analysis`` setting ("full": Elasticsearch's arabic_normalization + light stemmer + stop words;
"basic": stop words and a character map that folds like our normalizer, for servers without
arabic_normalization or with a broken stemmer; "auto": probe the server). Beside them, ``*_norm``
fields hold text already folded by :func:`sitrep.textnorm.normalize_for_match`, which search applies
to the query too, so queries and documents agree whatever the server does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sitrep.settings import ElasticsearchSettings, Settings

Profile = Literal["full", "basic"]
TEMPLATE_PRIORITY = 200


@dataclass(frozen=True)
class IndexNames:
    """Names of the aliases, indices and templates under one prefix."""

    prefix: str
    layout: Literal["rollover", "monthly"] = "rollover"

    @property
    def reports(self) -> str:
        """Read alias over every reports index."""
        return f"{self.prefix}-reports"

    @property
    def reports_write(self) -> str:
        """Write alias of the rollover layout (points at the newest reports index)."""
        return f"{self.prefix}-reports-write"

    @property
    def first_reports_index(self) -> str:
        """The first index of the rollover layout; rollovers count up from it."""
        return f"{self.prefix}-reports-000001"

    @property
    def events(self) -> str:
        """Alias of the events index."""
        return f"{self.prefix}-events"

    @property
    def alerts(self) -> str:
        """Alias of the alerts index."""
        return f"{self.prefix}-alerts"

    @property
    def events_index(self) -> str:
        return f"{self.prefix}-events-v1"

    @property
    def alerts_index(self) -> str:
        return f"{self.prefix}-alerts-v1"

    def reports_index(self, when: datetime) -> str:
        """The monthly index a report published (or fetched) at ``when`` belongs to."""
        return f"{self.prefix}-reports-{when:%Y.%m}"

    def report_target(self, when: datetime) -> str:
        """Where a new report is written: the write alias, or its month's index (``monthly``)."""
        return self.reports_write if self.layout == "rollover" else self.reports_index(when)

    @property
    def all_aliases(self) -> tuple[str, str, str]:
        return (self.reports, self.events, self.alerts)


def index_names(settings: Settings | ElasticsearchSettings) -> IndexNames:
    es = settings.elasticsearch if isinstance(settings, Settings) else settings
    return IndexNames(es.index_prefix, es.reports_layout)


# --- analysis ---------------------------------------------------------------------------------------

# The folds of sitrep.textnorm.normalize_arabic, as an Elasticsearch mapping char filter ("basic").
_FOLD_MAPPINGS = [
    "\u0622=>\u0627", "\u0623=>\u0627", "\u0625=>\u0627", "\u0671=>\u0627",
    "\u0649=>\u064a", "\u0629=>\u0647",
    *(f"\\u{cp:04x}=>" for cp in [*range(0x064B, 0x0660), 0x0670, 0x0640]),
]


# sitrep.textnorm.strip_clitics as a token filter pattern (Java and Python regex agree on it):
# "لل" with an optional و/ف first, else و/ف, then ب/ك/ل, then ال, each only while two letters remain.
CLITIC_PATTERN = (
    "^(?:[\u0648\u0641]?\u0644\u0644(?=..)"
    "|(?:[\u0648\u0641](?=..))?(?:[\u0628\u0643\u0644](?=..))?(?:\u0627\u0644(?=..))?)"
)


def analysis_settings(profile: Profile) -> dict[str, Any]:
    """The ``analysis`` index settings of a profile.

    Analyzers: ``sitrep_ar`` (language field), ``sitrep_ar_stem`` (the same without attached
    clitics: "قصف" finds "وبالقصف"), ``sitrep_folded`` (for *_norm fields, already folded by our
    normalizer) and ``sitrep_folded_stem`` (the same without clitics). Clitics are stripped by
    Elasticsearch at index and query time alike, so documents and queries agree by construction.
    """
    filters: dict[str, Any] = {
        "sitrep_ar_stop": {"type": "stop", "stopwords": "_arabic_"},
        "sitrep_ar_clitics": {"type": "pattern_replace", "pattern": CLITIC_PATTERN, "replacement": ""},
    }
    if profile == "full":
        filters["sitrep_ar_stem"] = {"type": "stemmer", "language": "arabic"}
        arabic = {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "lowercase", "decimal_digit", "sitrep_ar_stop", "arabic_normalization", "sitrep_ar_stem"
            ],
        }
        char_filters: dict[str, Any] = {}
        arabic_stem = arabic  # Elasticsearch's light stemmer strips the prefixes itself
    else:
        char_filters = {"sitrep_ar_fold": {"type": "mapping", "mappings": _FOLD_MAPPINGS}}
        arabic = {
            "type": "custom",
            "tokenizer": "standard",
            "char_filter": ["sitrep_ar_fold"],
            "filter": ["lowercase", "decimal_digit", "sitrep_ar_stop"],
        }
        arabic_stem = {**arabic, "filter": [*arabic["filter"], "sitrep_ar_clitics"]}
    analysis: dict[str, Any] = {
        "filter": filters,
        "analyzer": {
            "sitrep_ar": arabic,
            "sitrep_ar_stem": arabic_stem,
            # For *_norm fields: the text is already folded by normalize_for_match.
            "sitrep_folded": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
            "sitrep_folded_stem": {
                "type": "custom", "tokenizer": "standard", "filter": ["lowercase", "sitrep_ar_clitics"]
            },
        },
    }
    if char_filters:
        analysis["char_filter"] = char_filters
    return analysis


def detect_profile(es: Any) -> Profile:
    """"full" when the server knows arabic_normalization (real Elasticsearch), else "basic"."""
    try:
        es.indices.analyze(tokenizer="standard", filter=["arabic_normalization"], text="\u0623")
    except Exception:  # any refusal means the filter is unusable here
        return "basic"
    return "full"


def resolve_profile(es: Any, settings: ElasticsearchSettings) -> Profile:
    return detect_profile(es) if settings.analysis == "auto" else settings.analysis


# --- mappings ---------------------------------------------------------------------------------------

KEYWORD: dict[str, Any] = {"type": "keyword", "ignore_above": 1024}
DATE: dict[str, Any] = {"type": "date"}
INT: dict[str, Any] = {"type": "integer"}
FOLDED: dict[str, Any] = {
    "type": "text",
    "analyzer": "sitrep_folded",
    "fields": {"stem": {"type": "text", "analyzer": "sitrep_folded_stem"}},
}
STORED_ONLY: dict[str, Any] = {"type": "object", "enabled": False}


def _text(keyword: bool = False) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "en": {"type": "text", "analyzer": "english"},
        "stem": {"type": "text", "analyzer": "sitrep_ar_stem"},
    }
    if keyword:
        fields["keyword"] = {"type": "keyword", "ignore_above": 256}
    return {"type": "text", "analyzer": "sitrep_ar", "fields": fields}


PLACE: dict[str, Any] = {
    "properties": {
        "name": _text(keyword=True),
        "name_ar": _text(keyword=True),
        "admin1": KEYWORD,
        "admin2": KEYWORD,
        "country": KEYWORD,
        "geo_precision": INT,
        "gazetteer_id": KEYWORD,
    }
}
OTHER_PLACE: dict[str, Any] = {
    "properties": {**PLACE["properties"], "location": {"type": "geo_point"}}
}

REPORT_MAPPINGS: dict[str, Any] = {
    # Not strict: a Report field added upstream is kept in _source, not indexed, not rejected.
    "dynamic": False,
    "properties": {
        "schema_version": INT,
        "report_id": KEYWORD,
        "revision": INT,
        "feed_id": KEYWORD,
        "source": KEYWORD,
        "url": KEYWORD,
        "title": _text(keyword=True),
        "text": _text(),
        "summary": _text(),
        "language": KEYWORD,
        "published_at": DATE,
        "fetched_at": DATE,
        "timestamp": DATE,
        "content_hash": KEYWORD,
        "tags": KEYWORD,
        "duplicate_of": KEYWORD,
        "also_reported_by": KEYWORD,
        "title_norm": FOLDED,
        "text_norm": FOLDED,
    },
}

EVENT_MAPPINGS: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        "schema_version": INT,
        "event_id": KEYWORD,
        "revision": INT,
        "event_type": KEYWORD,
        "sub_event_type": KEYWORD,
        "event_date": DATE,
        "event_date_end": DATE,
        "date_precision": INT,
        "actor1": _text(keyword=True),
        "actor2": _text(keyword=True),
        "actors": {"properties": {"name": KEYWORD, "role": KEYWORD}},
        "actor_names": KEYWORD,
        "fatalities": INT,
        "fatalities_qualifier": KEYWORD,
        "injured": INT,
        "location": {"type": "geo_point"},
        "place": PLACE,
        "other_locations": OTHER_PLACE,
        "report_ids": KEYWORD,
        "sources": KEYWORD,
        "urls": KEYWORD,
        "evidence": STORED_ONLY,
        "source_figures": STORED_ONLY,
        "confidence": {"type": "float"},
        "language": KEYWORD,
        "summary": _text(),
        "summary_norm": FOLDED,
        "place_norm": FOLDED,
        "published_at": DATE,
        "updated_at": DATE,
        "timestamp": DATE,
    },
}

ALERT_MAPPINGS: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        "schema_version": INT,
        "alert_id": KEYWORD,
        "rule": KEYWORD,
        "kind": KEYWORD,
        "event_id": KEYWORD,
        "event_ids": KEYWORD,
        "fatalities": INT,
        "summary": _text(),
        "summary_norm": FOLDED,
        "sub_event_type": KEYWORD,
        "admin1": KEYWORD,
        "location": {"type": "geo_point"},
        "place": PLACE,
        "sources": KEYWORD,
        "urls": KEYWORD,
        "kibana_url": KEYWORD,
        "notify": KEYWORD,
        "fired_at": DATE,
        "timestamp": DATE,
    },
}


# --- templates --------------------------------------------------------------------------------------


def component_templates(
    names: IndexNames, settings: ElasticsearchSettings, profile: Profile
) -> dict[str, dict[str, Any]]:
    """Component templates by name (the body of ``PUT _component_template/<name>``)."""
    index_settings: dict[str, Any] = {
        "number_of_shards": settings.shards,
        "number_of_replicas": settings.replicas,
        "refresh_interval": "1s",
        "analysis": analysis_settings(profile),
    }
    templates: dict[str, dict[str, Any]] = {
        f"{names.prefix}-settings": {"template": {"settings": index_settings}},
        f"{names.prefix}-reports-mappings": {"template": {"mappings": REPORT_MAPPINGS}},
        f"{names.prefix}-events-mappings": {"template": {"mappings": EVENT_MAPPINGS}},
        f"{names.prefix}-alerts-mappings": {"template": {"mappings": ALERT_MAPPINGS}},
    }
    if settings.ilm:
        lifecycle: dict[str, Any] = {"index.lifecycle.name": ilm_policy_name(names)}
        if names.layout == "rollover":
            lifecycle["index.lifecycle.rollover_alias"] = names.reports_write
        templates[f"{names.prefix}-reports-ilm"] = {"template": {"settings": lifecycle}}
    return templates


def index_templates(names: IndexNames, settings: ElasticsearchSettings) -> dict[str, dict[str, Any]]:
    """Composable index templates by name (the body of ``PUT _index_template/<name>``)."""
    ilm = [f"{names.prefix}-reports-ilm"] if settings.ilm else []
    return {
        names.reports: {
            "index_patterns": [f"{names.reports}-*"],
            "composed_of": [f"{names.prefix}-settings", f"{names.prefix}-reports-mappings", *ilm],
            "template": {"aliases": {names.reports: {}}},
            "priority": TEMPLATE_PRIORITY,
            "_meta": {"managed_by": "sitrep"},
        },
        names.events: {
            "index_patterns": [f"{names.events}-*"],
            "composed_of": [f"{names.prefix}-settings", f"{names.prefix}-events-mappings"],
            "priority": TEMPLATE_PRIORITY,
            "_meta": {"managed_by": "sitrep"},
        },
        names.alerts: {
            "index_patterns": [f"{names.alerts}-*"],
            "composed_of": [f"{names.prefix}-settings", f"{names.prefix}-alerts-mappings"],
            "priority": TEMPLATE_PRIORITY,
            "_meta": {"managed_by": "sitrep"},
        },
    }


def ilm_policy_name(names: IndexNames) -> str:
    return f"{names.prefix}-reports"


def rollover_conditions(settings: ElasticsearchSettings) -> dict[str, Any]:
    """When the reports write index is rolled over (ILM's rollover action, or the sink's own)."""
    conditions: dict[str, Any] = {
        "max_age": settings.rollover_max_age,
        "max_primary_shard_size": settings.rollover_max_primary_shard_size,
    }
    if settings.rollover_max_docs is not None:
        conditions["max_docs"] = settings.rollover_max_docs
    return conditions


def ilm_policy(retention_days: int = 730, rollover: dict[str, Any] | None = None) -> dict[str, Any]:
    """Reports indices: rolled over when ``rollover`` conditions hold (rollover layout), read-only
    after 45 days, deleted after ``retention_days``."""
    return {
        "phases": {
            "hot": {"min_age": "0ms", "actions": {"rollover": rollover} if rollover else {}},
            "warm": {"min_age": "45d", "actions": {"readonly": {}, "forcemerge": {"max_num_segments": 1}}},
            "delete": {"min_age": f"{retention_days}d", "actions": {"delete": {}}},
        }
    }


def ensure_indices(es: Any, settings: Settings, *, now: datetime | None = None) -> Profile:
    """Create or update templates, policies, aliases and write indices. Idempotent.

    Returns the analysis profile in use. Existing indices keep their mappings (a change of mapping
    needs a new ``-vN`` index and a reindex).
    """
    from sitrep.records import utcnow

    es_settings = settings.elasticsearch
    names = index_names(es_settings)
    profile = resolve_profile(es, es_settings)
    if es_settings.ilm:
        rollover = rollover_conditions(es_settings) if names.layout == "rollover" else None
        es.ilm.put_lifecycle(name=ilm_policy_name(names), policy=ilm_policy(rollover=rollover))
    for name, body in component_templates(names, es_settings, profile).items():
        es.cluster.put_component_template(name=name, **body)
    for name, body in index_templates(names, es_settings).items():
        es.indices.put_index_template(name=name, **body)
    _create_index(es, names.events_index, {names.events: {"is_write_index": True}})
    _create_index(es, names.alerts_index, {names.alerts: {"is_write_index": True}})
    if names.layout == "rollover":
        # Bootstrap once: the first index carries the write alias; rollovers move it on from there.
        if not es.indices.exists_alias(name=names.reports_write):
            _create_index(es, names.first_reports_index, {names.reports_write: {"is_write_index": True}})
    else:
        # The current month exists from the start, so the reports alias resolves before the first report.
        _create_index(es, names.reports_index(now or utcnow()), None)
    return profile


def _create_index(es: Any, index: str, aliases: dict[str, Any] | None) -> None:
    from elasticsearch import BadRequestError

    if es.indices.exists(index=index):
        return
    try:
        if aliases:
            es.indices.create(index=index, aliases=aliases)
        else:
            es.indices.create(index=index)
    except BadRequestError as exc:
        if "already_exists" not in str(exc.error):  # created by a concurrent sink: fine
            raise
