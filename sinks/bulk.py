"""Pure pieces of bulk writing: classify per-item results, compute retry delays."""

from __future__ import annotations

import enum
import random
from dataclasses import dataclass
from typing import Any


class Outcome(enum.Enum):
    """What to do with one document after a bulk response."""

    WRITTEN = "written"  # 2xx
    IGNORED = "ignored"  # 409: this or a newer revision is already there (replay)
    REJECTED = "rejected"  # 400: malformed or mapping conflict — retrying cannot help: DLQ
    RETRY = "retry"  # 429, 5xx and anything else: retry, then DLQ


@dataclass(frozen=True)
class ItemResult:
    """The classified result of one item of a bulk response."""

    outcome: Outcome
    status: int
    error_type: str = ""
    reason: str = ""


def classify_status(status: int) -> Outcome:
    if 200 <= status < 300:
        return Outcome.WRITTEN
    if status == 409:
        return Outcome.IGNORED
    if status == 400:
        return Outcome.REJECTED
    return Outcome.RETRY


def classify_items(response: dict[str, Any]) -> list[ItemResult]:
    """One :class:`ItemResult` per item of a ``_bulk`` response, in request order."""
    results: list[ItemResult] = []
    for item in response.get("items", []):
        (body,) = item.values()
        status = int(body.get("status", 500))
        error = body.get("error") or {}
        if isinstance(error, str):
            error = {"type": "error", "reason": error}
        reason = str(error.get("reason", ""))
        caused = error.get("caused_by") or {}
        if caused.get("reason"):
            reason = f"{reason}: {caused['reason']}"
        results.append(ItemResult(classify_status(status), status, str(error.get("type", "")), reason))
    return results


def backoff_delay(attempt: int, base: float, cap: float, rng: random.Random) -> float:
    """Capped exponential backoff with full jitter: uniform in ``[0, min(cap, base * 2**attempt)]``."""
    return rng.uniform(0.0, min(cap, base * (2 ** min(attempt, 62))))


def is_retryable_status(status: int | None) -> bool:
    """Whole-request statuses worth retrying (the cluster is busy or down)."""
    return status is None or status == 429 or status >= 500
