"""Where Reports go: Kafka (``reports.raw``, keyed by report_id, delivery confirmed) or a list.

A ``ReportSink`` has one coroutine, ``publish(report)``, which returns only once the report is
durably accepted and raises ``PublishError`` otherwise. The poller marks a report seen only after
``publish`` returned.
"""

from __future__ import annotations

import asyncio
from typing import Any, Protocol

from ingest.errors import PublishError
from sitrep import topics
from sitrep.records import Report


class ReportSink(Protocol):
    """Something that durably accepts Reports."""

    async def publish(self, report: Report) -> None: ...


def report_message(report: Report) -> tuple[bytes, bytes]:
    """(key, value) of a Report on the wire."""
    return report.report_id.encode(), report.model_dump_json().encode()


class KafkaReportSink:
    """Publishes to a topic with a kafka-python producer and waits for the broker's acknowledgement."""

    def __init__(self, producer: Any, topic: str = topics.REPORTS_RAW, timeout_s: float = 30.0) -> None:
        self.producer, self.topic, self.timeout_s = producer, topic, timeout_s

    def _send_and_wait(self, report: Report) -> None:
        key, value = report_message(report)
        try:
            self.producer.send(self.topic, key=key, value=value).get(timeout=self.timeout_s)
        except Exception as exc:  # KafkaTimeoutError, KafkaError, broker gone...
            raise PublishError(
                f"broker did not confirm report {report.report_id}: {exc.__class__.__name__}: {exc}"
            ) from exc

    async def publish(self, report: Report) -> None:
        # kafka-python blocks: wait in a thread so the other feeds keep polling meanwhile.
        await asyncio.to_thread(self._send_and_wait, report)


class CollectingSink:
    """Keeps published Reports in memory (``sitrep feeds check`` counts them; tests read them)."""

    def __init__(self) -> None:
        self.reports: list[Report] = []

    async def publish(self, report: Report) -> None:
        self.reports.append(report)
