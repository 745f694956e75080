"""The short variant of `make chaos`: ~500 reports through the feed farm and straight to reports.raw
while the poller, the worker and the sink are SIGKILLed, the broker is paused, Elasticsearch is
stopped and restarted, a second worker joins and leaves, and poison arrives on reports.raw and
events.
Nothing may be lost or doubled, and every poison message must be in its dead-letter topic."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.chaos import ChaosPlan, run_chaos

pytestmark = [pytest.mark.integration, pytest.mark.slow]


@pytest.mark.timeout(300)
def test_short_chaos_loses_nothing_doubles_nothing_and_dead_letters_all_poison(tmp_path: Path) -> None:
    plan = ChaosPlan.short()
    figures, failures = run_chaos(plan, tmp_path)
    value = {figure["metric"]: figure["value"] for figure in figures}
    assert not failures, "; ".join(failures)
    assert value["reports_sent"] == plan.reports
    assert value["faults_injected"] >= plan.kills + 2
    assert value["reports_lost"] == 0 and value["duplicate_documents"] == 0 and value["events_missing"] == 0
    assert value["poison_injected"] == 6 * plan.poison_rounds == value["poison_in_dlq"]
