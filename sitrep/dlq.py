"""Dead-letter topics: read letters, filter them, and replay their original bytes after a fix.

A dead-letter topic ``<topic>.dlq`` holds :class:`~sitrep.records.DeadLetter` envelopes (the base64
original, its key, the error and the origin topic/partition/offset). ``read_letters`` reads a range of
one, ``Letter`` decodes one record (a record that is not an envelope is kept, with the reason),
``matches`` filters, and ``replay`` re-publishes the original bytes and key to the origin topic.

Replays are idempotent through :class:`ReplayState`, a small JSON file under the state dir that
remembers each replayed letter (dead-letter topic, partition, offset and a digest of the record, so a
re-created topic whose offsets start over is not mistaken for the old one). A letter is marked only
after Kafka confirmed its re-publication; a crash between the two can re-publish a letter once more,
which the pipeline absorbs (stable ids, external versions). Replayed records carry the header
``sitrep.replayed-from: <dlq topic>:<partition>:<offset>``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from sitrep import topics
from sitrep.errors import ConfigError, ServiceError
from sitrep.records import DeadLetter
from sitrep.settings import KafkaSettings

REPLAY_HEADER = "sitrep.replayed-from"
SUFFIX = ".dlq"


def dlq_topic(name: str) -> str:
    """The dead-letter topic for ``name`` (``reports.raw`` and ``reports.raw.dlq`` both work)."""
    return name if name.endswith(SUFFIX) else topics.dlq(name)


@dataclass(frozen=True)
class Letter:
    """One record of a dead-letter topic, decoded as far as it goes."""

    topic: str
    partition: int
    offset: int
    value: bytes
    key: bytes | None = None
    timestamp_ms: int | None = None
    headers: dict[str, bytes] = field(default_factory=dict)

    @cached_property
    def envelope(self) -> DeadLetter | None:
        try:
            return DeadLetter.model_validate_json(self.value)
        except ValidationError:
            return None

    @property
    def problem(self) -> str | None:
        """Why this record is not a readable envelope (None when it is)."""
        try:
            letter = DeadLetter.model_validate_json(self.value)
            base64.b64decode(letter.original, validate=True)
        except ValidationError as exc:
            return f"not a dead-letter envelope ({exc.error_count()} problems)"
        except (binascii.Error, ValueError):
            return "envelope's original is not base64"
        return None

    @property
    def failed_at(self) -> datetime | None:
        envelope = self.envelope
        if envelope is not None:
            return envelope.failed_at
        if self.timestamp_ms is not None:
            return datetime.fromtimestamp(self.timestamp_ms / 1000, UTC)
        return None

    @property
    def error_class(self) -> str:
        envelope = self.envelope
        if envelope is not None:
            return envelope.error_class
        return self.headers.get("error.class", b"?").decode("utf-8", "replace")

    @property
    def source_topic(self) -> str:
        """Where the original came from (the envelope says; else the dead-letter topic's base)."""
        envelope = self.envelope
        if envelope is not None and envelope.source_topic:
            return envelope.source_topic
        return self.topic.removesuffix(SUFFIX)

    def original(self) -> bytes | None:
        envelope = self.envelope
        if envelope is None:
            return None
        try:
            return base64.b64decode(envelope.original, validate=True)
        except (binascii.Error, ValueError):
            return None

    def original_key(self) -> bytes | None:
        envelope = self.envelope
        if envelope is None or envelope.original_key is None:
            return None
        return base64.b64decode(envelope.original_key)

    @property
    def position(self) -> str:
        return f"{self.topic}:{self.partition}:{self.offset}"

    def digest(self) -> str:
        return hashlib.sha256(self.value).hexdigest()[:16]

    def line(self, width: int = 100) -> str:
        """One line: offset, time, error class, message, origin."""
        envelope = self.envelope
        when = self.failed_at.strftime("%Y-%m-%d %H:%M:%S") if self.failed_at else "?"
        if envelope is None:
            return f"{self.partition}:{self.offset:<6} {when}  UNREADABLE  {self.problem}"
        message = " ".join(envelope.message.split())
        if len(message) > width:
            message = message[: width - 1] + "…"
        source = envelope.source_topic or "?"
        origin = f"{source}[{_opt(envelope.source_partition)}]@{_opt(envelope.source_offset)}"
        stage = f" ({envelope.stage})" if envelope.stage else ""
        return (
            f"{self.partition}:{self.offset:<6} {when}  {envelope.error_class}{stage}: {message}  ← {origin}"
        )

    def as_dict(self) -> dict[str, Any]:
        """The full envelope plus where the letter sits, the original decoded when it is text."""
        envelope = self.envelope
        result: dict[str, Any] = {
            "dlq": {
                "topic": self.topic,
                "partition": self.partition,
                "offset": self.offset,
                "timestamp_ms": self.timestamp_ms,
            }
        }
        result["headers"] = {k: v.decode("utf-8", "replace") for k, v in self.headers.items()}
        if envelope is None:
            result["problem"] = self.problem
            result["value"] = _text_or_base64(self.value)
            return result
        result["envelope"] = envelope.model_dump(mode="json")
        original, key = self.original(), self.original_key()
        result["original_key"] = _text_or_base64(key) if key is not None else None
        if original is not None:
            result["original_bytes"] = len(original)
            result["original"] = _json_or_text(original)
        return result


def _opt(value: int | None) -> str:
    return "?" if value is None else str(value)


def _text_or_base64(data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "base64:" + base64.b64encode(data).decode("ascii")
    if any(ord(c) < 32 and c not in "\t\n\r" for c in text):
        return "base64:" + base64.b64encode(data).decode("ascii")
    return text


def _json_or_text(data: bytes) -> Any:
    """Parsed JSON when the bytes are JSON, else text when they are text, else ``base64:...``."""
    try:
        return json.loads(data)
    except (UnicodeDecodeError, ValueError):
        return _text_or_base64(data)


def parse_offset(text: str) -> tuple[int | None, int]:
    """``"12"`` → (None, 12) (any partition); ``"0:12"`` → (0, 12)."""
    partition, _, offset = text.rpartition(":")
    try:
        return (int(partition) if partition else None), int(offset)
    except ValueError:
        raise ConfigError(f"--offset {text!r}: give OFFSET or PARTITION:OFFSET, e.g. 12 or 0:12") from None


def parse_since(text: str, now: datetime | None = None) -> datetime:
    """An ISO time (``2026-11-24T20:00``, UTC unless it says) or an age: ``30m``, ``2h``, ``1d``."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    if text and text[-1] in units and text[:-1].replace(".", "", 1).isdigit():
        return (now or datetime.now(UTC)) - timedelta(seconds=float(text[:-1]) * units[text[-1]])
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ConfigError(
            f"--since {text!r}: give an ISO time (2026-11-24T20:00) or an age (30m, 2h, 1d)"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def matches(
    letter: Letter,
    *,
    offsets: Sequence[tuple[int | None, int]] = (),
    since: datetime | None = None,
    error_class: str | None = None,
) -> bool:
    """True when ``letter`` passes every given filter (none given: every letter)."""
    if offsets and not any(o == letter.offset and p in (None, letter.partition) for p, o in offsets):
        return False
    if since is not None:
        failed = letter.failed_at
        if failed is None or failed < since:
            return False
    return error_class is None or letter.error_class.lower() == error_class.lower()


# --- reading -------------------------------------------------------------------------------------


def read_letters(
    kafka: KafkaSettings,
    topic: str,
    *,
    last: int | None = None,
    from_offset: int | None = None,
    timeout_s: float = 30.0,
    consumer: Any = None,
) -> list[Letter]:
    """Letters of dead-letter ``topic`` (all, the ``last`` N per partition, or from ``from_offset`` on).

    Reads without a consumer group (no offsets committed) up to the end offsets seen at the start."""
    from kafka import KafkaConsumer, TopicPartition

    own = consumer is None
    if own:
        consumer = KafkaConsumer(
            **kafka.kafka_python_config(),
            group_id=None,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            request_timeout_ms=15000,
        )
    try:
        if topic not in consumer.topics():
            return []
        partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        consumer.assign(partitions)
        begin, end = consumer.beginning_offsets(partitions), consumer.end_offsets(partitions)
        remaining = {}
        for tp in partitions:
            start = begin[tp]
            if last is not None:
                start = max(start, end[tp] - last)
            if from_offset is not None:
                start = max(start, min(from_offset, end[tp]))
            if start < end[tp]:
                consumer.seek(tp, start)
                remaining[tp] = end[tp]
        consumer.pause(*[tp for tp in partitions if tp not in remaining])
        letters: list[Letter] = []
        deadline = time.monotonic() + timeout_s
        while remaining:
            if time.monotonic() > deadline:
                unfinished = sorted(tp.partition for tp in remaining)
                raise ServiceError(
                    f"timed out reading {topic} at {kafka.bootstrap} "
                    f"({len(letters)} letters read, partitions {unfinished} unfinished)"
                )
            for tp, records in consumer.poll(timeout_ms=500).items():
                for record in records:
                    if tp in remaining and record.offset < remaining[tp]:
                        letters.append(_letter(record))
                if tp in remaining and consumer.position(tp) >= remaining[tp]:
                    del remaining[tp]
                    consumer.pause(tp)
        return sorted(letters, key=lambda letter: (letter.partition, letter.offset))
    finally:
        if own:
            consumer.close()


def _letter(record: Any) -> Letter:
    headers = {name: bytes(value or b"") for name, value in (record.headers or [])}
    return Letter(
        topic=record.topic,
        partition=record.partition,
        offset=record.offset,
        value=bytes(record.value or b""),
        key=record.key,
        timestamp_ms=record.timestamp if record.timestamp and record.timestamp > 0 else None,
        headers=headers,
    )


def dlq_sizes(kafka: KafkaSettings, names: Iterable[str] | None = None) -> dict[str, int]:
    """Letters in each dead-letter topic that exists (every pipeline topic's DLQ by default)."""
    from sitrep.lag import topic_sizes

    return topic_sizes(kafka, list(names or (topics.dlq(t) for t in topics.ALL)))


# --- replay --------------------------------------------------------------------------------------


class ReplayState:
    """Which letters were replayed already: ``{dlq topic: {"partition:offset": digest}}`` in a JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.done: dict[str, dict[str, str]] = {}
        if path.exists():
            try:
                self.done = json.loads(path.read_text())
            except ValueError as exc:
                raise ConfigError(
                    f"replay state {path} is not JSON ({exc}); move it away to start over"
                ) from None

    def replayed(self, letter: Letter) -> bool:
        return self.done.get(letter.topic, {}).get(f"{letter.partition}:{letter.offset}") == letter.digest()

    def mark(self, letter: Letter) -> None:
        self.done.setdefault(letter.topic, {})[f"{letter.partition}:{letter.offset}"] = letter.digest()

    def save(self) -> None:
        """Write atomically (a crash leaves the old or the new file, never half of one)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.done, sort_keys=True))
        os.replace(tmp, self.path)


def replay_state_path(state_dir: Path) -> Path:
    return Path(state_dir) / "dlq-replayed.json"


@dataclass
class ReplayResult:
    """What a replay did (or, with dry_run, would do)."""

    selected: int = 0
    published: int = 0
    already_replayed: int = 0
    unreadable: list[str] = field(default_factory=list)  # positions of letters that cannot be replayed
    targets: dict[str, int] = field(default_factory=dict)  # topic → letters (to be) re-published

    def line(self, dry_run: bool = False) -> str:
        verb = "would re-publish" if dry_run else "re-published"
        where = ", ".join(f"{t}={n}" for t, n in sorted(self.targets.items())) or "nothing"
        count = sum(self.targets.values()) if dry_run else self.published
        return (
            f"{self.selected} letters selected: {verb} {count} "
            f"({where}), {self.already_replayed} already replayed, {len(self.unreadable)} unreadable"
        )


def replay(
    letters: Sequence[Letter],
    state: ReplayState,
    *,
    producer: Any = None,
    dry_run: bool = False,
    force: bool = False,
    batch: int = 200,
    timeout_s: float = 30.0,
    on_progress: Callable[[ReplayResult], None] | None = None,
) -> ReplayResult:
    """Re-publish each letter's original bytes and key to its source topic, once.

    Letters already in ``state`` are skipped unless ``force``. Sends go out in batches of ``batch``;
    after each batch is confirmed by Kafka, its letters are marked and the state saved."""
    result = ReplayResult(selected=len(letters))
    todo: list[tuple[Letter, bytes]] = []
    for letter in letters:
        original = letter.original()
        if original is None:
            result.unreadable.append(letter.position)
        elif not force and state.replayed(letter):
            result.already_replayed += 1
        else:
            todo.append((letter, original))
            result.targets[letter.source_topic] = result.targets.get(letter.source_topic, 0) + 1
    if dry_run or not todo:
        return result
    if producer is None:
        raise ConfigError("replay needs a Kafka producer")
    for start in range(0, len(todo), batch):
        chunk = todo[start : start + batch]
        futures = [
            producer.send(
                letter.source_topic,
                key=letter.original_key(),
                value=original,
                headers=[(REPLAY_HEADER, letter.position.encode())],
            )
            for letter, original in chunk
        ]
        for future in futures:
            future.get(timeout=timeout_s)
        for letter, _ in chunk:
            state.mark(letter)
        state.save()
        result.published += len(chunk)
        if on_progress:
            on_progress(result)
    return result
