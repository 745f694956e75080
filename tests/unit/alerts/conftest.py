"""Fixtures of the alerting tests."""

from __future__ import annotations

import pytest
from alerts_factories import REPO, EventFactory, make_event

from processors.alerts import RuleSet, load_rules


@pytest.fixture
def event() -> EventFactory:
    return make_event


@pytest.fixture(scope="session")
def example_rules() -> RuleSet:
    return load_rules(REPO / "rules.yaml")
