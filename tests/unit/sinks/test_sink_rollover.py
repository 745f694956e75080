"""The rollover layout's router: revisions and replays go back to the index holding the report."""

from __future__ import annotations

from typing import Any

from sinks.documents import BulkAction
from sinks.indices import IndexNames
from sinks.rollover import ALIAS_VIEW_TTL_S, AliasView, ReportRouter, parse_alias_view, route
from sitrep.settings import ElasticsearchSettings

NAMES = IndexNames("p")
WRITE = "p-reports-write"


def action(doc_id: str, index: str = WRITE) -> BulkAction:
    return BulkAction(index, doc_id, {"report_id": doc_id}, 1)


class FakeES:
    """The few index APIs the router calls, over an in-memory alias and documents."""

    def __init__(self, indices: list[str], docs: dict[str, str] | None = None) -> None:
        self.alias = indices  # last one is the write index
        self.docs = docs or {}  # id -> index
        self.indices = self
        self.searches = 0
        self.refreshed: list[str] = []
        self.rollover_calls: list[dict[str, Any]] = []
        self.roll = False

    def get_alias(self, name: str) -> dict[str, Any]:
        assert name == WRITE
        return {i: {"aliases": {WRITE: {"is_write_index": i == self.alias[-1]}}} for i in self.alias}

    def search(self, index: str, query: dict[str, Any], source: bool, size: int) -> dict[str, Any]:
        assert index == "p-reports" and source is False
        self.searches += 1
        hits = [{"_id": i, "_index": self.docs[i]} for i in query["ids"]["values"] if i in self.docs]
        return {"hits": {"hits": hits[:size]}}

    def refresh(self, index: str) -> None:
        self.refreshed.append(index)

    def rollover(self, alias: str, conditions: dict[str, Any]) -> dict[str, Any]:
        self.rollover_calls.append(conditions)
        if not self.roll:
            return {"rolled_over": False}
        new = f"p-reports-{len(self.alias) + 1:06d}"
        old, self.alias = self.alias[-1], [*self.alias, new]
        return {"rolled_over": True, "old_index": old, "new_index": new}


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_parse_alias_view_finds_the_write_index() -> None:
    body = {
        "p-reports-000001": {"aliases": {WRITE: {"is_write_index": False}}},
        "p-reports-000002": {"aliases": {WRITE: {"is_write_index": True}}},
    }
    assert parse_alias_view(body, WRITE) == AliasView("p-reports-000002", has_older=True)
    assert parse_alias_view({"p-reports-000001": {"aliases": {WRITE: {}}}}, WRITE) == AliasView(
        "p-reports-000001", has_older=False
    )
    assert parse_alias_view({}, WRITE) is None


def test_route_sends_known_reports_home_and_new_ones_to_the_write_index() -> None:
    actions = [action("old"), action("new"), action("event", index="p-events")]
    routed = route(actions, WRITE, "p-reports-000002", {"old": "p-reports-000001"})
    assert [a.index for a in routed] == ["p-reports-000001", "p-reports-000002", "p-events"]
    assert [a.id for a in routed] == ["old", "new", "event"] and routed[0].version == 1


def test_one_index_needs_no_lookup() -> None:
    es = FakeES(["p-reports-000001"])
    router = ReportRouter(es, NAMES, ElasticsearchSettings(ilm=False))
    assert [a.index for a in router.route([action("a"), action("b")])] == ["p-reports-000001"] * 2
    assert es.searches == 0


def test_after_a_rollover_a_revision_goes_back_to_its_index() -> None:
    clock = Clock()
    es = FakeES(["p-reports-000001"], {"r1": "p-reports-000001"})
    settings = ElasticsearchSettings(ilm=False, rollover_check_s=10)
    router = ReportRouter(es, NAMES, settings, clock=clock)
    router.route([action("r1")])
    es.roll = True
    assert router.maybe_rollover() is False  # not due yet
    clock.now = 11
    assert router.maybe_rollover() is True
    assert es.refreshed == ["p-reports-000001"]  # the old write index made searchable first
    routed = router.route([action("r1"), action("r2"), action("r2")])
    assert [a.index for a in routed] == ["p-reports-000001", "p-reports-000002", "p-reports-000002"]
    assert es.searches == 1 and es.rollover_calls[0] == {"max_age": "30d", "max_primary_shard_size": "50gb"}


def test_a_stale_view_writes_to_the_index_it_knows() -> None:
    """ILM rolled over behind the router's back: until the view expires, reports keep going to
    the concrete index the router knows — never through the moved alias — so no report is split."""
    clock = Clock()
    es = FakeES(["p-reports-000001"])
    router = ReportRouter(es, NAMES, ElasticsearchSettings(ilm=True), clock=clock)
    router.route([action("a")])
    es.alias.append("p-reports-000002")
    assert router.maybe_rollover() is False  # ILM's job, not ours
    assert router.route([action("b")])[0].index == "p-reports-000001"
    clock.now = ALIAS_VIEW_TTL_S
    assert router.route([action("c")])[0].index == "p-reports-000002"
    assert es.refreshed == ["p-reports-000001"] and es.rollover_calls == []


def test_monthly_layout_is_left_alone() -> None:
    es = FakeES(["x"])
    router = ReportRouter(es, IndexNames("p", "monthly"), ElasticsearchSettings(ilm=False))
    monthly = [action("a", index="p-reports-2026.11")]
    assert router.route(monthly) == monthly and router.maybe_rollover() is False and es.searches == 0
