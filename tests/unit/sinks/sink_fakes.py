"""Fakes for the sink's edges: an Elasticsearch client, a Kafka consumer and producer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Responder = Callable[[list[dict[str, Any]]], dict[str, Any]]


class FakeES:
    """Answers ``bulk`` from a queue of responders (a responder may raise); records each request."""

    def __init__(self, *responders: Responder) -> None:
        self.responders = list(responders)
        self.requests: list[list[dict[str, Any]]] = []
        self.indices = self

    def get_alias(self, name: str) -> dict[str, Any]:
        """The reports write alias over one index (the rollover layout before any rollover)."""
        return {name.removesuffix("-write") + "-000001": {"aliases": {name: {"is_write_index": True}}}}

    def rollover(self, alias: str, conditions: dict[str, Any]) -> dict[str, Any]:
        return {"rolled_over": False}

    def bulk(self, operations: list[dict[str, Any]], refresh: Any = None, filter_path: Any = None) -> dict[str, Any]:
        self.requests.append(operations)
        responder = self.responders.pop(0) if self.responders else all_ok
        return responder(operations)


def actions_of(operations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return operations[0::2]


def all_ok(operations: list[dict[str, Any]]) -> dict[str, Any]:
    return statuses(*[201] * len(actions_of(operations)))(operations)


def statuses(*codes: int) -> Responder:
    """A responder giving these per-item statuses, in order."""

    def respond(operations: list[dict[str, Any]]) -> dict[str, Any]:
        items = []
        for action, code in zip(actions_of(operations), codes, strict=True):
            ((op, meta),) = action.items()
            body: dict[str, Any] = {"_index": meta["_index"], "_id": meta["_id"], "status": code}
            if code >= 300:
                body["error"] = {
                    "type": {
                        400: "document_parsing_exception",
                        409: "version_conflict_engine_exception",
                        429: "es_rejected_execution_exception",
                    }.get(code, "internal"),
                    "reason": f"status {code}",
                }
            items.append({op: body})
        return {"errors": any(c >= 300 for c in codes), "items": items}

    return respond


def raising(exc: Exception) -> Responder:
    def respond(operations: list[dict[str, Any]]) -> dict[str, Any]:
        raise exc

    return respond


@dataclass
class FakeRecord:
    topic: str
    partition: int
    offset: int
    value: bytes | None
    key: bytes | None = None


@dataclass
class FakeConsumer:
    batches: list[list[FakeRecord]] = field(default_factory=list)
    commits: list[dict[Any, Any]] = field(default_factory=list)
    paused_partitions: set[Any] = field(default_factory=set)
    polls_while_paused: int = 0
    closed: bool = False

    def poll(self, timeout_ms: int = 0, max_records: int | None = None) -> dict[Any, list[FakeRecord]]:
        if self.paused_partitions:
            self.polls_while_paused += 1
            return {}
        if not self.batches:
            return {}
        records = self.batches.pop(0)
        return {"tp": records}

    def assignment(self) -> set[str]:
        return {"events-0", "reports.clean-0"}

    def pause(self, *partitions: Any) -> None:
        self.paused_partitions |= set(partitions)

    def paused(self) -> set[Any]:
        return set(self.paused_partitions)

    def resume(self, *partitions: Any) -> None:
        self.paused_partitions -= set(partitions)

    def commit(self, offsets: dict[Any, Any]) -> None:
        self.commits.append(offsets)

    def close(self, autocommit: bool = True) -> None:
        self.closed = True


class _Done:
    def get(self, timeout: float | None = None) -> None:
        return None


@dataclass
class FakeProducer:
    sent: list[tuple[str, bytes, list[tuple[str, bytes]]]] = field(default_factory=list)

    def send(
        self,
        topic: str,
        key: bytes | None = None,
        value: bytes = b"",
        headers: list[tuple[str, bytes]] | None = None,
    ) -> _Done:
        self.sent.append((topic, value, headers or []))
        return _Done()

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass
