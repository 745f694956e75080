"""``sitrep alerts backtest`` over events indexed by the sink's own code in the session's
Elasticsearch stand-in: documents are read back into Events and run through the stream's engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sinks.documents import to_bulk_actions
from sinks.elasticsearch import elasticsearch_client
from sinks.indices import ensure_indices, index_names
from sitrep.cli import main
from sitrep.records import Event
from sitrep.settings import Settings

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
EVENTS = REPO / "tests" / "unit" / "alerts" / "data" / "events.jsonl"


def test_backtest_over_indexed_events(
    stack_settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from elasticsearch import helpers

    latest: dict[str, Event] = {}
    for line in EVENTS.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            event = Event.model_validate_json(line)
            latest[event.event_id] = event  # the index keeps the latest revision of each event
    names = index_names(stack_settings)
    es = elasticsearch_client(stack_settings)
    try:
        ensure_indices(es, stack_settings)
        helpers.bulk(es, to_bulk_actions(list(latest.values()), names), refresh=True)
    finally:
        es.close()

    monkeypatch.setenv("SITREP_ELASTICSEARCH__URL", stack_settings.elasticsearch.url)
    monkeypatch.setenv("SITREP_STATE_DIR", str(stack_settings.state_dir))
    monkeypatch.setenv("SITREP_ALERTS__EVENTS_INDEX", names.events)
    code = main(["alerts", "backtest", "--rules", str(REPO / "rules.yaml"), "--since", "3650d"])
    out, err = capsys.readouterr()
    assert code == 0, err
    got = [json.loads(line) for line in out.splitlines()]
    assert [(a["rule"], a["kind"], a.get("event_id") or a["event_ids"], a["fatalities"]) for a in got] == [
        ("near-tal-rifaat", "new", "ev-tal-1", 0),
        ("deadly-clashes-deir-ez-zor", "new", "ev-dez-1", 12),
        ("surge-idlib", "surge", ["ev-idl-1", "ev-idl-2", "ev-idl-3"], 8),
        ("deadly-clashes-deir-ez-zor", "new", "ev-dez-2", 7),
    ]
    assert "4 alerts from 7 indexed events" in err


def test_backtest_names_a_missing_index(
    stack_settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SITREP_ELASTICSEARCH__URL", stack_settings.elasticsearch.url)
    code = main(["alerts", "backtest", "--rules", str(REPO / "rules.yaml"), "--index", "no-such-index"])
    err = capsys.readouterr().err
    assert code == 1 and "no index or alias 'no-such-index'" in err and err.count("\n") == 1
