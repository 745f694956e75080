"""Fusion state survives a crash at any point of a candidate's writes.

In the stream the store is a Faust table: its writes reach the changelog in order, so a worker
killed while fusing one candidate leaves a prefix of that candidate's writes, and the candidate is
processed again after the restart (its offset was not committed). Whatever the prefix, the
outcome must be the one of a single, uninterrupted processing: the report in exactly one canonical
event.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from fusion_factories import BASE_DAY, at, make_event, place

from processors.fusion import EventFuser, FusionSettings
from sitrep.records import Event

NOW = at(BASE_DAY, 23)


class Crash(Exception):
    pass


class CrashingStore(dict[str, Any]):
    """A dict that raises after ``budget`` writes (sets or deletes), like a worker killed mid-way."""

    def __init__(self, data: dict[str, Any], budget: int) -> None:
        super().__init__(data)
        self.budget = budget

    def _spend(self) -> None:
        if self.budget <= 0:
            raise Crash
        self.budget -= 1

    def __setitem__(self, k: str, v: Any) -> None:
        self._spend()
        super().__setitem__(k, v)

    def __delitem__(self, k: str) -> None:
        self._spend()
        super().__delitem__(k)

    def pop(self, k: str, *default: Any) -> Any:
        if k in self:
            self._spend()
        return super().pop(k, *default)


def memberships(store: dict[str, Any]) -> dict[str, list[str]]:
    """report id → canonical ids whose record lists it."""
    found: dict[str, list[str]] = {}
    for k, v in store.items():
        if k.split("|")[2] == "c":
            for member in v["m"]:
                found.setdefault(member[1], []).append(v["e"]["event_id"])
    return found


def writes_of(before: dict[str, Any], event: Event) -> int:
    counting = CrashingStore(copy.deepcopy(before), 10**9)
    EventFuser(FusionSettings(), counting).fuse(event, NOW)
    return 10**9 - counting.budget


SCENARIOS = {
    "creates": [],
    "joins": [make_event("sohr-1", location=place("ariha"), fatalities=7)],
    "joins-second": [make_event("sohr-1", location=place("ariha"), fatalities=7),
                     make_event("sana-1", source="SANA", location=place("ariha"), fatalities=8)],
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_a_crash_at_any_write_then_a_retry_leaves_one_membership(name: str) -> None:
    before: dict[str, Any] = {}
    fuser = EventFuser(FusionSettings(), before)
    for event in SCENARIOS[name]:
        fuser.fuse(event, NOW)
    candidate = make_event("reuters-1", source="Reuters", language="en", location=place("ariha"), fatalities=7)
    clean = copy.deepcopy(before)
    EventFuser(FusionSettings(), clean).fuse(candidate, NOW)
    for budget in range(writes_of(before, candidate)):
        store = CrashingStore(copy.deepcopy(before), budget)
        with pytest.raises(Crash):
            EventFuser(FusionSettings(), store).fuse(candidate, NOW)
        store.budget = 10**9  # restarted: the candidate is processed again over what was written
        EventFuser(FusionSettings(), store).fuse(candidate, NOW)
        assert memberships(store) == memberships(clean), f"crash after {budget} writes"


WIRE = (
    "Air strikes hit the town of Ariha in Idlib province on Tuesday, killing at least seven civilians "
    "including two children, a war monitor said. The strikes targeted a market and a residential street "
    "in the centre of the town, rescue workers said, and several people were still missing under the rubble."
)


@pytest.mark.parametrize("earlier", [[], ["reuters"]], ids=["original", "copy"])
def test_dedup_state_after_a_crash_and_a_retry_equals_one_clean_pass(earlier: list[str]) -> None:
    from fusion_factories import make_report

    from processors.fusion import ReportDeduper

    before: dict[str, Any] = {}
    for i, outlet in enumerate(earlier):
        ReportDeduper(FusionSettings(), before).check(make_report(f"e{i}", WIRE, source=outlet), NOW)
    report = make_report("r1", WIRE, source="ahram")
    clean = copy.deepcopy(before)
    expected = ReportDeduper(FusionSettings(), clean).check(report, NOW)
    counting = CrashingStore(copy.deepcopy(before), 10**9)
    ReportDeduper(FusionSettings(), counting).check(report, NOW)
    for budget in range(10**9 - counting.budget):
        store = CrashingStore(copy.deepcopy(before), budget)
        with pytest.raises(Crash):
            ReportDeduper(FusionSettings(), store).check(report, NOW)
        store.budget = 10**9
        assert ReportDeduper(FusionSettings(), store).check(report, NOW).duplicate_of == expected.duplicate_of
        assert dict(store) == clean, f"crash after {budget} writes"
