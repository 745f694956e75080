"""Batch fusion through the real extraction: ``fuse_reports`` and ``sitrep fuse``."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from processors.fusion import FusionSettings, fuse_reports
from processors.fusion.evaluation.reports import load_written, score_reports
from sitrep.cli import main
from sitrep.records import Report

WRITTEN = Path(__file__).resolve().parents[3] / "processors/fusion/evaluation/written_reports.jsonl"


def _reports() -> list[Report]:
    return [report for report, _cluster, _truth in load_written()]


def _canon(events: list[object]) -> list[str]:
    return [e.model_dump_json(exclude={"updated_at"}) for e in events]  # type: ignore[attr-defined]


def test_replaying_twice_and_in_another_order_gives_the_same_canonical_events() -> None:
    reports = _reports()
    first = fuse_reports(reports, FusionSettings())
    shuffled = list(reports)
    random.Random(3).shuffle(shuffled)
    # lines repeating an id are revisions in file order: keep those in their order
    revised = iter([r for r in reports if r.report_id == "fw-revised"])
    shuffled = [next(revised) if r.report_id == "fw-revised" else r for r in shuffled]
    assert _canon(fuse_reports(shuffled, FusionSettings())) == _canon(first)
    assert _canon(fuse_reports(reports + reports, FusionSettings())) == _canon(first)


def test_written_set_clusters_and_tolls() -> None:
    scores = score_reports(load_written())
    assert scores["f1"] >= 0.9
    assert scores["non_events_that_fed_an_event"] == []  # the monthly running total fed nothing


def test_arabic_update_raises_the_toll_of_the_same_event() -> None:
    events = fuse_reports(_reports(), FusionSettings())
    ariha = [e for e in events if "fw-ariha-ar-2" in e.report_ids]
    assert len(ariha) == 1
    (event,) = ariha
    assert set(event.report_ids) >= {"fw-ariha-ar-1", "fw-ariha-en-1", "fw-ariha-ar-2"}
    assert event.fatalities == 9
    assert "fw-ariha-ar-3" not in event.report_ids and "fw-maarrat-ar-1" not in event.report_ids


def test_cli_fuse_writes_one_canonical_event_per_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "events.jsonl"
    assert main(["fuse", "--input", str(WRITTEN), "--output", str(output)]) == 0
    lines = output.read_text(encoding="utf-8").splitlines()
    events = [json.loads(line) for line in lines]
    assert events and all(e["report_ids"] for e in events)
    assert len({e["event_id"] for e in events}) == len(events)
    assert "canonical events" in capsys.readouterr().err


def test_cli_fuse_names_a_bad_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x"}\n{"title": "no id"}\n', encoding="utf-8")
    assert main(["fuse", "--input", str(bad), "--output", str(tmp_path / "out.jsonl")]) == 1
    assert "bad.jsonl:2" in capsys.readouterr().err
