"""Errors of deduplication and fusion.

    FusionError                     base (a processors.errors.ProcessorError)
    └── FusionStateError            the state store holds a value fusion cannot read (wrong layout/version)
"""

from __future__ import annotations

from processors.errors import ProcessorError


class FusionError(ProcessorError):
    """Base of the fusion stage's errors."""


class FusionStateError(FusionError):
    """A value in the fusion state store cannot be read back."""

    def __init__(self, key: str, reason: str) -> None:
        self.key, self.reason = key, reason
        super().__init__(f"fusion state {key!r} unreadable: {reason}")
