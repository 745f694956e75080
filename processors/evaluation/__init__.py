"""Evaluations of event extraction (the gold SOHR report, ACLED notes, our Arabic and English labels) and
of fusion (:mod:`processors.fusion.evaluation`).

    run_evaluations(shared_dir, only=None) -> dict      every evaluation's figures
    format_table(results) -> str                         the table `sitrep eval` prints

The evaluation data are third-party and stay in the shared directory (``../shared`` from the
repository root, or ``$SITREP_SHARED_DIR``); nothing here copies their text. The Arabic labels
in ``arabic_labels.json`` are ours: judgements keyed by report id, no text.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    """Where the shared evaluation data live."""
    env = os.environ.get("SITREP_SHARED_DIR")
    return Path(env) if env else REPO_ROOT.parent / "shared"


def run_evaluations(
    shared: Path,
    only: list[str] | None = None,
    limit: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Run the evaluations (all, or those named in ``only``) and return their figures."""
    from processors.evaluation import acled, arabic, english, gold

    results: dict[str, Any] = {}
    names = only or ["gold", "acled", "arabic", "english", "fusion"]
    if "gold" in names:
        if progress:
            progress("eval: gold SOHR report ...")
        results["gold"] = gold.evaluate(shared)
    if "acled" in names:
        if progress:
            progress("eval: ACLED notes (dev 2017-2018, test 2019) ...")
        results["acled"] = acled.evaluate(shared, limit=limit)
    if "arabic" in names:
        if progress:
            progress("eval: Arabic dev labels ...")
        results["arabic"] = arabic.evaluate(shared)
    if "english" in names:
        if progress:
            progress("eval: English labels (FA-KES articles, dev, holdout, holdout2, holdout3) ...")
        results["english"] = english.evaluate(shared)
    if "fusion" in names:
        if progress:
            progress("eval: fusion (ACLED rows citing several sources, written sets, demo feeds, FA-KES) ...")
        from processors.fusion.evaluation import evaluate as evaluate_fusion

        results["fusion"] = evaluate_fusion(shared=shared)
    return results


def format_table(results: dict[str, Any]) -> str:
    """A plain-text table: one row per evaluation/split, one column per figure."""
    lines = []
    for name, block in results.items():
        splits = (
            block
            if isinstance(block, dict) and all(isinstance(v, dict) for v in block.values())
            else {"": block}
        )
        for split, figures in splits.items():
            label = f"{name}/{split}" if split else name
            cells: list[str] = []
            for key, value in figures.items():
                if isinstance(value, dict):  # a sub-figure (fusion's dev/test, any_shared_event): its P/R/F1
                    cells.extend(f"{key}.{k}={v:.3f}" for k, v in value.items()
                                 if k in ("precision", "recall", "f1") and isinstance(v, float))
                elif isinstance(value, float):
                    cells.append(f"{key}={value:.3f}")
                elif isinstance(value, (int, str, bool)) or value is None:
                    cells.append(f"{key}={value}")
            lines.append(f"{label:<14} " + "  ".join(cells))
    return "\n".join(lines)
