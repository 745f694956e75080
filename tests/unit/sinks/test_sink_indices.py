from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinks.indices import (
    _FOLD_MAPPINGS,
    CLITIC_PATTERN,
    analysis_settings,
    component_templates,
    detect_profile,
    ensure_indices,
    index_names,
    index_templates,
)
from sitrep.settings import Settings
from sitrep.textnorm import normalize_arabic, strip_clitics


class RecordingES:
    """Records template/index calls; knows arabic_normalization only when ``full``."""

    def __init__(self, full: bool = False) -> None:
        self.full = full
        self.calls: list[tuple[str, str]] = []
        self.indices_created: set[str] = set()
        self.aliases: dict[str, Any] = {}
        self.policies: dict[str, Any] = {}
        self.indices = self
        self.cluster = self
        self.ilm = self

    def analyze(self, **kwargs: Any) -> dict[str, Any]:
        if not self.full:
            raise RuntimeError("failed to find global filter under [arabic_normalization]")
        return {"tokens": []}

    def put_component_template(self, name: str, **body: Any) -> None:
        self.calls.append(("component", name))

    def put_index_template(self, name: str, **body: Any) -> None:
        self.calls.append(("index_template", name))

    def put_lifecycle(self, name: str, policy: Any) -> None:
        self.calls.append(("ilm", name))
        self.policies[name] = policy

    def exists(self, index: str) -> bool:
        return index in self.indices_created

    def create(self, index: str, aliases: Any = None) -> None:
        self.calls.append(("create", index))
        self.indices_created.add(index)
        self.aliases.update(aliases or {})

    def exists_alias(self, name: str) -> bool:
        return name in self.aliases


def test_names() -> None:
    names = index_names(Settings(elasticsearch={"index_prefix": "x"}))
    assert (names.reports, names.events, names.alerts) == ("x-reports", "x-events", "x-alerts")
    assert names.reports_index(datetime(2026, 2, 3, tzinfo=UTC)) == "x-reports-2026.02"
    assert names.events_index == "x-events-v1"


def test_profiles() -> None:
    full = analysis_settings("full")["analyzer"]["sitrep_ar"]
    basic = analysis_settings("basic")
    assert "arabic_normalization" in full["filter"] and "sitrep_ar_stem" in full["filter"]
    assert "arabic_normalization" not in basic["analyzer"]["sitrep_ar"]["filter"]
    assert not any("stem" in f for f in basic["analyzer"]["sitrep_ar"]["filter"])
    assert basic["analyzer"]["sitrep_ar"]["char_filter"] == ["sitrep_ar_fold"]
    assert detect_profile(RecordingES(full=True)) == "full"
    assert detect_profile(RecordingES(full=False)) == "basic"


@pytest.mark.parametrize("rule", _FOLD_MAPPINGS)
def test_basic_char_map_folds_like_our_normalizer(rule: str) -> None:
    source, target = rule.split("=>")
    char = source.encode().decode("unicode_escape") if source.startswith("\\u") else source
    assert normalize_arabic(char) == target


def test_templates_compose_settings_mappings_and_aliases() -> None:
    settings = Settings(elasticsearch={"index_prefix": "p", "ilm": True, "replicas": 2})
    names = index_names(settings)
    components = component_templates(names, settings.elasticsearch, "basic")
    index_settings = components["p-settings"]["template"]["settings"]
    assert index_settings["refresh_interval"] == "1s" and index_settings["number_of_replicas"] == 2
    templates = index_templates(names, settings.elasticsearch)
    assert templates["p-reports"]["index_patterns"] == ["p-reports-*"]
    assert templates["p-reports"]["template"]["aliases"] == {"p-reports": {}}
    assert "p-reports-ilm" in templates["p-reports"]["composed_of"]
    for template in templates.values():
        assert set(template["composed_of"]) <= set(components)
    assert components["p-events-mappings"]["template"]["mappings"]["dynamic"] == "strict"
    assert components["p-alerts-mappings"]["template"]["mappings"]["dynamic"] == "strict"
    events = components["p-events-mappings"]["template"]["mappings"]["properties"]
    assert events["location"] == {"type": "geo_point"} and events["sub_event_type"]["type"] == "keyword"


@pytest.mark.parametrize(
    ("layout", "first_reports"), [("rollover", "p-reports-000001"), ("monthly", "p-reports-2026.11")]
)
def test_ensure_indices_is_idempotent_and_skips_ilm_when_off(layout: str, first_reports: str) -> None:
    settings = Settings(
        elasticsearch={"index_prefix": "p", "ilm": False, "analysis": "auto", "reports_layout": layout}
    )
    es = RecordingES()
    now = datetime(2026, 11, 24, tzinfo=UTC)
    assert ensure_indices(es, settings, now=now) == "basic"
    first = list(es.calls)
    assert ("create", "p-events-v1") in first and ("create", first_reports) in first
    assert ("p-reports-write" in es.aliases) == (layout == "rollover")
    assert not any(kind == "ilm" for kind, _ in first)
    es.calls.clear()
    ensure_indices(es, settings, now=now)
    assert not any(kind == "create" for kind, _ in es.calls)


def test_ensure_indices_installs_the_ilm_policy_when_on() -> None:
    es = RecordingES(full=True)
    settings = Settings(
        profile="production", elasticsearch={"index_prefix": "p", "ilm": True, "analysis": "full"}
    )
    assert ensure_indices(es, settings) == "full"
    assert ("ilm", "p-reports") in es.calls
    hot = es.policies["p-reports"]["phases"]["hot"]["actions"]
    assert hot["rollover"] == {"max_age": "30d", "max_primary_shard_size": "50gb"}
    lifecycle = component_templates(index_names(settings), settings.elasticsearch, "full")["p-reports-ilm"]
    assert lifecycle["template"]["settings"]["index.lifecycle.rollover_alias"] == "p-reports-write"


@given(st.text(alphabet="وفبكلالاسمخx", min_size=1, max_size=12))
def test_clitic_token_filter_strips_like_our_normalizer(word: str) -> None:
    assert re.sub(CLITIC_PATTERN, "", word, count=1) == strip_clitics(word)


@pytest.mark.parametrize(
    "word", ["وللنظام", "فالقصف", "ال", "لل", "ولل", "بال", "كالب", "ابن", "والاشتباكات"]
)
def test_clitic_token_filter_edge_cases(word: str) -> None:
    assert re.sub(CLITIC_PATTERN, "", word, count=1) == strip_clitics(word)


def test_stem_analyzers_strip_clitics_in_the_basic_profile_only() -> None:
    basic, full = analysis_settings("basic")["analyzer"], analysis_settings("full")["analyzer"]
    assert basic["sitrep_ar_stem"]["filter"][-1] == "sitrep_ar_clitics"
    assert full["sitrep_ar_stem"] == full["sitrep_ar"]  # the light stemmer strips prefixes itself
    assert "sitrep_ar_clitics" in basic["sitrep_folded_stem"]["filter"]
