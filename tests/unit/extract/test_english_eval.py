"""The English evaluation: our FA-KES labels (judgements only) and a run over the shared articles."""

from __future__ import annotations

import json

import pytest

from processors.evaluation import format_table, run_evaluations, shared_dir
from processors.evaluation.english import ARTICLES_FILE, LABELS_FILE, SPLITS
from sitrep.records import SUB_EVENT_TYPES

SHARED = shared_dir()


def test_english_labels_are_judgements_only() -> None:
    labels = json.loads(LABELS_FILE.read_text(encoding="utf-8"))["reports"]
    assert len(labels) >= 50
    splits = [label["split"] for label in labels.values()]
    assert set(splits) == set(SPLITS)
    assert 0.25 <= splits.count("holdout") / (splits.count("holdout") + splits.count("dev")) <= 0.4
    assert splits.count("holdout2") >= 30
    assert splits.count("holdout3") >= 30
    assert len({label["outlet"] for label in labels.values()}) >= 8
    for uid, label in labels.items():
        assert uid.isdigit()
        assert set(label) == {
            "split",
            "draw",
            "outlet",
            "conflict",
            "ambiguous",
            "main",
            "sub_event_types",
            "not_fatalities",
            "note",
        }
        assert len(label["note"]) < 200, uid  # a note, never a copy of the article
        for sub in label["sub_event_types"]:
            assert sub in SUB_EVENT_TYPES, uid
        if label["main"]:
            main = label["main"]
            assert main["sub_event_type"] in SUB_EVENT_TYPES, uid
            assert main["sub_event_type"] == label["sub_event_types"][0], uid
            assert main["fatalities"] not in label["not_fatalities"] or main["fatalities"] is None, uid


def test_english_eval_over_shared_articles() -> None:
    if not (SHARED / ARTICLES_FILE).exists():
        pytest.skip(f"English articles not found at {SHARED / ARTICLES_FILE} (shared data directory absent)")
    results = run_evaluations(SHARED, only=["english"])
    assert set(results["english"]) == set(SPLITS)
    for split in SPLITS:
        figures = results["english"][split]
        assert figures["reports"] >= 15
        for key in ("conflict_acc", "sub_event", "fatalities", "actor_f1", "place", "date"):
            assert 0.0 <= figures[key] <= 1.0
    # a floor well under today's figures: the extractor reads English strikes and bombings
    assert results["english"]["dev"]["sub_event"] >= 0.6
    table = format_table(results)
    assert "english/dev" in table and "english/holdout " in table and "english/holdout2" in table
    assert "english/holdout3" in table
