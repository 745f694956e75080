"""Event fusion: each extracted event joins the canonical event it describes, or starts one.

State layout (bucket ``b`` = :func:`fusion_bucket`, see :mod:`processors.fusion.store`)::

    ev|b|c|<canonical id>          {"e": canonical Event JSON, "p": match profile,
                                    "m": [[event_id, report_id, report revision]],
                                    "u": [report ids that updated the toll],
                                    "x": last day (eviction)}
    ev|b|m|<event_id>              canonical id the extracted event joined (replays go straight there);
                                   "-" once that canonical event left the window (a late replay of the
                                   event then changes nothing instead of starting a second one)
    ev|b|gone|<day>                [event_id, ...] whose canonical event left the window on eviction day
                                   <day>: their "-" keys are dropped one more window later
    ev|b|gonedays                  [day, ...] present (eviction of the "-" keys)
    ev|b|ix|<day>|<type>|<admin1>|<cell>
                                   [canonical id, ...] indexed under that day, event type, province
                                   ("~" when unknown) and map cell (see :func:`place_cell`)
    ev|b|cells|<day>|<type>|<admin1>  [cell, ...] present (for events with no coordinates)
    ev|b|areas|<day>|<type>        [admin1, ...] present that day (for events with no province)
    ev|b|types|<day>               [event type, ...] present that day (eviction)
    ev|b|days                      [day, ...] present (eviction)

The canonical ``event_id`` is the ``event_id`` of the first event of the cluster: replaying the same
reports in ``published`` order (as ``sitrep fuse`` does) rebuilds the same canonical events with the
same ids. ``revision`` grows by one on every change; the sink uses it as the Elasticsearch external
version, so an older revision never overwrites a newer one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from processors.fusion.errors import FusionStateError
from processors.fusion.matching import Profile, index_days, match_score, search_days
from processors.fusion.reconcile import (
    absorb,
    add_figure,
    apply_figures,
    figure_of,
    is_toll_update,
)
from processors.fusion.settings import FusionSettings
from processors.fusion.store import FusionStore, add_to_list, get_list, key
from sitrep.records import Event, SourceFigure

_COUNTRIES = {"syria": "SY", "sy": "SY", "syrian arab republic": "SY", "iraq": "IQ", "iq": "IQ"}
_NO_AREA = "~"


def place_cell(profile: Profile, settings: FusionSettings) -> tuple[int, int] | None:
    """Map cell of an event placed by coordinates at town level or near a town (None otherwise:
    province-level or uncoordinated places are indexed under their province alone). A cell is as
    wide as the largest matching distance, so a match is always in the same or a neighbouring cell."""
    place = profile.place
    if place is None or place.lat is None or place.lon is None or place.precision >= 3 or place.region:
        return None
    size = max(settings.distance_km, settings.coarse_distance_km, settings.city_distance_km,
               settings.city_outskirts_km) / 111.0
    return math.floor(place.lat / size), math.floor(place.lon / size)


def _revision(member: list[Any]) -> int:
    """The report revision of a member entry ([event_id, report_id, revision])."""
    return int(member[2]) if len(member) > 2 else 1


def _content(dumped: dict[str, Any]) -> dict[str, Any]:
    """An event's JSON without its bookkeeping (revision, updated_at): what a change is judged on."""
    return {k: v for k, v in dumped.items() if k not in ("revision", "updated_at")}


def _cell_name(cell: tuple[int, int] | None) -> str:
    return _NO_AREA if cell is None else f"{cell[0]}:{cell[1]}"


@dataclass(frozen=True)
class FusionResult:
    """What fusing one extracted event did.

    ``canonical``: the canonical event after the merge (emit it, keyed by ``event_id``, when
    ``changed``). ``is_new``: it was created by this event. ``changed``: its content changed (new
    report, source, figure, sharper place...); False for a replay. ``previous_fatalities``: the
    canonical toll before this event (None when new). ``skipped``: why the event fed nothing
    (``"running_total"``, ``"outside_window"``, ``"left_window"``: a replay of an event whose canonical
    event was evicted), else None.
    """

    canonical: Event
    is_new: bool
    changed: bool
    previous_fatalities: int | None
    skipped: str | None = None


_GONE = "-"  # member key of an event whose canonical event left the window


def _country(event: Event, settings: FusionSettings) -> str:
    raw = (event.location.country if event.location else "").strip()
    return _COUNTRIES.get(raw.lower(), raw.upper()) if raw else settings.default_country


def fusion_bucket(event: Event, settings: FusionSettings | None = None) -> str:
    """Partition key for fusion: the event's country (``default_country`` when unknown).

    Every candidate match of an event must live in the partition that fuses it, so the bucket is
    deliberately coarse: province borders, province-level or unlocated reports would split a
    finer key (``bucket_level="admin1"`` opts into that, losing such matches). One country's
    event stream is far below one partition's throughput.
    """
    settings = settings or FusionSettings()
    country = _country(event, settings)
    if settings.bucket_level == "admin1":
        admin1 = event.location.admin1 if event.location and event.location.admin1 else _NO_AREA
        return f"{country}/{admin1}"
    return country


class EventFuser:
    """Matches extracted events against the canonical events kept in ``store`` and merges them."""

    def __init__(self, settings: FusionSettings, store: FusionStore) -> None:
        self.settings = settings
        self.store = store

    # --- public ------------------------------------------------------------------------------------

    def fuse(self, event: Event, now: datetime, *, report_revision: int = 1) -> FusionResult:
        """Fuse one extracted event at time ``now`` (stream time: evicts what left the window).

        ``report_revision``: the revision of the report the event was extracted from; a source's
        figure from an older revision never replaces one from a newer revision."""
        bucket = fusion_bucket(event, self.settings)
        self.evict(bucket, now)
        profile = Profile.of(event)
        if (profile.end - profile.start).days > self.settings.max_event_range_days:
            return FusionResult(event, False, False, None, "running_total")
        if profile.end < self._cutoff(now):
            return FusionResult(event, False, False, None, "outside_window")

        member_of = self.store.get(key("ev", bucket, "m", event.event_id))
        if member_of == _GONE:
            # Fused before, and its canonical event has left the window since: a replay arriving late
            # (a worker sought back after newer events moved stream time on) must not start a second one.
            return FusionResult(event, False, False, None, "left_window")
        record = self.store.get(key("ev", bucket, "c", member_of)) if member_of else None
        if record is None:
            record = self._best_candidate(bucket, event, profile, report_revision)
        if record is None:
            return self._create(bucket, event, profile, now, report_revision)
        return self._join(bucket, record, event, now, report_revision)

    def canonical(self, bucket: str, canonical_id: str) -> Event | None:
        """The canonical event stored under ``canonical_id`` in ``bucket``, if still in the window."""
        record = self.store.get(key("ev", bucket, "c", canonical_id))
        return None if record is None else self._event_of(canonical_id, record)

    def evict(self, bucket: str, now: datetime) -> int:
        """Drop canonical events whose last day is before the window and its allowed lateness
        (``lateness_hours``); returns how many."""
        cutoff = self._cutoff(now - timedelta(hours=self.settings.lateness_hours))
        self._forget_gone(bucket, cutoff)
        days: list[str] = self.store.get(key("ev", bucket, "days")) or []
        if not days or days[0] >= cutoff.isoformat():  # sorted: nothing old
            return 0
        old = [d for d in days if date.fromisoformat(d) < cutoff]
        evicted = 0
        for day in old:
            for event_type in get_list(self.store, key("ev", bucket, "types", day)):
                areas_key = key("ev", bucket, "areas", day, event_type)
                for area in get_list(self.store, areas_key):
                    cells_key = key("ev", bucket, "cells", day, event_type, area)
                    for cell in get_list(self.store, cells_key):
                        index_key = key("ev", bucket, "ix", day, event_type, area, cell)
                        for canonical_id in get_list(self.store, index_key):
                            evicted += self._evict_canonical(bucket, canonical_id, cutoff)
                        self.store.pop(index_key, None)
                    self.store.pop(cells_key, None)
                self.store.pop(areas_key, None)
            self.store.pop(key("ev", bucket, "types", day), None)
        if old:
            self.store[key("ev", bucket, "days")] = [d for d in days if d not in old]
        return evicted

    def _forget_gone(self, bucket: str, cutoff: date) -> None:
        """Drop the "-" member keys of events evicted more than a window before ``cutoff``."""
        gone_days: list[str] = self.store.get(key("ev", bucket, "gonedays")) or []
        horizon = (cutoff - timedelta(days=self.settings.window_days)).isoformat()
        old = [d for d in gone_days if d < horizon]
        for day in old:
            for event_id in get_list(self.store, key("ev", bucket, "gone", day)):
                if self.store.get(key("ev", bucket, "m", event_id)) == _GONE:
                    self.store.pop(key("ev", bucket, "m", event_id), None)
            self.store.pop(key("ev", bucket, "gone", day), None)
        if old:
            self.store[key("ev", bucket, "gonedays")] = [d for d in gone_days if d not in old]

    # --- internals ---------------------------------------------------------------------------------

    def _cutoff(self, now: datetime) -> date:
        return (now - timedelta(days=self.settings.window_days)).date()

    def _evict_canonical(self, bucket: str, canonical_id: str, cutoff: date) -> int:
        record = self.store.get(key("ev", bucket, "c", canonical_id))
        if record is None or date.fromisoformat(record["x"]) >= cutoff:
            return 0
        day = cutoff.isoformat()
        gone = get_list(self.store, key("ev", bucket, "gone", day))
        for member in record["m"]:
            self.store[key("ev", bucket, "m", member[0])] = _GONE
            if member[0] not in gone:
                gone.append(member[0])
        self.store[key("ev", bucket, "gone", day)] = gone
        gone_days = get_list(self.store, key("ev", bucket, "gonedays"))
        if day not in gone_days:
            self.store[key("ev", bucket, "gonedays")] = sorted([*gone_days, day])
        del self.store[key("ev", bucket, "c", canonical_id)]  # last: a retry after a crash redoes the rest
        return 1

    def _candidates(self, bucket: str, profile: Profile) -> list[str]:
        area = profile.place.admin1 if profile.place and profile.place.admin1 else None
        cell = place_cell(profile, self.settings)
        near = None if cell is None else [_NO_AREA] + [
            f"{cell[0] + i}:{cell[1] + j}" for i in (-1, 0, 1) for j in (-1, 0, 1)
        ]
        found: set[str] = set()
        for day in search_days(profile, self.settings):
            iso = day.isoformat()
            kind = profile.event_type
            areas = [area, _NO_AREA] if area else get_list(self.store, key("ev", bucket, "areas", iso, kind))
            for name in areas:
                cells = near or get_list(self.store, key("ev", bucket, "cells", iso, kind, name))
                prefix = key("ev", bucket, "ix", iso, kind, name, "")
                for cell_name in cells:
                    found.update(self.store.get(prefix + cell_name) or ())
        return sorted(found)

    def _best_candidate(self, bucket: str, event: Event, profile: Profile,
                        report_revision: int) -> dict[str, Any] | None:
        report_ids = set(event.report_ids)
        best: tuple[float, str, dict[str, Any]] | None = None
        for canonical_id in self._candidates(bucket, profile):
            record = self.store.get(key("ev", bucket, "c", canonical_id))
            if record is None:
                continue
            # Already a member (its membership key was lost when a worker died between the record's
            # write and the key's): the same canonical event again, never a second one.
            if any(m[0] == event.event_id for m in record["m"]):
                return record
            # Two events the extractor told apart in one version of a report are two events (a
            # later revision of the report may re-describe an event it joined before).
            if any(m[1] in report_ids and _revision(m) == report_revision for m in record["m"]):
                continue
            score = match_score(profile, Profile.from_json(record["p"]), self.settings).total
            if score is None or score < self.settings.match_threshold:
                continue
            if best is None or (-score, canonical_id) < (-best[0], best[1]):
                best = (score, canonical_id, record)
        return None if best is None else best[2]

    def _create(self, bucket: str, event: Event, profile: Profile, now: datetime,
                report_revision: int) -> FusionResult:
        canonical = event.model_copy()  # shallow: the fields changed below are replaced
        canonical.revision = 1
        canonical.updated_at = now
        canonical.evidence = canonical.evidence[: self.settings.max_evidence]
        canonical.urls = canonical.urls[: self.settings.max_urls]
        canonical.published_at = event.published_at or now
        figure = figure_of(event, now, report_revision)
        updates = [figure.report_id] if is_toll_update(event) else []
        apply_figures(canonical, [figure], updates)
        record = {"m": [[event.event_id, figure.report_id, report_revision]], "u": updates}
        self._save(bucket, canonical, record)
        return FusionResult(canonical, True, True, None)

    def _join(self, bucket: str, record: dict[str, Any], event: Event, now: datetime,
              report_revision: int) -> FusionResult:
        canonical_id = record["e"]["event_id"]
        canonical = self._event_of(canonical_id, record)
        figure = figure_of(event, now, report_revision)
        figures: list[SourceFigure] = add_figure(canonical.source_figures, figure)
        updates = list(record["u"])
        if is_toll_update(event) and figure.report_id not in updates:
            updates.append(figure.report_id)
        merged = absorb(canonical, event, figures, updates, now,
                        max_evidence=self.settings.max_evidence, max_urls=self.settings.max_urls)
        members = [list(m) for m in record["m"]]
        if not any(m[0] == event.event_id and _revision(m) == report_revision for m in members):
            members.append([event.event_id, figure.report_id, report_revision])
        dumped = merged.model_dump(mode="json")
        if _content(dumped) == _content(record["e"]):
            if members != record["m"] or updates != record["u"]:
                self._save(bucket, canonical, {"m": members, "u": updates}, record["e"])
            return FusionResult(canonical, False, False, canonical.fatalities)
        merged.revision = canonical.revision + 1
        merged.updated_at = now
        dumped.update(merged.model_dump(mode="json", include={"revision", "updated_at"}))
        self._save(bucket, merged, {"m": members, "u": updates}, dumped)
        return FusionResult(merged, False, True, canonical.fatalities)

    def _event_of(self, canonical_id: str, record: dict[str, Any]) -> Event:
        try:
            return Event.model_validate(record["e"])
        except (KeyError, ValueError) as exc:
            raise FusionStateError(key("ev", "*", "c", canonical_id), str(exc)) from exc

    def _save(self, bucket: str, canonical: Event, record: dict[str, Any],
              dumped: dict[str, Any] | None = None) -> None:
        profile = Profile.of(canonical)
        days = index_days(profile, self.settings)
        dumped = dumped if dumped is not None else canonical.model_dump(mode="json")
        record = {**record, "e": dumped, "p": profile.to_json(),
                  "x": max(days[-1], profile.end).isoformat()}
        canonical_id = canonical.event_id
        self.store[key("ev", bucket, "c", canonical_id)] = record
        for member in record["m"]:
            member_key = key("ev", bucket, "m", member[0])
            if self.store.get(member_key) != canonical_id:
                self.store[member_key] = canonical_id
        area = profile.place.admin1 if profile.place and profile.place.admin1 else _NO_AREA
        cell = _cell_name(place_cell(profile, self.settings))
        all_days = get_list(self.store, key("ev", bucket, "days"))
        for day in days:
            iso = day.isoformat()
            index_key = key("ev", bucket, "ix", iso, profile.event_type, area, cell)
            add_to_list(self.store, index_key, canonical_id)
            add_to_list(self.store, key("ev", bucket, "cells", iso, profile.event_type, area), cell)
            add_to_list(self.store, key("ev", bucket, "areas", iso, profile.event_type), area)
            add_to_list(self.store, key("ev", bucket, "types", iso), profile.event_type)
            if iso not in all_days:
                all_days.append(iso)
        days_key = key("ev", bucket, "days")
        if sorted(all_days) != self.store.get(days_key):
            self.store[days_key] = sorted(all_days)
