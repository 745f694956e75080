"""The evaluation harness: scoring helpers, label file, and quick runs over the shared data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from processors.evaluation import format_table, run_evaluations, shared_dir
from processors.evaluation.arabic import LABELS_FILE
from processors.evaluation.scoring import canonical_label_actor, f1, km_between, same_place
from sitrep.records import SUB_EVENT_TYPES

SHARED = shared_dir()


def test_label_actor_names_map_to_canonical_names() -> None:
    assert canonical_label_actor("Military Forces of Syria (2000-)") == "Military Forces of Syria"
    assert canonical_label_actor("QSD: Syrian Democratic Forces") == "Syrian Democratic Forces"
    assert canonical_label_actor("Islamic State (Syria)") == "Islamic State"
    assert canonical_label_actor("Operation Peace Spring") == "Syrian National Army"
    assert canonical_label_actor("") == ""


def test_scoring_helpers() -> None:
    assert f1({"a", "b"}, {"a"}) == pytest.approx(2 / 3)
    assert f1(set(), set()) == 1.0
    assert 60 < km_between(33.51, 36.29, 34.0, 36.0) < 70
    assert same_place("al-Mayadin", "Al Mayadin") and not same_place("Homs", "Hama")


def test_arabic_labels_are_judgements_only() -> None:
    labels = json.loads(LABELS_FILE.read_text(encoding="utf-8"))["reports"]
    assert len(labels) >= 40
    for rid, label in labels.items():
        assert set(label) == {
            "conflict",
            "ambiguous",
            "main",
            "sub_event_types",
            "actors",
            "not_fatalities",
            "note",
            "split",
        } | ({"labelled_round"} if "labelled_round" in label else set())
        assert label["split"] in {"dev", "holdout5", "holdout6", "holdout7"}
        assert len(label["note"]) < 200, rid  # a note, never a copy of the report
        for sub in label["sub_event_types"]:
            assert sub in SUB_EVENT_TYPES
        if label["main"]:
            assert label["main"]["sub_event_type"] in SUB_EVENT_TYPES


def test_quick_run_over_shared_data() -> None:
    if not (SHARED / "data" / "acled_syria.csv").exists():
        pytest.skip(f"shared evaluation data not found under {SHARED}")
    results = run_evaluations(SHARED, only=["gold", "acled", "arabic", "english"], limit=40)
    assert set(results) == {"gold", "acled", "arabic", "english"}
    assert results["acled"]["test"]["rows"] == 40
    assert 0.0 <= results["acled"]["dev"]["sub_event"] <= 1.0
    assert results["arabic"]["dev"]["reports"] >= 40
    assert results["arabic"]["holdout5"]["reports"] >= 40
    assert results["arabic"]["holdout6"]["reports"] >= 40
    assert results["arabic"]["holdout7"]["reports"] >= 40
    table = format_table(results)
    assert "acled/test" in table and "arabic/holdout6" in table


def test_fusion_evaluation_reads_the_shared_dir_it_is_given(tmp_path: Path) -> None:
    results = run_evaluations(tmp_path, only=["fusion"])
    fusion = results["fusion"]
    # third-party sets are looked for under the directory given, so here they are skipped, not read
    # from ../shared behind the caller's back
    assert str(tmp_path) in fusion["acled"]["skipped"]
    assert fusion["fakes"] == {"skipped": "FA-KES data absent"}
    assert str(tmp_path) in fusion["arabic_dedup"]["skipped"]
    # our own written set needs no shared data
    assert 0.0 <= fusion["written"]["f1"] <= 1.0
    table = format_table(results)
    assert "fusion/written " in table and "any_shared_event.f1=" in table


def test_acled_date_is_also_scored_over_notes_that_state_a_day() -> None:
    from processors.evaluation.acled import summarize

    outcomes = [
        {"events": 1, "sub_event": True, "fatalities": True, "place": True, "date": True, "actors": 1.0,
         "date_stated": True},
        {"events": 1, "sub_event": True, "fatalities": True, "place": True, "date": False, "actors": 1.0,
         "date_stated": False},
    ]
    figures = summarize(outcomes)
    assert figures["date"] == 0.5 and figures["date_stated_share"] == 0.5 and figures["date_where_stated"] == 1.0
