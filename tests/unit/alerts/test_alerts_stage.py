"""The stage the Faust agent calls: bound from settings, evaluates with a table-like store, delivers."""

from __future__ import annotations

import asyncio
import io
from datetime import timedelta
from pathlib import Path

import pytest
from alerts_factories import NOW, REPO, EventFactory

from processors.alerts import AlertsSettings, ConsoleNotifier, Silence, SilenceStore, load_rules
from processors.alerts.stage import AlertStage
from sitrep.records import DeadLetter
from sitrep.settings import Settings


def test_stage_from_settings_evaluates_delivers_and_dead_letters(
    event: EventFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITREP_ALERTS__RULES_PATH", str(REPO / "rules.yaml"))
    monkeypatch.setenv("SITREP_ALERTS__KIBANA_URL", "http://kibana.test")
    settings = Settings(state_dir=tmp_path)
    stage = AlertStage.from_settings(settings, AlertsSettings())
    out = io.StringIO()
    stage.notifiers = {"console": ConsoleNotifier(out)}
    table: dict[str, object] = {}
    [alert] = stage.evaluate(event(), table, NOW)
    assert alert.rule == "deadly-clashes-deir-ez-zor" and alert.kibana_url.startswith("http://kibana.test/")
    assert stage.evaluate(event(), table, NOW) == []  # same revision again: nothing
    deliveries = asyncio.run(stage.deliver_async(alert))
    assert [(d.notifier, d.delivered) for d in deliveries] == [("console", True), ("webhook", False)]
    assert "[New] deadly-clashes-deir-ez-zor" in out.getvalue()
    letter = DeadLetter.model_validate_json((tmp_path / "alerts-dead-letters.jsonl").read_text())
    assert "SITREP_ALERTS__WEBHOOK_URL" in letter.message


def test_stage_honours_silences_added_while_running(
    event: EventFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITREP_ALERTS__RULES_PATH", str(REPO / "rules.yaml"))
    stage = AlertStage.from_settings(Settings(state_dir=tmp_path))
    table: dict[str, object] = {}
    assert len(stage.evaluate(event(event_id="a"), table, NOW)) == 1
    SilenceStore.in_state_dir(tmp_path).add(Silence("deadly-clashes-deir-ez-zor", NOW + timedelta(hours=6)))
    assert stage.evaluate(event(event_id="b"), table, NOW) == []


def test_an_edited_rules_file_is_picked_up_and_a_broken_edit_is_not(
    event: EventFactory, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    rules_file = tmp_path / "rules.yaml"
    rules_file.write_text("rules:\n  - name: first\n    when: {admin1: [Idleb]}\n")
    clock = [0.0]
    stage = AlertStage(load_rules(rules_file), reload_every_s=5, monotonic=lambda: clock[0])
    table: dict[str, object] = {}
    assert stage.evaluate(event(event_id="a"), table, NOW) == []
    rules_file.write_text("rules:\n  - name: second\n    when: {admin1: [Deir ez-Zor]}\n")
    assert stage.evaluate(event(event_id="b"), table, NOW) == []  # not yet checked again
    clock[0] = 6
    assert [a.rule for a in stage.evaluate(event(event_id="c"), table, NOW)] == ["second"]
    rules_file.write_text("rules:\n  - name: third\n    when: {admin: [Idleb]}\n")
    clock[0] = 12
    assert [a.rule for a in stage.evaluate(event(event_id="d"), table, NOW)] == ["second"]
    assert "rules not reloaded, the previous rules stay in force" in caplog.text
    assert "rules.yaml:3: rules[0].when.admin: unknown key" in caplog.text
