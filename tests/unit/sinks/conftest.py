"""Fixtures of the sink unit tests (fakes live in sink_fakes.py)."""

from __future__ import annotations

import pytest

from sitrep.settings import Settings


@pytest.fixture()
def settings() -> Settings:
    return Settings(elasticsearch={"index_prefix": "u", "analysis": "basic"})
