"""``sitrep alerts``: validate, test (golden output), silence, through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alerts_factories import DATA, REPO

from sitrep.cli import main


@pytest.fixture(autouse=True)
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SITREP_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("SITREP_ALERTS__KIBANA_URL", "http://kibana.test:5601")
    monkeypatch.chdir(REPO)
    return tmp_path / "state"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["alerts", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_ok(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", "rules.yaml")
    assert code == 0 and "3 rules valid (1 surge)" in out


def test_validate_names_line_and_key_in_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - name: r\n    when:\n      admin: [Idleb]\n")
    code, out, err = run(capsys, "validate", str(bad))
    assert code == 1 and out == ""
    assert (
        err == f"sitrep: error: {bad}:4: rules[0].when.admin: unknown key 'admin' (did you mean 'admin1'?)\n"
    )


def test_test_prints_the_golden_alerts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "test", "--rules", "rules.yaml", "--events", str(DATA / "events.jsonl"))
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    expected = [json.loads(line) for line in (DATA / "events.expected.jsonl").read_text().splitlines()]
    assert [
        {k: v for k, v in line.items() if k in ("rule", "kind", "event_id", "event_ids", "fatalities")}
        for line in lines
    ] == expected
    assert "5 alerts from 10 events" in err


def test_test_json_has_the_whole_alert(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "test", "--rules", "rules.yaml", "--events", str(DATA / "events.jsonl"), "--json"
    )
    first, *_, surge = [json.loads(line) for line in out.splitlines()][:4]
    assert code == 0
    assert first["summary"] and first["sources"] == ["SOHR", "Deir Ezzor 24"]
    assert first["kibana_url"].startswith("http://kibana.test:5601/app/discover#/")
    assert "event_ids" not in first and surge["kind"] == "surge" and "event_id" not in surge


def test_test_reports_bad_lines_and_goes_on(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    events = tmp_path / "events.jsonl"
    good = (DATA / "events.jsonl").read_text().splitlines()[1]
    events.write_text("{not json\n" + good.replace("Armed clash", "Armed clashes") + "\n" + good + "\n")
    code, out, err = run(capsys, "test", "--rules", "rules.yaml", "--events", str(events))
    assert code == 1 and len(out.splitlines()) == 1
    assert f"sitrep: skipped {events}:1: not a valid Event: not JSON" in err
    assert f"{events}:2: not a valid Event: sub_event_type" in err


def test_silence_is_honoured_by_test_with_silences(
    capsys: pytest.CaptureFixture[str], state_dir: Path
) -> None:
    code, out, _ = run(capsys, "silence", "deadly-clashes-deir-ez-zor", "--key", "ev-dez-1", "--for", "6h")
    assert code == 0 and out.startswith("silenced deadly-clashes-deir-ez-zor for key 'ev-dez-1' until ")
    assert (state_dir / "alerts.sqlite").exists()
    code, out, _ = run(capsys, "silences")
    assert out.startswith("deadly-clashes-deir-ez-zor key=ev-dez-1 until ")
    code, out, err = run(
        capsys, "test", "--rules", "rules.yaml", "--events", str(DATA / "events.jsonl"), "--with-silences"
    )
    assert "ev-dez-1" not in out and "ev-dez-2" in out and "2 silenced" in err
    assert run(capsys, "unsilence", "deadly-clashes-deir-ez-zor", "--key", "ev-dez-1")[0] == 0
    assert run(capsys, "silences")[1] == ""


def test_silence_refuses_an_unknown_rule_and_a_bad_duration(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "silence", "no-such-rule", "--for", "6h")
    assert code == 1 and "no rule named 'no-such-rule'" in err and err.count("\n") == 1
    code, _, err = run(capsys, "silence", "surge-idlib", "--for", "six hours")
    assert code == 1 and "cannot read duration 'six hours'" in err
