"""Report-level fusion sets, run through extraction and fusion exactly as ``sitrep fuse`` does.

Each labelled report has a ``cluster`` (the real-world event it is mainly about; null for a report
that should feed no event) and clusters may carry ``truth_fatalities``. A report's predicted cluster
is the canonical event its main (first) extracted event joined. Sets:

- ``written``: reports written for sitrep (``written_reports.jsonl`` beside this file): Arabic and
  English reports of one event, a toll that rises, a revision, a copied wire story, near misses
  (same toll, other place or day; same place, other pair of sides), a monthly running total.
- ``written_shared``: ``tests/fixtures/written_reports.jsonl`` + ``written_labels.json`` (another
  team's fixture: each report's events with a ``cluster``), scored per event when present.
- ``fakes``: FA-KES articles (``../shared/data/fakes_syria_fa-kes.csv``) grouped into events by us,
  by ``unit_id`` only (``fakes_clusters.json`` beside this file; no article text is copied).
- ``fakes_dedup``: near-duplicate detection over all FA-KES articles; gold = same ``unit_id``
  (and, second gold, the copies we read and confirmed: ``reviewed_copies``).
- ``arabic_dedup``: near-duplicates among the Arabic ANT-corpus articles; gold = same article.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path
from typing import Any

from processors.fusion.dedup import ReportDeduper
from processors.fusion.evaluation.metrics import pairwise_scores
from processors.fusion.pipeline import FusionRun, number_revisions, replay_order
from processors.fusion.settings import FusionSettings
from sitrep.records import Event, ExternalReportInput, Report
from sitrep.textnorm import normalize_for_match

HERE = Path(__file__).parent
REPO = HERE.parents[2]
SHARED = REPO.parent / "shared"


def score_reports(labelled: list[tuple[Report, str | None, int | None]],
                  settings: FusionSettings | None = None) -> dict[str, Any]:
    """Run fusion over labelled reports; pairwise scores of main events and toll agreement."""
    run = FusionRun(settings or FusionSettings())
    reports = [report for report, _cluster, _truth in labelled]
    for report in replay_order(number_revisions(reports)):
        run.add(report)
    gold: dict[str, str] = {}
    truth_of: dict[str, int] = {}
    for report, cluster, truth in labelled:
        gold[report.report_id] = cluster if cluster is not None else f"none:{report.report_id}"
        if cluster is not None and truth is not None:
            truth_of[cluster] = truth
    scores = pairwise_scores(gold, run.main_event_of)
    scores["any_shared_event"] = _any_shared(gold, run)
    compared: list[tuple[str, int, int | None]] = []
    for cluster, truth in sorted(truth_of.items()):
        members = [r for r, c in gold.items() if c == cluster and r in run.main_event_of]
        fused = run.canonical[run.main_event_of[members[0]]].fatalities if members else None
        compared.append((cluster, truth, fused))
    leaked = [r for r, c in gold.items() if c.startswith("none:") and r in run.main_event_of]
    scores.update({
        "reports": len(gold),
        "canonical_events": len(run.canonical),
        "fatalities_exact": (
            round(sum(t == f for _c, t, f in compared) / len(compared), 4) if compared else None
        ),
        "fatalities_wrong": [f"{c}: {f} (truth {t})" for c, t, f in compared if t != f],
        "non_events_that_fed_an_event": leaked,
    })
    return scores


def _any_shared(gold: dict[str, str], run: FusionRun) -> dict[str, float]:
    """Pairwise scores when two reports count as fused if *any* of their events joined one
    canonical event (long articles tell several events; their main one varies by outlet)."""
    canonical_ids = {r: {c for _e, c in run.joined.get(r, [])} for r in gold}
    tp = fp = fn = 0
    for a, b in combinations(sorted(gold), 2):
        same, fused = gold[a] == gold[b], bool(canonical_ids[a] & canonical_ids[b])
        tp, fp, fn = tp + (same and fused), fp + (fused and not same), fn + (same and not fused)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


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


_ARTICLE = re.compile(r"^(?:a[lsrdtnz]|ash|el)[\s-]+|^ال")


def _fold(name: str | None) -> str:
    """Place name for alignment: folded, without the Arabic article ("As-Sukhnah" = "Al Sukhnah")."""
    folded = normalize_for_match(name or "").replace("-", " ").replace("'", "")
    return _ARTICLE.sub("", folded).replace(" ", "")


def _align(gold_event: dict[str, Any], extracted: list[tuple[Event, str]]) -> str | None:
    """The canonical id of the extracted event that best answers a labelled event of a report
    (callers remove the chosen event, so two labelled events never share one extracted event)."""
    if not extracted:
        return None
    names = {_fold(gold_event.get("place")), _fold(gold_event.get("gazetteer_name"))} - {""}

    def fit(item: tuple[Event, str]) -> tuple[int, int, int]:
        event = item[0]
        place = event.location
        here = {_fold(place.name), _fold(place.name_ar)} if place else set()
        return (
            int(event.sub_event_type == gold_event.get("sub_event_type")),
            int(bool(names & here)),
            int(event.event_type == gold_event.get("event_type")),
        )

    best = max(extracted, key=fit)  # max keeps the first (most salient) of equals
    if not (fit(best)[0] or fit(best)[2]):
        return None
    extracted.remove(best)
    return best[1]


def evaluate_written_shared(settings: FusionSettings | None = None) -> dict[str, Any]:
    """Event-level scores on ``tests/fixtures/written_*`` (labels list each report's events with a
    ``cluster``): each labelled event is aligned with the extracted event of its report that has
    its sub-event type and place, and two labelled events are fused when those joined one
    canonical event. Toll truth of a cluster: the figure of its latest report with a number."""
    reports_path = REPO / "tests" / "fixtures" / "written_reports.jsonl"
    labels_path = REPO / "tests" / "fixtures" / "written_labels.json"
    if not reports_path.exists() or not labels_path.exists():
        return {"skipped": "fixture absent"}
    labels = json.loads(labels_path.read_text(encoding="utf-8"))["reports"]
    reports = [
        ExternalReportInput.model_validate(json.loads(line)).to_report()
        for line in reports_path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    return score_labelled_events(reports, labels, settings)


def score_labelled_events(reports: list[Report], labels: dict[str, Any],
                          settings: FusionSettings | None = None) -> dict[str, Any]:
    """Event-level scores: ``labels`` maps a report id to ``{"events": [{"cluster", "sub_event_type",
    "place", "fatalities", ...}], "conflict": bool}``."""
    run = FusionRun(settings or FusionSettings())
    for report in replay_order(number_revisions(reports)):
        run.add(report)
    published = {r.report_id: r.published_at for r in reports}
    gold: dict[str, str] = {}
    predicted: dict[str, str] = {}
    latest: dict[str, tuple[Any, int]] = {}
    for report_id, label in labels.items():
        unused = list(run.joined.get(report_id, []))
        for index, gold_event in enumerate(label.get("events", [])):
            item = f"{report_id}#{index}"
            gold[item] = str(gold_event["cluster"])
            canonical = _align(gold_event, unused)
            if canonical is not None:
                predicted[item] = canonical
            if gold_event.get("fatalities") is not None:
                when = published.get(report_id)
                if gold[item] not in latest or (when and when >= latest[gold[item]][0]):
                    latest[gold[item]] = (when, gold_event["fatalities"])
    scores = pairwise_scores(gold, predicted)
    # The same over the labelled events extraction found: what fusion itself got right.
    found = pairwise_scores({i: c for i, c in gold.items() if i in predicted}, predicted)
    scores["extracted_only"] = {k: found[k] for k in ("precision", "recall", "f1", "gold_pairs")}
    compared = []
    for cluster, (_when, truth) in sorted(latest.items()):
        items = [i for i, c in gold.items() if c == cluster and i in predicted]
        fused = run.canonical[predicted[items[0]]].fatalities if items else None
        compared.append((cluster, truth, fused))
    non_conflict = [r for r, label in labels.items() if not label.get("conflict", True)]
    scores.update({
        "labelled_events": len(gold),
        "aligned_events": len(predicted),
        "canonical_events": len(run.canonical),
        "fatalities_exact": (
            round(sum(t == f for _c, t, f in compared) / len(compared), 4) if compared else None
        ),
        "fatalities_wrong": [f"{c}: {f} (truth {t})" for c, t, f in compared if t != f],
        "non_conflict_reports_with_events": [r for r in non_conflict if run.joined.get(r)],
    })
    return scores


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
    for report in replay_order(number_revisions(reports)):
        verdict = deduper.check(report, report.published_at or report.fetched_at)
        predicted[report.report_id] = verdict.duplicate_of or report.report_id
    gold = {r.report_id: r.report_id.split(":")[1] for r in reports}
    scores = pairwise_scores(gold, predicted)
    # Second gold: also the pairs we read and found to be copies (joined transitively).
    labels = json.loads((HERE / "fakes_clusters.json").read_text(encoding="utf-8"))
    parent = {unit: unit for unit in gold.values()}

    def root(unit: str) -> str:
        while parent[unit] != unit:
            unit = parent[unit]
        return unit

    for a, b in labels.get("reviewed_copies", []):
        if str(a) in parent and str(b) in parent:
            parent[root(str(a))] = root(str(b))
    reviewed = pairwise_scores({r: root(u) for r, u in gold.items()}, predicted)
    scores["with_reviewed_copies"] = {k: reviewed[k] for k in ("precision", "recall", "f1", "gold_pairs")}
    return scores


def load_demo() -> tuple[list[Report], dict[str, Any]] | None:
    """The bundled demo feeds (``ingest/demo``) as reports, with labels from ``expected.json``:
    every event its own cluster except the ``fusion`` groups (the same event told twice);
    ``sohr-ar-rev2.rss.xml`` is read after the others, as the revision it is."""
    demo = REPO / "ingest" / "demo"
    expected_path = demo / "expected.json"
    if not expected_path.exists():
        return None
    from ingest.parser import parse_feed
    from ingest.processor import entries_to_reports
    from ingest.registry import Feed
    from ingest.settings import PollerSettings

    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    fetched = datetime(2026, 11, 25, tzinfo=UTC)
    poller = PollerSettings()
    reports: list[Report] = []
    for path in sorted(demo.glob("*.xml"), key=lambda p: ("rev2" in p.name, p.name)):
        url = f"http://demo.sitrep.invalid/{path.name}"
        parsed = parse_feed(path.read_bytes(), {}, url)
        feed = Feed(id=path.stem, url=url)
        reports += [candidate.report for candidate in entries_to_reports(parsed, feed, fetched, poller)]
    fused_guids = {guid: group["guids"][0] for group in expected.get("fusion", []) for guid in group["guids"]}
    by_url = {r.url: r.report_id for r in reports}
    labels: dict[str, Any] = {}
    for entry in expected["reports"]:
        report_id = by_url.get(entry.get("link", ""))
        if report_id is None:
            continue
        events = []
        for index, event in enumerate(entry["events"]):
            cluster = fused_guids.get(entry["guid"], f"{entry['guid']}#{index}") if index == 0 else (
                f"{entry['guid']}#{index}")
            place = event.get("location") or {}
            events.append({**event, "cluster": cluster, "place": place.get("name"),
                           "gazetteer_name": place.get("gazetteer_name")})
        labels[report_id] = {"events": events, "conflict": bool(events)}
    return reports, labels


def evaluate_demo(settings: FusionSettings | None = None) -> dict[str, Any]:
    """Event-level scores on the bundled demo feeds."""
    demo = load_demo()
    if demo is None:
        return {"skipped": "demo feeds absent"}
    reports, labels = demo
    return score_labelled_events(reports, labels, settings)


def evaluate_arabic_dedup(path: Path | None = None, settings: FusionSettings | None = None) -> dict[str, Any]:
    """Near-duplicates among the Arabic ANT-corpus articles (``../shared/data/arabic_reports.jsonl``,
    five outlets). Gold: the same article (title and text) filed twice; distinct stories of one day,
    even on one event across outlets, are not duplicates."""
    path = path or SHARED / "data" / "arabic_reports.jsonl"
    if not path.exists():
        return {"skipped": f"absent: {path}"}
    settings = settings or FusionSettings()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    reports = [
        ExternalReportInput(id=row["id"], title=row["title"], text=row["text"], published=row["published"],
                            language="ar", source=row["news_source"]).to_report()
        for row in rows
    ]
    deduper = ReportDeduper(settings, {})
    predicted: dict[str, str] = {}
    for report in replay_order(reports):
        verdict = deduper.check(report, report.published_at or report.fetched_at)
        predicted[report.report_id] = verdict.duplicate_of or report.report_id
    gold = {r.report_id: r.content_hash for r in reports}
    return pairwise_scores(gold, predicted)


def evaluate_report_sets(settings: FusionSettings | None = None, shared: Path | None = None) -> dict[str, Any]:
    """Scores of every report-level set that is available (third-party data under ``shared``, default
    ``../shared``)."""
    data = (shared or SHARED) / "data"
    results: dict[str, Any] = {"written": score_reports(load_written(), settings)}
    results["written_shared"] = evaluate_written_shared(settings)
    results["demo"] = evaluate_demo(settings)
    fakes = load_fakes(data / "fakes_syria_fa-kes.csv")
    results["fakes"] = score_reports(fakes, settings) if fakes else {"skipped": "FA-KES data absent"}
    results["fakes_dedup"] = evaluate_fakes_dedup(data / "fakes_syria_fa-kes.csv", settings=settings)
    results["arabic_dedup"] = evaluate_arabic_dedup(data / "arabic_reports.jsonl", settings=settings)
    return results

