"""Settings of report deduplication and event fusion (env prefix ``SITREP_FUSION__``).

Example: ``SITREP_FUSION__WINDOW_DAYS=10 SITREP_FUSION__DISTANCE_KM=15``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class FusionSettings(BaseSettings):
    """How near-duplicate reports are found and how events are matched and merged."""

    model_config = SettingsConfigDict(env_prefix="SITREP_FUSION__", frozen=True, extra="ignore")

    # State window: reports and canonical events older than this (stream time) are evicted.
    window_days: int = Field(default=7, ge=1)
    # Canonical events are kept this much longer than the window before eviction, so that candidates
    # arriving out of order (one partition or source behind another, a worker re-reading after a
    # crash) still join the event they describe rather than starting a second one. Events older than
    # the window are still refused (outside_window), whatever this is.
    lateness_hours: float = Field(default=24.0, ge=0)

    # Near-duplicate reports (MinHash/LSH over word shingles of the matching form of the text).
    num_perm: int = Field(default=64, ge=16, le=512)
    shingle_words: int = Field(default=3, ge=1, le=8)
    dedup_threshold: float = Field(default=0.7, gt=0.0, le=1.0)  # estimated Jaccard of a duplicate
    min_shingles: int = Field(default=8, ge=1)  # shorter texts only match exactly (content hash)
    minhash_seed: int = 1

    # Event matching.
    date_tolerance_days: int = Field(default=1, ge=0)  # ± days between two single-day events
    range_tolerance_days: int = Field(default=3, ge=0)  # ± days when either is a range / coarse date
    max_event_range_days: int = Field(default=7, ge=1)  # a longer range is a running total: no event
    # Two distinct precise places (geo_precision 1) are two events unless practically one spot (a
    # site at a town, a crossing, two spellings in the gazetteer).
    distance_km: float = Field(default=1.0, gt=0)
    coarse_distance_km: float = Field(default=3.0, gt=0)  # when either place is only near a town (2)
    city_distance_km: float = Field(default=6.0, gt=0)  # a provincial capital named alone holds its quarters
    # A place told only as near or outside a provincial capital ("outside Aleppo", precision 2) holds a spot
    # within this of the city's centre (its suburbs and the towns on its edge).
    city_outskirts_km: float = Field(default=12.0, gt=0)
    region_distance_km: float = Field(default=60.0, gt=0)  # a part of a province ("countryside")
    match_threshold: float = Field(default=0.62, gt=0.0, le=1.0)  # score to join a canonical event
    # Granularity of fusion_bucket(), the key the fusion agent's topic is partitioned by.
    bucket_level: Literal["country", "admin1"] = "country"
    default_country: str = "SY"  # bucket of events with no country (Syria-first feeds)

    # Size bounds of a canonical event.
    max_evidence: int = Field(default=8, ge=0)
    max_urls: int = Field(default=20, ge=0)
