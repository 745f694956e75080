"""Dead letters: the original bytes of what could not be processed, with the reason and origin."""

from __future__ import annotations

import base64
from datetime import datetime

from sitrep.records import DeadLetter, utcnow

# The envelope must fit in one Kafka message (1 MB by default) after base64 (+33%): an oversized
# original keeps only its first bytes, and the message says how big it was.
MAX_ORIGINAL_BYTES = 256 * 1024


def make_dead_letter(
    original: bytes | str | None,
    error: BaseException | str,
    *,
    stage: str,
    key: bytes | str | None = None,
    topic: str = "",
    partition: int | None = None,
    offset: int | None = None,
    now: datetime | None = None,
    max_original_bytes: int = MAX_ORIGINAL_BYTES,
) -> DeadLetter:
    """Wrap a failed message (or document) so nothing is lost and the reason travels with it.

    An original longer than ``max_original_bytes`` is cut to that many first bytes (the message
    says so), so the dead letter itself can always be published."""
    if isinstance(error, BaseException):
        error_class, message = error.__class__.__name__, str(error) or repr(error)
    else:
        error_class, message = "Rejected", error
    if isinstance(original, str):
        original = original.encode("utf-8", "surrogateescape")
    if original is not None and len(original) > max_original_bytes:
        message = f"{message[:1800]} [original of {len(original)} bytes cut to its first {max_original_bytes}]"
        original = original[:max_original_bytes]
    return DeadLetter(
        original=_b64(original) or "",
        original_key=_b64(key),
        error_class=error_class,
        message=message[:2000],
        stage=stage,
        source_topic=topic,
        source_partition=partition,
        source_offset=offset,
        failed_at=now or utcnow(),
    )


def dead_letter_headers(letter: DeadLetter) -> list[tuple[str, bytes]]:
    """Kafka headers naming the error and origin (readable without decoding the value)."""
    headers = [
        ("error.class", letter.error_class.encode()),
        ("error.message", letter.message[:500].encode("utf-8", "replace")),
        ("error.stage", letter.stage.encode()),
        ("source.topic", letter.source_topic.encode()),
    ]
    if letter.source_partition is not None:
        headers.append(("source.partition", str(letter.source_partition).encode()))
    if letter.source_offset is not None:
        headers.append(("source.offset", str(letter.source_offset).encode()))
    return headers


def original_bytes(letter: DeadLetter) -> bytes:
    return base64.b64decode(letter.original)


def _b64(value: bytes | str | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = value.encode("utf-8", "surrogateescape")
    return base64.b64encode(value).decode("ascii")
