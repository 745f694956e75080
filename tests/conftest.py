"""Shared fixtures. Integration tests get real local stand-ins (Tansu, noida-db) started once per
session on free loopback ports, through the same code as `sitrep services up`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"third-party data not available: {path} (it lives in ../shared beside the repo)")
    return path


@pytest.fixture(scope="session")
def local_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """Tansu + noida-db on free ports for the whole session (or SITREP_TEST_KAFKA / _ES if set)."""
    from sitrep.services import LocalServices, free_port
    from sitrep.settings import Settings

    state = tmp_path_factory.mktemp("stack")
    settings = Settings(
        state_dir=state,
        services={"kafka_port": free_port(), "elasticsearch_port": free_port()},
    )
    services = LocalServices(settings)
    started = services.up()
    try:
        yield services
    finally:
        services.down(tuple(started))


@pytest.fixture(scope="session")
def kafka_bootstrap(local_stack: object) -> str:
    return os.environ.get("SITREP_TEST_KAFKA") or local_stack.address("kafka")  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def elasticsearch_url(local_stack: object) -> str:
    return os.environ.get("SITREP_TEST_ES") or local_stack.address("elasticsearch")  # type: ignore[attr-defined]


@pytest.fixture()
def stack_settings(kafka_bootstrap: str, elasticsearch_url: str, tmp_path: Path) -> object:
    """Settings pointing at the session's stand-ins, with a fresh state dir and index prefix."""
    from sitrep.ids import stable_id
    from sitrep.settings import Settings

    prefix = "t" + stable_id(str(tmp_path), length=8)
    return Settings(
        state_dir=tmp_path / "state",
        kafka={"bootstrap": kafka_bootstrap},
        elasticsearch={"url": elasticsearch_url, "index_prefix": prefix},
    )


@pytest.fixture()
def fresh_kafka(tmp_path: Path) -> Iterator[str]:
    """A Tansu broker of this test's own (starts in ~0.1 s): topics and groups start empty."""
    from sitrep.services import KAFKA, LocalServices, free_port
    from sitrep.settings import Settings

    settings = Settings(state_dir=tmp_path / "kafka-state", services={"kafka_port": free_port()})
    services = LocalServices(settings)
    services.up((KAFKA,))
    try:
        yield services.address(KAFKA)
    finally:
        services.down((KAFKA,))
