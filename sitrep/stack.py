"""The running pipeline for `sitrep up` and `sitrep demo`: stand-ins (unless real clusters are
configured), topics and indices, and the supervised services (worker, sink, optionally pollers)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sitrep import topics
from sitrep.errors import SitrepError
from sitrep.kafka import ensure_topics
from sitrep.records import Event
from sitrep.services import running_services
from sitrep.settings import Settings, settings_env
from sitrep.supervisor import Supervisor, sitrep_argv

PROCESSORS_GROUP = "sitrep-processors"
SINK_GROUP = "sitrep-sink"


@contextlib.contextmanager
def running_pipeline(
    settings: Settings,
    *,
    say: Callable[[str], None],
    poll_args: list[str] | None = None,
) -> Iterator[Supervisor]:
    """Start everything the pipeline needs; stop all of it (and only what we started) on exit.

    ``poll_args``: when given, the pollers run as a supervised service with these extra arguments.
    """
    from elasticsearch import Elasticsearch

    from sinks.indices import ensure_indices

    with running_services(settings, say=say):
        say(f"kafka at {settings.kafka.bootstrap}; elasticsearch at {settings.elasticsearch.url}")
        ensure_topics(settings.kafka)
        es = Elasticsearch(**settings.elasticsearch.client_kwargs())
        try:
            ensure_indices(es, settings)
        finally:
            es.close()
        with Supervisor(Path(settings.state_dir) / "logs", env=settings_env(settings), say=say) as supervisor:
            supervisor.add("worker", sitrep_argv("worker"))
            supervisor.add("sink", sitrep_argv("sink"))
            if poll_args is not None:
                supervisor.add("poller", sitrep_argv("poll", *poll_args))
            say(f"services started; logs in {supervisor.log_dir}")
            yield supervisor


def describe_event(event: Event) -> str:
    """One line for a terminal: date, type, actors, place, toll, sources."""
    actors = " vs ".join(a for a in (event.actor1, event.actor2) if a) or "unknown actors"
    place = "unknown place"
    if event.location:
        place = event.location.name + (f" ({event.location.admin1})" if event.location.admin1 else "")
    toll = ""
    if event.fatalities is not None:
        qualifier = {"at_least": "at least ", "about": "about ", "more_than": "more than "}.get(
            event.fatalities_qualifier or "", "")
        toll = f" · {qualifier}{event.fatalities} killed"
    if event.injured:
        toll += f", {event.injured} injured"
    sources = ", ".join(event.sources) or "unknown source"
    revision = f" (rev {event.revision})" if event.revision > 1 else ""
    return f"{event.event_date} {event.sub_event_type} · {actors} · {place}{toll} · {sources}{revision}"


class EventTail:
    """Reads canonical events from the `events` topic without joining a group (display only)."""

    def __init__(self, settings: Settings) -> None:
        from kafka import KafkaConsumer

        self.consumer: Any = KafkaConsumer(
            topics.EVENTS, **settings.kafka.kafka_python_config(), auto_offset_reset="earliest",
            enable_auto_commit=False, group_id=None,
        )

    def poll(self, timeout_s: float = 1.0) -> list[Event]:
        batches = self.consumer.poll(timeout_ms=int(timeout_s * 1000))
        events = []
        for records in batches.values():
            for record in records:
                with contextlib.suppress(ValueError):
                    events.append(Event.model_validate_json(record.value))
        return events

    def close(self) -> None:
        self.consumer.close()


def wait_for(predicate: Callable[[], bool], timeout_s: float, what: str, poll_s: float = 0.5,
             on_wait: Callable[[], None] | None = None) -> None:
    """Wait until ``predicate()`` holds; raise a one-line error naming ``what`` after the timeout."""
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise SitrepError(f"timed out after {timeout_s:.0f}s waiting for {what}")
        if on_wait:
            on_wait()
        time.sleep(poll_s)
