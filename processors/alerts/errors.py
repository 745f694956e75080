"""Errors of the alerting stage.

    SitrepError                         (sitrep.errors) base of everything we raise on purpose
    └── AlertsError                     something about alerting went wrong
        ├── RulesError                  the rules file is not valid (names file, line and key)
        ├── EventsFileError             a line of an events file is not a valid Event
        ├── SilenceError                a silence could not be parsed, stored or read
        └── NotifyError                 a notifier could not deliver an alert
            ├── DeliveryRejected        the receiver refused it for good (4xx, SMTP 5xx): no retry
            └── DeliveryUnavailable     the receiver failed for now (5xx, 429, timeout): retry

Messages never contain secrets: webhook URLs (their path is the token) and SMTP passwords are
redacted before an error is built, so an error can be logged and dead-lettered as it is.
"""

from __future__ import annotations

from pathlib import Path

from sitrep.errors import SitrepError


class AlertsError(SitrepError):
    """Something about alerting went wrong."""


class RulesError(AlertsError):
    """The rules file is not valid; the message names the file, the line and the key."""

    def __init__(self, message: str, path: Path | str = "", line: int | None = None, key: str = "") -> None:
        self.path, self.line, self.key, self.reason = str(path), line, key, message
        where = self.path or "rules"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {key}: {message}" if key else f"{where}: {message}")


class EventsFileError(AlertsError):
    """A line of an events file (JSON lines of Event records) is not a valid Event."""

    def __init__(self, message: str, path: Path | str, line: int) -> None:
        self.path, self.line = str(path), line
        super().__init__(f"{path}:{line}: {message}")


class SilenceError(AlertsError):
    """A silence could not be parsed, stored or read."""


class NotifyError(AlertsError):
    """A notifier could not deliver an alert."""

    retryable = False

    def __init__(self, notifier: str, reason: str) -> None:
        self.notifier, self.reason = notifier, reason
        super().__init__(f"{notifier} notifier: {reason}")


class DeliveryRejected(NotifyError):
    """The receiver refused the alert for good (a 4xx answer, an SMTP 5xx): retrying will not help."""

    retryable = False


class DeliveryUnavailable(NotifyError):
    """The receiver failed for now (5xx, 429, timeout, refused connection): worth retrying."""

    retryable = True

    def __init__(self, notifier: str, reason: str, retry_after: float | None = None) -> None:
        self.retry_after = retry_after
        super().__init__(notifier, reason)
