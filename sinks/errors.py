"""Errors of the Elasticsearch sink, search and Kibana loading.

    SitrepError (sitrep.errors)
    └── SinkError                   base of what the sinks raise on purpose
        ├── DocumentRejected        Elasticsearch refused one document for good (400: malformed, mapping)
        ├── RetriesExhausted        a document kept failing with a retryable status; it went to the DLQ
        ├── ElasticsearchUnavailable  the cluster did not answer (connection, 429, 5xx)
        ├── GroupJoinStalled        the consumer could not (re)join its group in time: restart it
        ├── SearchError             a search could not be run (bad --near, unknown index, ...)
        ├── ExportError             events could not be exported (a bad input line, an unreadable index)
        └── KibanaError             the Kibana saved objects API refused an import
"""

from __future__ import annotations

from sitrep.errors import SitrepError


class SinkError(SitrepError):
    """Base of what the sinks raise on purpose."""


class DocumentRejected(SinkError):
    """Elasticsearch refused one document for good (malformed or mapping conflict)."""

    def __init__(self, status: int, error_type: str, reason: str) -> None:
        self.status, self.error_type, self.reason = status, error_type, reason
        super().__init__(f"Elasticsearch rejected the document ({status} {error_type}): {reason}")


class RetriesExhausted(SinkError):
    """A document kept failing with a retryable status and was dead-lettered."""

    def __init__(self, status: int, error_type: str, reason: str, attempts: int) -> None:
        self.status, self.error_type, self.reason, self.attempts = status, error_type, reason, attempts
        super().__init__(f"gave up after {attempts} attempts ({status} {error_type}): {reason}")


class ElasticsearchUnavailable(SinkError):
    """The cluster did not answer (connection refused, 429, 5xx)."""


class GroupJoinStalled(SinkError):
    """The sink's consumer has not been a stable member of its group for too long.

    Raised so the process exits and its supervisor (``sitrep up``, Kubernetes) starts a fresh consumer:
    uncommitted messages are re-read by whoever owns their partitions next, and writes are idempotent.
    """


class SearchError(SinkError):
    """A search could not be run."""


class ExportError(SinkError):
    """Events could not be exported."""


class KibanaError(SinkError):
    """The Kibana saved objects API refused a request."""
