"""Errors of the stream processors.

    ProcessorError                  base (a sitrep.errors.SitrepError)
    ├── PoisonMessage               a message is not a valid wire record: dead-lettered with the reason
    └── StageFailed                 a stage raised on a valid record: dead-lettered, the stream goes on
"""

from __future__ import annotations

from sitrep.errors import SitrepError


class ProcessorError(SitrepError):
    """Base of the processors' errors."""


class PoisonMessage(ProcessorError):
    """A message could not be decoded into the record its topic carries."""

    def __init__(self, topic: str, reason: str) -> None:
        self.topic, self.reason = topic, reason
        super().__init__(f"invalid message on {topic}: {reason}")


class StageFailed(ProcessorError):
    """A processing stage raised on a valid record."""

    def __init__(self, stage: str, record_id: str, cause: BaseException) -> None:
        self.stage, self.record_id, self.cause = stage, record_id, cause
        super().__init__(f"{stage} failed on {record_id}: {cause.__class__.__name__}: {cause}")
