"""Settings of the Elasticsearch sink (environment prefix ``SITREP_SINK__``)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class SinkSettings(BaseSettings):
    """How the sink batches, retries and pauses. Defaults suit both the stand-ins and real clusters."""

    model_config = SettingsConfigDict(env_prefix="SITREP_SINK__", frozen=True, extra="ignore")

    # A batch is flushed when any limit is reached. 500 documents (helpers.bulk's chunk) overlap the
    # next batch's decoding with the bulk in flight better than 1,000 on the local stand-in
    # (bench_sink ratio 0.84-0.86 against 0.78-0.81; 250: 0.80).
    batch_max_docs: Annotated[int, Field(ge=1)] = 500
    batch_max_bytes: Annotated[int, Field(ge=1024)] = 5_000_000
    batch_max_wait_s: Annotated[float, Field(gt=0)] = 0.25
    # Bulks written at once while the next batch is built (Kafka Connect's max.in.flight.requests).
    # Results are still handled, and offsets committed, in batch order. One suits the local stand-in
    # (bench_sink: ratio 0.96 with 1, 0.63 with 2); a real cluster with several data nodes may take more.
    max_in_flight: Annotated[int, Field(ge=1, le=8)] = 1
    # Whole-request failures (connection, 429, 5xx) are retried forever while consumption pauses;
    # a single document failing with a retryable status is retried this many times, then dead-lettered.
    item_max_attempts: Annotated[int, Field(ge=1)] = 5
    backoff_base_s: Annotated[float, Field(gt=0)] = 0.1
    backoff_cap_s: Annotated[float, Field(gt=0)] = 10.0
    poll_timeout_s: Annotated[float, Field(gt=0)] = 0.2
    # Waiting longer than this for a bulk pauses consumption (bounded memory while ES is slow or down).
    pause_after_s: Annotated[float, Field(gt=0)] = 1.0
    auto_offset_reset: str = "earliest"
    # A consumer that has not been a stable member of its group for this long gives up, so that its
    # supervisor starts a fresh one (seen under `make chaos` on the local stand-in: a sink restarted
    # during a rebalance waited on its group join for minutes while a new consumer joined in 12 s).
    # Kafka's own rebalances of a healthy sink take seconds (it polls every batch_max_wait_s).
    rejoin_after_s: Annotated[float, Field(gt=0)] = 120.0
    # refresh=wait_for on each bulk (tests); the indices refresh every second anyway.
    refresh: bool = False
