"""Near-duplicate reports in the stream: MinHash/LSH over normalized word shingles, windowed.

The same wire story on several sites, a lightly edited re-post, a copy: the later report gets
``duplicate_of`` = the first one seen, whose outlets grow (``also_reported_by``). A new revision of
a report (same ``report_id``) is never a duplicate of itself: its old signature is replaced.

State layout (bucket ``b`` = :func:`dedup_bucket`, see :mod:`processors.fusion.store`)::

    rd|b|sig|<report_id>   {"s": signature b64 | "", "h": content_hash, "d": slot, "o": canonical id | null,
                            "by": [outlets that repeated it], "r": report revision}
    rd|b|hash|<hash>       report_id with that exact content (texts too short for MinHash still match)
    rd|b|band|<i:key>      [report_id, ...] sharing LSH band i
    rd|b|slot|<slot>       [report_id, ...] published in that ten-minute slot (eviction)
    rd|b|slots             [slot, ...] present, sorted (slot = "YYYY-MM-DDTHH:M0")

Slots keep every list short (a list value is rewritten whole on each change: a Faust table logs
the whole value), whatever the volume of a day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from processors.fusion.settings import FusionSettings
from processors.fusion.shingles import (
    band_keys,
    decode_signature,
    encode_signature,
    lsh_params,
    shingles,
    signature,
    similarity,
)
from processors.fusion.store import FusionStore, add_to_list, get_list, key, remove_from_list
from sitrep.records import Report
from sitrep.textnorm import detect_language


@dataclass(frozen=True)
class DedupVerdict:
    """Whether a report repeats an earlier one.

    ``duplicate_of``: the canonical report's id, or None. ``similarity``: estimated Jaccard with the
    closest earlier report (1.0 for identical content). ``also_reported_by``: the canonical report's
    outlets that repeated it, this one included (for the sink's update of the canonical report).
    """

    duplicate_of: str | None
    similarity: float
    also_reported_by: list[str] = field(default_factory=list)


def dedup_bucket(report: Report) -> str:
    """Partition key for deduplication: the report's language (copies never cross languages)."""
    return report.language or detect_language(report.title + " " + report.body) or "und"


def time_slot(moment: datetime) -> str:
    """The ten-minute slot of an instant, as a sortable string ("2026-11-20T14:30")."""
    return moment.strftime("%Y-%m-%dT%H:%M")[:-1] + "0"


def report_time(report: Report) -> datetime:
    """When a report entered the world: published, else fetched."""
    return report.published_at or report.fetched_at


class ReportDeduper:
    """Finds near-duplicate reports against a window of earlier ones kept in ``store``."""

    def __init__(self, settings: FusionSettings, store: FusionStore) -> None:
        self.settings = settings
        self.store = store
        self._bands, self._rows = lsh_params(max(0.3, settings.dedup_threshold - 0.15), settings.num_perm)

    def check(self, report: Report, now: datetime) -> DedupVerdict:
        """Verdict for ``report``, remembering it (unless a duplicate) for later reports."""
        bucket = dedup_bucket(report)
        self.evict(bucket, now)
        sig_key = key("rd", bucket, "sig", report.report_id)
        known = self.store.get(sig_key)
        if known is not None:
            if known["h"] == report.content_hash:  # replay of a report we have seen: same verdict
                self._index(bucket, report.report_id, known)  # repairs what a crash left unwritten
                return self._replayed_verdict(bucket, known, report)
            if report.revision < known.get("r", 1):  # a replayed older revision changes nothing
                return DedupVerdict(None, 0.0, [])
            self._forget(bucket, report.report_id, known)  # a new revision replaces the old one

        text = f"{report.title}\n{report.body}"
        items = shingles(text, self.settings.shingle_words)
        values = signature(items, self.settings.num_perm, self.settings.minhash_seed)
        keys = band_keys(values, self._bands, self._rows) if len(items) >= self.settings.min_shingles else []
        original, score = self._closest(bucket, report, values, keys)
        day = time_slot(report_time(report))
        if original is not None:
            outlets = self._add_outlet(bucket, original, report.source or report.report_id)
            record = {"s": "", "h": report.content_hash, "d": day, "o": original, "by": [], "r": report.revision}
            self.store[sig_key] = record
            self._index(bucket, report.report_id, record)
            return DedupVerdict(original, score, outlets)
        record = {
            "s": encode_signature(values) if keys else "",
            "h": report.content_hash,
            "d": day,
            "o": None,
            "by": [],
            "r": report.revision,
        }
        self.store[sig_key] = record
        self._index(bucket, report.report_id, record)
        return DedupVerdict(None, score, [])

    def _index(self, bucket: str, report_id: str, record: dict[str, object]) -> None:
        """The index keys of a remembered report (hash, LSH bands, time slot), written after its
        record. Idempotent and write-free when present, so a replay after a crash between the
        record and these keys completes them (a worker's writes reach the changelog in order)."""
        slot = record.get("d")
        if isinstance(slot, str):
            self._index_day(bucket, slot, report_id)
        if record.get("o") is not None:
            return  # a duplicate is only evicted, never matched against
        self.store.setdefault(key("rd", bucket, "hash", record.get("h")), report_id)
        signature_text = record.get("s")
        if isinstance(signature_text, str) and signature_text:
            values = decode_signature(signature_text)
            for i, band in enumerate(band_keys(values, self._bands, self._rows)):
                add_to_list(self.store, key("rd", bucket, "band", f"{i}:{band}"), report_id)

    def _replayed_verdict(self, bucket: str, known: dict[str, object], report: Report) -> DedupVerdict:
        original = known.get("o")
        if not isinstance(original, str):
            return DedupVerdict(None, 0.0, [])
        record = self.store.get(key("rd", bucket, "sig", original)) or {}
        return DedupVerdict(original, 1.0 if known["h"] else 0.0, list(record.get("by", [])))

    def _closest(
        self, bucket: str, report: Report, values: object, keys: list[str]
    ) -> tuple[str | None, float]:
        exact = self.store.get(key("rd", bucket, "hash", report.content_hash))
        if exact is not None and exact != report.report_id and self._alive(bucket, exact):
            return self._canonical_of(bucket, exact), 1.0
        best: tuple[float, str] | None = None
        seen: set[str] = set()
        for i, band in enumerate(keys):
            for other in self.store.get(key("rd", bucket, "band", f"{i}:{band}")) or ():
                if other in seen or other == report.report_id:
                    continue
                seen.add(other)
                record = self.store.get(key("rd", bucket, "sig", other))
                if not record or not record["s"]:
                    continue
                score = similarity(values, decode_signature(record["s"]))  # type: ignore[arg-type]
                # Ties go to the smaller id, so the verdict does not depend on list order.
                if best is None or (-score, other) < (-best[0], best[1]):
                    best = (score, other)
        if best is not None and best[0] >= self.settings.dedup_threshold:
            return best[1], best[0]
        return None, best[0] if best else 0.0

    def _alive(self, bucket: str, report_id: str) -> bool:
        return key("rd", bucket, "sig", report_id) in self.store

    def _canonical_of(self, bucket: str, report_id: str) -> str:
        record = self.store.get(key("rd", bucket, "sig", report_id)) or {}
        original = record.get("o")
        return original if isinstance(original, str) else report_id

    def _add_outlet(self, bucket: str, original: str, outlet: str) -> list[str]:
        sig_key = key("rd", bucket, "sig", original)
        record = dict(self.store[sig_key])
        outlets = list(record.get("by", []))
        if outlet not in outlets:
            outlets.append(outlet)
            record["by"] = outlets
            self.store[sig_key] = record
        return outlets

    def _index_day(self, bucket: str, slot: str, report_id: str) -> None:
        add_to_list(self.store, key("rd", bucket, "slot", slot), report_id)
        slots = self.store.get(key("rd", bucket, "slots")) or []
        if slot not in slots:
            self.store[key("rd", bucket, "slots")] = sorted([*slots, slot])

    def _forget(self, bucket: str, report_id: str, record: dict[str, object]) -> None:
        signature_text = record.get("s")
        if isinstance(signature_text, str) and signature_text:
            values = decode_signature(signature_text)
            for i, band in enumerate(band_keys(values, self._bands, self._rows)):
                remove_from_list(self.store, key("rd", bucket, "band", f"{i}:{band}"), report_id)
        hash_key = key("rd", bucket, "hash", record.get("h"))
        if self.store.get(hash_key) == report_id:
            del self.store[hash_key]
        slot = record.get("d")
        if isinstance(slot, str):
            remove_from_list(self.store, key("rd", bucket, "slot", slot), report_id)
        self.store.pop(key("rd", bucket, "sig", report_id), None)

    def evict(self, bucket: str, now: datetime) -> int:
        """Forget reports first seen before ``now - window_days``; returns how many."""
        cutoff = time_slot(now - timedelta(days=self.settings.window_days))
        slots: list[str] = self.store.get(key("rd", bucket, "slots")) or []
        if not slots or slots[0] >= cutoff:  # sorted: nothing old
            return 0
        old = [s for s in slots if s < cutoff]
        evicted = 0
        for slot in old:
            for report_id in get_list(self.store, key("rd", bucket, "slot", slot)):
                record = self.store.get(key("rd", bucket, "sig", report_id))
                if record is not None:
                    self._forget(bucket, report_id, record)
                    evicted += 1
            self.store.pop(key("rd", bucket, "slot", slot), None)
        self.store[key("rd", bucket, "slots")] = slots[len(old):]
        return evicted
