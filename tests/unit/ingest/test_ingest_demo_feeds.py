"""The bundled demo feeds through the real poll path: every entry a Report, the shared report
published once, and the revised feed giving a revision of the same report_id."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from ingest.fetcher import Fetcher
from ingest.handler import FeedPoller
from ingest.publisher import CollectingSink
from ingest.registry import DEMO_DIR, load_registry
from ingest.service import PollerService, poller_settings_for_local
from ingest.settings import PollerSettings
from ingest.store import PollerStore
from tests.unit.ingest.feedfarm import serve_directory

REPO = Path(__file__).resolve().parents[3]


def test_demo_feeds_publish_reports_once_and_a_revision() -> None:
    if not any(DEMO_DIR.glob("*.xml")):
        pytest.skip("no demo feeds bundled yet")
    settings = poller_settings_for_local(PollerSettings(politeness_delay_s=0, fulltext=False))
    with serve_directory(DEMO_DIR) as base:
        demo = [f for f in load_registry(REPO / "feeds.toml", demo_base_url=base) if "demo" in f.tags]
        live = [f for f in demo if f.enabled]
        revised = next(f for f in demo if not f.enabled)

        async def scenario() -> tuple[CollectingSink, int, int]:
            sink, store = CollectingSink(), PollerStore(":memory:")
            async with Fetcher(settings) as fetcher:
                service = PollerService(FeedPoller(fetcher, store, sink, settings))
                first = await service.poll_feeds(live)
                assert not first.errors, first.errors
                later = await service.poll_feeds([revised.model_copy(update={"enabled": True})])
            return sink, first.entries, later.revisions

        sink, entries, revisions = asyncio.run(scenario())
    ids = [r.report_id for r in sink.reports if r.revision == 1]
    assert len(ids) == len(set(ids)) and len(ids) < entries  # the report two feeds carry: once
    assert revisions >= 1 and any(r.revision == 2 for r in sink.reports)
    assert {r.language for r in sink.reports} == {"ar", "en"}
    assert sum(r.language == "ar" for r in sink.reports) >= 12 and all(r.published_at for r in sink.reports)
