"""Fusion evaluation: metrics, and the sets built from ../shared data (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from processors.fusion.evaluation import evaluate_acled
from processors.fusion.evaluation.metrics import pairwise_scores
from processors.fusion.evaluation.reports import evaluate_fakes_dedup

SHARED = Path(__file__).resolve().parents[4] / "shared" / "data"


def test_pairwise_scores_count_pairs() -> None:
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    assert pairwise_scores(gold, {"a": "x", "b": "x", "c": "y", "d": "y"}) == {
        "precision": 0.5, "recall": 0.3333, "f1": 0.4, "gold_pairs": 3, "predicted_pairs": 2, "items": 4,
    }
    perfect = pairwise_scores(gold, {"a": 0, "b": 0, "c": 0, "d": 9})
    assert perfect["f1"] == 1.0


def test_acled_multi_source_events_are_fused() -> None:
    path = SHARED / "acled_syria.csv"
    if not path.exists():
        pytest.skip(f"third-party data not available: {path}")
    scores = evaluate_acled(path, limit=600)
    assert scores["recall"] >= 0.9
    assert scores["precision"] >= 0.55


def test_fakes_copies_of_one_article_are_duplicates() -> None:
    path = SHARED / "fakes_syria_fa-kes.csv"
    if not path.exists():
        pytest.skip(f"third-party data not available: {path}")
    scores = evaluate_fakes_dedup(path)
    assert scores["recall"] == 1.0


def test_arabic_articles_of_different_outlets_are_not_duplicates() -> None:
    from processors.fusion.evaluation.reports import evaluate_arabic_dedup

    path = SHARED / "arabic_reports.jsonl"
    if not path.exists():
        pytest.skip(f"third-party data not available: {path}")
    scores = evaluate_arabic_dedup(path)
    assert scores["precision"] == 1.0 and scores["recall"] == 1.0
