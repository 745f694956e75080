"""Fusion must not depend on how far one partition lags behind the others.

In the stream, candidates of one fusion bucket reach the fuse agent in the order their reports left
the extract agent's partitions; after a crash or a paused broker one partition can be thousands of
reports behind the rest. `sitrep fuse` reads reports in publication order. The two must give the
same canonical events: a fusion rule that does not (the reverted fourth-session round made 138
events in order and 140 with one partition 2,000 reports behind, and under `make chaos` 237 in the
stream against 309 from the file) fails here long before chaos runs.
"""

from __future__ import annotations

import zlib
from collections import Counter
from functools import cache

import pytest

from bench.chaos import plan_load
from processors.extract import extract_events
from processors.fusion import FusionRun, FusionSettings
from processors.fusion.pipeline import replay_order
from processors.normalize import clean_report
from sitrep.records import Event, Report

pytestmark = pytest.mark.slow

_PARTITIONS = 4


@cache
def _ordered() -> tuple[Report, ...]:
    load = plan_load(3000, seed=6, load_s=240.0, feeds=30, farm_share=0.25)
    return tuple(replay_order([version for versions in load.versions.values() for version in versions]))


_EXTRACTED: dict[tuple[str, int, str], tuple[Event, ...]] = {}


def _extractor(report: Report) -> list[Event]:
    """Extraction once per report version (three runs read the same reports); copies, as fusion may
    change what it is given."""
    version = (report.report_id, report.revision, report.content_hash)
    if version not in _EXTRACTED:
        _EXTRACTED[version] = tuple(extract_events(clean_report(report)))
    return [e.model_copy(deep=True) for e in _EXTRACTED[version]]


def _lagging(reports: tuple[Report, ...], lag: int) -> list[Report]:
    """Reports as one of four partitions (by report id) delivers them ``lag`` reports late, then
    catches up at twice the others' pace."""
    parts = [[r for r in reports if zlib.crc32(r.report_id.encode()) % _PARTITIONS == p] for p in range(_PARTITIONS)]
    heads = [0] * _PARTITIONS
    out: list[Report] = []
    step = 0
    while any(heads[p] < len(parts[p]) for p in range(_PARTITIONS)):
        for p in range(1, _PARTITIONS):
            if heads[p] < len(parts[p]):
                out.append(parts[p][heads[p]])
                heads[p] += 1
        step += _PARTITIONS - 1
        for _ in range(2 if step > lag else 0):
            if heads[0] < len(parts[0]):
                out.append(parts[0][heads[0]])
                heads[0] += 1
    assert sorted(r.report_id for r in out) == sorted(r.report_id for r in reports)
    return out


def _membership(order: list[Report]) -> tuple[int, Counter[str]]:
    run = FusionRun(FusionSettings(), extractor=_extractor)
    for report in order:
        run.add(report)
    events = run.events_out()
    members: Counter[str] = Counter()
    for event in events:
        members.update(set(event.report_ids))
    return len(events), members


@pytest.mark.parametrize("lag", [500, 2000])
def test_a_lagging_partition_gives_the_same_canonical_events(lag: int) -> None:
    in_order = _membership(list(_ordered()))
    assert _membership(_lagging(_ordered(), lag)) == in_order
