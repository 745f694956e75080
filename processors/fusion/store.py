"""The state behind deduplication and fusion: a ``MutableMapping[str, Any]`` of JSON-able values.

A plain ``dict`` in tests and in ``sitrep fuse``; a Faust table (changelog-backed) in the stream.
Rules that keep a Faust table correct, followed by every writer here:

- **Every key starts with its bucket** (``rd|<language>|...`` for reports, ``ev|<country>|...`` for
  events). A Faust table writes a key to the changelog partition of the message being processed, so
  a key must only ever be written while processing one partition: the agent consumes a topic keyed by
  :func:`processors.fusion.dedup_bucket` / :func:`processors.fusion.fusion_bucket`, which puts every
  report/event of a bucket — and so every candidate match — in one partition.
- **Values are replaced, never mutated in place** (a Faust table only logs ``table[key] = value``).
- **No iteration over the store**: a Faust table only sees its local partitions; every lookup
  goes through explicit index keys (days, LSH bands, members).
"""

from __future__ import annotations

import json
from collections.abc import MutableMapping
from typing import Any

FusionStore = MutableMapping[str, Any]
"""What fusion keeps its state in: a dict, or a Faust table."""


def key(*parts: object) -> str:
    """A store key: parts joined by ``|`` (bucket first, see the module docstring)."""
    return "|".join(map(str, parts))


def get_list(store: FusionStore, name: str) -> list[Any]:
    """The list stored at ``name`` (a copy, so callers can build the replacement), or ``[]``."""
    value = store.get(name)
    return list(value) if value else []


def add_to_list(store: FusionStore, name: str, item: Any) -> bool:
    """Append ``item`` to the list at ``name`` unless present (replacing the value); True if added."""
    items = get_list(store, name)
    if item in items:
        return False
    items.append(item)
    store[name] = items
    return True


def remove_from_list(store: FusionStore, name: str, item: Any) -> None:
    """Remove ``item`` from the list at ``name``; delete the key when the list becomes empty."""
    items = get_list(store, name)
    if item not in items:
        return
    items.remove(item)
    if items:
        store[name] = items
    else:
        del store[name]


def state_bytes(store: FusionStore) -> int:
    """Bytes the state takes as a changelog would hold it: UTF-8 JSON of every key and value.

    Iterates the whole store: for measurement (benchmarks, ``sitrep fuse``), not for stream logic.
    """
    return sum(
        len(k.encode("utf-8")) + len(json.dumps(v, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        for k, v in store.items()
    )
