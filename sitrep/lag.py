"""Consumer-group lag: how far each group is behind the end of each topic (for status and waits)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sitrep.settings import KafkaSettings


@dataclass(frozen=True)
class TopicLag:
    """A group's position on one topic, summed over its partitions."""

    group: str
    topic: str
    end: int
    committed: int

    @property
    def lag(self) -> int:
        return max(0, self.end - self.committed)


def group_lag(settings: KafkaSettings, group: str, topic_names: Iterable[str]) -> list[TopicLag]:
    """Committed offsets of ``group`` against the end offsets of ``topic_names`` (missing topics skipped)."""
    by_topic: dict[str, TopicLag] = {}
    for lag in partition_lags(settings, group, topic_names):
        total = by_topic.get(lag.topic, TopicLag(group, lag.topic, 0, 0))
        by_topic[lag.topic] = TopicLag(group, lag.topic, total.end + lag.end, total.committed + lag.committed)
    return list(by_topic.values())


@dataclass(frozen=True)
class PartitionLag:
    """A group's position on one partition (``committed`` 0 when the group never committed there)."""

    group: str
    topic: str
    partition: int
    end: int
    committed: int

    @property
    def lag(self) -> int:
        return max(0, self.end - self.committed)


def partition_lags(settings: KafkaSettings, group: str, topic_names: Iterable[str]) -> list[PartitionLag]:
    """``group``'s committed offset against the end offset of every partition of ``topic_names``."""
    from kafka import KafkaConsumer, TopicPartition

    consumer: Any = KafkaConsumer(
        **settings.kafka_python_config(), group_id=group, enable_auto_commit=False,
        request_timeout_ms=15000,
    )
    try:
        result = []
        existing = consumer.topics()
        for topic in topic_names:
            if topic not in existing:
                continue
            partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
            ends = consumer.end_offsets(partitions)
            result += [PartitionLag(group, topic, tp.partition, ends[tp], consumer.committed(tp) or 0)
                       for tp in partitions]
        return result
    finally:
        consumer.close()


def topic_sizes(settings: KafkaSettings, topic_names: Iterable[str]) -> dict[str, int]:
    """Messages ever written to each topic (end offsets summed; start offsets are 0 without retention)."""
    from kafka import KafkaConsumer, TopicPartition

    consumer: Any = KafkaConsumer(**settings.kafka_python_config(), enable_auto_commit=False,
                                  request_timeout_ms=15000)
    try:
        existing = consumer.topics()
        sizes = {}
        for topic in topic_names:
            if topic not in existing:
                continue
            partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
            begin = consumer.beginning_offsets(partitions)
            end = consumer.end_offsets(partitions)
            sizes[topic] = sum(end[tp] - begin[tp] for tp in partitions)
        return sizes
    finally:
        consumer.close()
