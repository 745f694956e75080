"""The stage the Faust agent calls: bound from settings, evaluates with a table-like store, delivers."""

from __future__ import annotations

import asyncio
import io
from datetime import timedelta
from pathlib import Path

import pytest
from alerts_factories import NOW, REPO, EventFactory

from processors.alerts import AlertsSettings, ConsoleNotifier, Silence, SilenceStore
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
