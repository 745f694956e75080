"""Stable ids: the same input always gives the same id, so replays and restarts never duplicate."""

from __future__ import annotations

import hashlib


def stable_id(*parts: object, length: int = 20) -> str:
    """Hex digest (``length`` chars) of the parts, joined unambiguously."""
    digest = hashlib.blake2b(digest_size=32)
    for part in parts:
        data = str(part).encode("utf-8")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()[:length]
