"""`sitrep demo --json` end to end: the issue's "done when" — stand-ins, demo feeds, pipeline, search."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.services import free_port

pytestmark = pytest.mark.integration


def test_demo_indexes_reports_and_events_and_every_search_hits(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "SITREP_STATE_DIR": str(tmp_path / "state"),
        "SITREP_SERVICES__KAFKA_PORT": str(free_port()),
        "SITREP_SERVICES__ELASTICSEARCH_PORT": str(free_port()),
    }
    for name in ("SITREP_KAFKA__BOOTSTRAP", "SITREP_ELASTICSEARCH__URL"):
        env.pop(name, None)
    done = subprocess.run([sys.executable, "-m", "sitrep", "demo", "--json"], env=env, capture_output=True,
                          text=True, timeout=240, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr[-2000:]
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(summary) == {"reports_indexed", "events_indexed", "alerts", "searches"}
    assert summary["reports_indexed"] >= 15 and summary["events_indexed"] >= 10
    assert summary["searches"] and all(search["hits"] > 0 for search in summary["searches"])
    assert any(any("\u0600" <= ch <= "\u06ff" for ch in search["query"]) for search in summary["searches"])
    # Everything the demo started is stopped again.
    assert not list((tmp_path / "state" / "services").glob("*/pid.json"))
