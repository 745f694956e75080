"""Fixtures of the ingest unit tests: a threaded loopback HTTP server and permissive settings."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from pytest_httpserver import HTTPServer

from ingest.settings import PollerSettings

T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion (the tests are synchronous)."""
    return asyncio.run(coro)


@pytest.fixture(scope="module")
def _module_server() -> Iterator[HTTPServer]:
    httpd = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    httpd.start()
    try:
        yield httpd
    finally:
        if httpd.is_running():
            httpd.stop()


@pytest.fixture()
def server(_module_server: HTTPServer) -> Iterator[HTTPServer]:
    """A threaded HTTP server on 127.0.0.1 (slow handlers do not block the others), emptied per test."""
    _module_server.clear()
    yield _module_server
    _module_server.clear()


@pytest.fixture()
def local_settings(tmp_path: Path) -> PollerSettings:
    """Poller settings for loopback tests: 127.0.0.1 allowed, no politeness wait, small timeouts."""
    return PollerSettings(
        allow_hosts=["127.0.0.1"],
        politeness_delay_s=0.0,
        connect_timeout_s=2.0,
        read_timeout_s=2.0,
        total_timeout_s=5.0,
        fulltext=False,
        state_path=tmp_path / "poller.sqlite3",
        jitter_fraction=0.0,
    )
