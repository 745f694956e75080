"""Evaluation of deduplication and fusion on labelled sets (``sitrep eval`` calls :func:`evaluate`).

Sets (third-party data is read from ``../shared`` at run time, never copied; absent data is skipped):

- ``acled``: event-level; ACLED rows citing several sources, one extracted event per source
  (:mod:`.acled`); gold cluster = ``event_id_cnty``.
- ``written`` / ``fakes`` / ``demo``: report-level, through extraction (:mod:`.reports`).
- ``fakes_dedup``: near-duplicate reports among the FA-KES articles; gold = same ``unit_id``.

``sitrep eval --only fusion`` prints these figures (``sitrep eval`` alone runs them after the extraction
evaluations).

Each set reports pairwise precision, recall and F1, and how fused tolls compare with the truth.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from processors.fusion.evaluation.acled import load_labelled_events
from processors.fusion.evaluation.metrics import pairwise_scores
from processors.fusion.fuser import EventFuser
from processors.fusion.settings import FusionSettings
from sitrep.records import Event

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
# ACLED rows by year: 2017-2018 for development, 2019 kept as the test split.
SPLITS = {"dev": ("2017", "2018"), "test": ("2019",)}


def evaluate_acled(path: Path | None = None, settings: FusionSettings | None = None,
                   limit: int | None = None) -> dict[str, Any]:
    """Pairwise scores and toll agreement of event fusion on the ACLED-derived set."""
    path = path or SHARED / "data" / "acled_syria.csv"
    if not path.exists():
        return {"skipped": f"absent: {path}"}
    settings = settings or FusionSettings()
    labelled = load_labelled_events(path, limit)
    fuser = EventFuser(settings, {})
    joined: dict[str, str] = {}
    latest: dict[str, Event] = {}
    for item in labelled:
        now = item.event.published_at
        assert now is not None
        result = fuser.fuse(item.event, now)
        if result.skipped is None:
            joined[item.event.event_id] = result.canonical.event_id
            latest[result.canonical.event_id] = result.canonical
    gold = {item.event.event_id: item.cluster for item in labelled}
    scores = pairwise_scores(gold, joined)
    truths: dict[str, tuple[int | None, str]] = {}
    for item in labelled:
        truths.setdefault(item.cluster, (item.true_fatalities, joined.get(item.event.event_id, "")))
    compared = [(truth, latest[cid].fatalities) for truth, cid in truths.values()
                if truth is not None and cid]
    exact = sum(1 for truth, fused in compared if truth == fused)
    error = sum(abs((fused or 0) - truth) for truth, fused in compared)
    for split, years in SPLITS.items():
        part = {item.event.event_id: item.cluster for item in labelled if item.year in years}
        if part:
            found = pairwise_scores(part, joined)
            scores[split] = {k: found[k] for k in ("precision", "recall", "f1", "gold_pairs", "items")}
    scores.update({
        "true_events": len(truths),
        "canonical_events": len(latest),
        "fatalities_exact": round(exact / len(compared), 4) if compared else None,
        "fatalities_mean_abs_error": round(error / len(compared), 3) if compared else None,
    })
    return scores


def evaluate(settings: FusionSettings | None = None, shared: Path | None = None) -> dict[str, Any]:
    """Every fusion evaluation, by set name (third-party data under ``shared``, default ``../shared``)."""
    results: dict[str, Any] = {"acled": evaluate_acled((shared or SHARED) / "data" / "acled_syria.csv", settings)}
    try:
        from processors.fusion.evaluation.reports import evaluate_report_sets
    except ImportError as exc:  # extraction not available in this checkout
        results["reports"] = {"skipped": str(exc)}
    else:
        results.update(evaluate_report_sets(settings, shared))
    return results
