"""Report-level fusion sets, run through extraction and fusion exactly as ``sitrep fuse`` does.

Each labelled report has a ``cluster`` (the real-world event it is mainly about; null for a report
that should feed no event) and clusters may carry ``truth_fatalities``. A report's predicted cluster
is the canonical event its main (first) extracted event joined. Sets:

- ``written``: reports written for sitrep (``written_reports.jsonl`` beside this file): Arabic and
  English reports of one event, a toll that rises, a revision, a copied wire story, near misses
  (same toll, other place or day; same place, other pair of sides), a monthly running total.
- ``written_shared``: ``tests/fixtures/written_reports.jsonl`` + ``written_labels.json`` (another
  team's fixture, with a ``cluster`` field) when present.
- ``fakes``: FA-KES articles (``../shared/data/fakes_syria_fa-kes.csv``) grouped into events by us,
  by ``unit_id`` only (``fakes_clusters.json`` beside this file; no article text is copied).
- ``fakes_dedup``: near-duplicate detection over all FA-KES articles; gold = same ``unit_id``.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from processors.fusion.dedup import ReportDeduper
from processors.fusion.evaluation.metrics import pairwise_scores
from processors.fusion.pipeline import FusionRun, replay_order
from processors.fusion.settings import FusionSettings
from sitrep.records import ExternalReportInput, Report

HERE = Path(__file__).parent
REPO = HERE.parents[2]
SHARED = REPO.parent / "shared"


def score_reports(labelled: list[tuple[Report, str | None, int | None]],
                  settings: FusionSettings | None = None) -> dict[str, Any]:
    """Run fusion over labelled reports; pairwise scores of main events and toll agreement."""
    run = FusionRun(settings or FusionSettings())
    reports = [report for report, _cluster, _truth in labelled]
    for report in replay_order(reports):
        run.add(report)
    gold: dict[str, str] = {}
    truth_of: dict[str, int] = {}
    for report, cluster, truth in labelled:
        gold[report.report_id] = cluster if cluster is not None else f"none:{report.report_id}"
        if cluster is not None and truth is not None:
            truth_of[cluster] = truth
    scores = pairwise_scores(gold, run.main_event_of)
    compared: list[tuple[str, int, int | None]] = []
    for cluster, truth in sorted(truth_of.items()):
        members = [r for r, c in gold.items() if c == cluster and r in run.main_event_of]
        fused = run.canonical[run.main_event_of[members[0]]].fatalities if members else None
        compared.append((cluster, truth, fused))
    leaked = [r for r, c in gold.items() if c.startswith("none:") and r in run.main_event_of]
    scores.update({
        "reports": len(gold),
        "canonical_events": len(run.canonical),
        "fatalities_exact": round(sum(t == f for _c, t, f in compared) / len(compared), 4) if compared else None,
        "fatalities_wrong": [f"{c}: {f} (truth {t})" for c, t, f in compared if t != f],
        "non_events_that_fed_an_event": leaked,
    })
    return scores


def load_written(path: Path | None = None) -> list[tuple[Report, str | None, int | None]]:
    """The written set: (report, cluster, truth toll of the cluster)."""
    path = path or HERE / "written_reports.jsonl"
    labelled = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            report = ExternalReportInput.model_validate(record).to_report()
            labelled.append((report, record.get("cluster"), record.get("truth_fatalities")))
    return labelled


def load_written_shared() -> list[tuple[Report, str | None, int | None]] | None:
    """The shared written fixture with its ``cluster`` labels, when both files exist."""
    reports_path = REPO / "tests" / "fixtures" / "written_reports.jsonl"
    labels_path = REPO / "tests" / "fixtures" / "written_labels.json"
    if not reports_path.exists() or not labels_path.exists():
        return None
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    if isinstance(labels, dict) and "reports" in labels:
        labels = labels["reports"]
    by_id: dict[str, Any] = (
        {str(item.get("id")): item for item in labels} if isinstance(labels, list) else dict(labels)
    )
    labelled = []
    for line in reports_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        label = by_id.get(str(record.get("id")), {})
        cluster = label.get("cluster") if isinstance(label, dict) else None
        report = ExternalReportInput.model_validate(record).to_report()
        labelled.append((report, None if cluster is None else str(cluster), None))
    return labelled


def _fakes_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _fakes_report(row: dict[str, str], index: int) -> Report:
    published = datetime.strptime(row["date"], "%m/%d/%Y").replace(hour=12)
    return ExternalReportInput(
        id=f"fakes:{row['unit_id']}:{index}", title=row["article_title"], text=row["article_content"],
        published=published, language="en", source=row["source"],
    ).to_report()


def load_fakes(path: Path | None = None) -> list[tuple[Report, str | None, int | None]] | None:
    """FA-KES articles of our event clusters (``fakes_clusters.json``), or None without the data."""
    path = path or SHARED / "data" / "fakes_syria_fa-kes.csv"
    if not path.exists():
        return None
    clusters = json.loads((HERE / "fakes_clusters.json").read_text(encoding="utf-8"))["clusters"]
    cluster_of = {str(u): c for c in clusters for u in c["unit_ids"]}
    labelled: list[tuple[Report, str | None, int | None]] = []
    seen: set[str] = set()
    for index, row in enumerate(_fakes_rows(path)):
        cluster = cluster_of.get(row["unit_id"])
        if cluster is None or row["unit_id"] in seen:  # a repeated unit_id is the same article
            continue
        seen.add(row["unit_id"])
        labelled.append((_fakes_report(row, index), cluster["name"], cluster.get("truth_fatalities")))
    return labelled


def evaluate_fakes_dedup(path: Path | None = None, settings: FusionSettings | None = None) -> dict[str, Any]:
    """Near-duplicate detection over every FA-KES article (gold: the same ``unit_id``)."""
    path = path or SHARED / "data" / "fakes_syria_fa-kes.csv"
    if not path.exists():
        return {"skipped": f"absent: {path}"}
    settings = settings or FusionSettings()
    deduper = ReportDeduper(settings, {})
    reports = [_fakes_report(row, i) for i, row in enumerate(_fakes_rows(path))]
    predicted: dict[str, str] = {}
    for report in replay_order(reports):
        verdict = deduper.check(report, report.published_at or report.fetched_at)
        predicted[report.report_id] = verdict.duplicate_of or report.report_id
    gold = {r.report_id: r.report_id.split(":")[1] for r in reports}
    return pairwise_scores(gold, predicted)


def evaluate_report_sets(settings: FusionSettings | None = None) -> dict[str, Any]:
    """Scores of every report-level set that is available."""
    results: dict[str, Any] = {"written": score_reports(load_written(), settings)}
    shared = load_written_shared()
    results["written_shared"] = score_reports(shared, settings) if shared else {"skipped": "fixture absent"}
    fakes = load_fakes()
    results["fakes"] = score_reports(fakes, settings) if fakes else {"skipped": "FA-KES data absent"}
    results["fakes_dedup"] = evaluate_fakes_dedup(settings=settings)
    return results

