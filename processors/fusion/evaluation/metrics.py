"""Pairwise clustering metrics (pure)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from typing import Any


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise_scores(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> dict[str, Any]:
    """Pairwise precision, recall and F1 of a predicted clustering against gold, over the items of
    ``gold`` (an item missing from ``predicted`` is a cluster of its own)."""
    items = list(gold)
    predicted_of = {item: predicted.get(item, ("alone", item)) for item in items}
    joint = Counter((gold[i], predicted_of[i]) for i in items)
    true_pairs = sum(_pairs(n) for n in joint.values())
    gold_pairs = sum(_pairs(n) for n in Counter(gold[i] for i in items).values())
    predicted_pairs = sum(_pairs(n) for n in Counter(predicted_of.values()).values())
    precision = true_pairs / predicted_pairs if predicted_pairs else 1.0
    recall = true_pairs / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "gold_pairs": gold_pairs,
        "predicted_pairs": predicted_pairs,
        "items": len(items),
    }


def pair_scores(gold_pairs: set[frozenset[str]], negative_pairs: set[frozenset[str]],
                predicted_pairs: set[frozenset[str]]) -> dict[str, Any]:
    """Precision/recall/F1 over explicit labelled pairs (positives and negatives); unlabelled
    predicted pairs are not counted."""
    tp = len(gold_pairs & predicted_pairs)
    fp = len(negative_pairs & predicted_pairs)
    fn = len(gold_pairs - predicted_pairs)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "positives": len(gold_pairs), "negatives": len(negative_pairs)}
