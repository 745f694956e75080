"""Deduplication and fusion: one real-world event, one record, however many sources report it.

- :class:`ReportDeduper` marks near-duplicate reports (MinHash/LSH over normalized shingles).
- :class:`EventFuser` merges each extracted event into the canonical event it describes.
- :func:`fusion_bucket` / :func:`dedup_bucket` give the partition keys the Faust agents consume by,
  so that every candidate match lives in the partition that holds the state (see :mod:`.store`).
- :func:`fuse_reports` runs the same logic over a batch (``sitrep fuse``, evaluation).

State is a ``MutableMapping[str, Any]`` of JSON-able values: a dict, or a Faust table.
Emit ``FusionResult.canonical`` keyed by its ``event_id`` whenever ``FusionResult.changed``.
"""

from processors.fusion.dedup import DedupVerdict, ReportDeduper, dedup_bucket
from processors.fusion.fuser import EventFuser, FusionResult, fusion_bucket
from processors.fusion.pipeline import FusionRun, fuse_reports, number_revisions, replay_order
from processors.fusion.reconcile import reconcile
from processors.fusion.settings import FusionSettings
from processors.fusion.store import FusionStore, state_bytes

__all__ = [
    "DedupVerdict",
    "EventFuser",
    "FusionResult",
    "FusionRun",
    "FusionSettings",
    "FusionStore",
    "ReportDeduper",
    "dedup_bucket",
    "fuse_reports",
    "fusion_bucket",
    "number_revisions",
    "reconcile",
    "replay_order",
    "state_bytes",
]
