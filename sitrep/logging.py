"""Log set-up for every ``sitrep`` command: plain lines for people, JSON lines for machines.

``SITREP_LOG_JSON=true`` switches stderr to one JSON object per line::

    {"ts": "2026-11-24T22:40:01.123Z", "level": "WARNING", "logger": "processors.agents",
     "message": "normalize: ...", "service": "worker", "topic": "reports.raw", "offset": 12}

Identifiers travel as ``extra=``: ``log.info("...", extra={"feed_id": f.id, "report_id": r.report_id})``
puts them into the JSON object as fields (and, in plain mode, after the message as ``key=value``).
Fields whose name looks secret (password, api_key, token, secret, authorization) are masked.
``SITREP_LOG_LEVEL`` sets the level when given explicitly; otherwise commands log warnings only
(``-v`` shows debug details).
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import IO, Any

# Attributes every LogRecord has: anything else on a record came from ``extra=``.
_STANDARD = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
    "taskName",
}
_SECRET_MARKERS = (
    "password",
    "passwd",
    "secret",
    "token",
    "api_key",
    "apikey",
    "authorization",
    "credential",
)
MASK = "**********"
PLAIN_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def extra_fields(record: logging.LogRecord) -> dict[str, Any]:
    """The ``extra=`` fields of ``record``, secrets masked."""
    fields = {}
    for key, value in record.__dict__.items():
        if key in _STANDARD or key.startswith("_"):
            continue
        fields[key] = MASK if any(marker in key.lower() for marker in _SECRET_MARKERS) else value
    return fields


class JsonFormatter(logging.Formatter):
    """One JSON object per record: ts, level, logger, message, the extras, and error/stack if any."""

    def __init__(self, service: str | None = None) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if self.service:
            entry["service"] = self.service
        entry.update(extra_fields(record))
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class PlainFormatter(logging.Formatter):
    """The usual one-line format, with ``extra=`` fields appended as ``key=value``."""

    def __init__(self) -> None:
        super().__init__(PLAIN_FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        extras = extra_fields(record)
        if not extras:
            return line
        head, newline, rest = line.partition("\n")  # keep tracebacks below the fields
        return head + " " + " ".join(f"{k}={v}" for k, v in extras.items()) + newline + rest


class SitrepHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to the given stream, or to whatever ``sys.stderr`` is at the time of each record (so a
    replaced stderr, as under test capture, never leaves the handler writing to a closed stream)."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self._fixed = stream
        super().__init__(stream)

    @property  # type: ignore[override]
    def stream(self) -> IO[str]:
        return self._fixed if self._fixed is not None else sys.stderr

    @stream.setter
    def stream(self, value: IO[str] | None) -> None:
        self._fixed = value if value is not sys.stderr else None


def stderr_handler(
    json_lines: bool = False, service: str | None = None, stream: IO[str] | None = None
) -> logging.Handler:
    """A handler writing our format (JSON lines or plain) to stderr (or ``stream``)."""
    handler = SitrepHandler(stream)
    handler.setFormatter(JsonFormatter(service) if json_lines else PlainFormatter())
    return handler


def dict_config(*, json_lines: bool, level: str, service: str | None = None) -> dict[str, Any]:
    """A ``logging.config.dictConfig`` of our format, for libraries that configure logging themselves
    (Faust's worker takes it as ``logging_config``)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "handlers": {
            "default": {"()": f"{__name__}.stderr_handler", "json_lines": json_lines, "service": service}
        },
        "root": {"level": level.upper(), "handlers": ["default"]},
    }


def configure_logging(
    *,
    json_lines: bool = False,
    level: str | int = logging.WARNING,
    service: str | None = None,
    stream: IO[str] | None = None,
) -> logging.Handler:
    """Replace the root logger's console handler (``basicConfig``'s or ours) with one in the chosen format.

    Other handlers (a log file, a test's capture) stay."""
    handler = stderr_handler(json_lines, service, stream)
    root = logging.getLogger()
    for old in list(root.handlers):
        if isinstance(old, SitrepHandler) or type(old) is logging.StreamHandler:
            root.removeHandler(old)
    root.addHandler(handler)
    try:
        root.setLevel(level if isinstance(level, int) else level.upper())
    except ValueError:
        from sitrep.errors import ConfigError

        raise ConfigError(
            f"SITREP_LOG_LEVEL={level!r} is not a log level: use DEBUG, INFO, WARNING or ERROR"
        ) from None
    return handler


def configure_from_settings(settings: Any, *, verbose: bool = False, service: str | None = None) -> None:
    """Logging per ``settings`` (``log_json``; ``log_level`` when set explicitly; ``-v`` = debug)."""
    if verbose:
        level: str | int = logging.DEBUG
    elif "log_level" in settings.model_fields_set:
        level = settings.log_level
    else:
        level = logging.WARNING
    configure_logging(json_lines=settings.log_json, level=level, service=service)
