"""Deduplication and fusion: one real-world event, one record, however many sources report it.

- :class:`ReportDeduper` marks near-duplicate reports (MinHash/LSH over normalized shingles).
- :class:`EventFuser` merges each extracted event into the canonical event it describes.
- :func:`fusion_bucket` / :func:`dedup_bucket` give the partition keys the Faust agents consume by,
  so that every candidate match lives in the partition that holds the state (see :mod:`.store`).
- :func:`fuse_reports` runs the same logic over a batch (``sitrep fuse``, evaluation).

State is a ``MutableMapping[str, Any]`` of JSON-able values: a dict, or a Faust table.

Wiring in the stream (one Faust table each, or one shared: keys never collide):

- dedup agent: consume reports re-keyed by ``dedup_bucket(report)`` (the language);
  ``verdict = ReportDeduper(settings, table).check(report, now)``; when ``verdict.duplicate_of``,
  mark the report (``duplicate_of``), index it once, and set the canonical report's
  ``also_reported_by`` to ``verdict.also_reported_by``.
- fuse agent: consume ``events.candidates`` re-keyed by ``fusion_bucket(event)`` (the country);
  ``result = EventFuser(settings, table).fuse(event, now, report_revision=...)``; when
  ``result.changed``, send ``result.canonical`` to ``events`` keyed by its ``event_id``; the sink
  indexes it with ``version=revision, version_type="external"`` so an older revision never
  overwrites a newer one. ``result.skipped`` names events that fed nothing (running totals, events
  older than the window).
- ``now`` is event time: the report's ``published_at`` (else ``fetched_at``), as ``sitrep fuse``
  does, so a replay or a backfill behaves as the live run did. It drives eviction
  (``window_days``) and the "older than the window" check; wall-clock time would drop the events
  of a backfilled week.
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
