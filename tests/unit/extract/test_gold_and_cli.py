"""The gold SOHR report (read from ../shared, skipped when absent) and the `sitrep extract` CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from processors.evaluation import shared_dir
from sitrep.cli import main
from sitrep.cli.extract import extract_lines

SHARED = shared_dir()


def test_gold_report_four_events_no_double_count() -> None:
    if not (SHARED / "gold" / "sohr-2017-10-10.gold.json").exists():
        pytest.skip(f"gold report not found under {SHARED}/gold (shared data directory absent)")
    from processors.evaluation import gold

    figures = gold.evaluate(SHARED)
    assert figures["events_found"] == "4/4"
    assert figures["tolls_right"] == "2/2"
    assert figures["no_double_count"] is True
    assert figures["main_event_ok"] is True
    assert figures["source_not_actor"] is True


def test_extract_lines_contract() -> None:
    lines = [
        json.dumps(
            {
                "id": "a",
                "title": "",
                "text": "Rebels shelled the town of Mhardeh, killing 3 civilians.",
                "published": "2019-05-02T10:00:00Z",
                "source": "wire",
            }
        ),
        "",
        json.dumps(
            {
                "id": "b",
                "title": "Talks",
                "text": "Ministers met to discuss aid.",
                "published": "2019-05-02T10:00:00Z",
                "language": "en",
            }
        ),
    ]
    out = list(extract_lines(iter(lines)))
    assert [o["id"] for o in out] == ["a", "b"]
    assert set(out[0]) == {"id", "language", "events"}
    assert out[0]["language"] == "en"
    event = out[0]["events"][0]
    assert event["sub_event_type"] == "Shelling/artillery/missile attack"
    assert event["fatalities"] == 3 and event["sources"] == ["wire"]
    assert out[1]["events"] == []


def test_cli_extract_files_and_bad_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.jsonl"
    target = tmp_path / "out.jsonl"
    source.write_text(
        json.dumps({"id": "x", "text": "اشتباكات بين قوات النظام وداعش في بادية حمص"}) + "\n" + "{not json\n",
        encoding="utf-8",
    )
    assert main(["extract", "--input", str(source), "--output", str(target), "-q"]) == 1
    assert "line 2" in capsys.readouterr().err
    assert main(["extract", "--input", str(source), "--output", str(target), "-q", "--skip-invalid"]) == 0
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert records[0]["id"] == "x" and records[0]["language"] == "ar"
    assert records[0]["events"][0]["actor1"] == "Military Forces of Syria"
    assert records[1] == {"id": None, "line": 2, "error": records[1]["error"]}


def test_cli_missing_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--input", str(tmp_path / "nope.jsonl")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot read --input" in err[0]
