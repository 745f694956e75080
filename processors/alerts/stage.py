"""The alerting stage as the stream uses it: rules, silences, links, notifiers and dead letters,
bound once from settings. The Faust agent only decodes, calls, sends::

    alert_state = app.Table("alert-state", default=None, partitions=settings.kafka.partitions)
    alerting = AlertStage.from_settings(settings)

    @app.agent(events, name="alert")
    async def alert(stream):
        async for message in stream.events():
            try:
                event = Event.model_validate_json(message.value)
                for fired in alerting.evaluate(event, alert_state, utcnow()):
                    await alerts.send(key=fired.alert_id.encode(), value=fired.model_dump_json().encode())
                    await alerting.deliver_async(fired)
            except Exception as exc:  # one bad message must not stop the stream
                await dead_letter(message, exc, "alert")

State keys are ``event:<event_id>`` (co-partitioned with ``events``, keyed by event id) and
``surge:<rule>``: with several partitions each partition counts its own surges, so surge rules
want the events of a rule on one partition (see the report of issue 8). An edited rules file is
picked up within ``reload_every_s`` (a broken edit is logged and the previous rules stay).
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import time
from collections.abc import Callable, Mapping
from datetime import datetime

from processors.alerts.engine import AlertEngine, KibanaLinks, StateStore
from processors.alerts.errors import RulesError
from processors.alerts.notifiers import (
    DeadLetterSink,
    Delivery,
    Notifier,
    RetryPolicy,
    build_notifiers,
    file_dead_letter,
    notify,
)
from processors.alerts.rules import RuleSet, load_rules
from processors.alerts.settings import AlertsSettings
from processors.alerts.silences import SilenceSource, SilenceStore
from sitrep.records import Alert, Event
from sitrep.settings import Settings

log = logging.getLogger(__name__)


class AlertStage:
    """Evaluate rules on canonical events and deliver the alerts they fire."""

    def __init__(
        self,
        rules: RuleSet,
        *,
        silences: SilenceSource | None = None,
        kibana_links: KibanaLinks | None = None,
        notifiers: Mapping[str, Notifier] | None = None,
        dead_letter: DeadLetterSink | None = None,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        reload_every_s: float = 5.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rules = rules
        self.reload_every_s = reload_every_s
        self.monotonic = monotonic
        self._checked_at = monotonic()
        self._rules_stamp = _file_stamp(rules.path)
        self.silences = silences
        self.kibana_links = kibana_links or KibanaLinks()
        self.notifiers: Mapping[str, Notifier] = notifiers or {}
        self.dead_letter = dead_letter
        self.retry = retry or RetryPolicy()
        self.sleep = sleep
        self.rng = rng or random.Random()

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        alerts: AlertsSettings | None = None,
        *,
        dead_letter: DeadLetterSink | None = None,
    ) -> AlertStage:
        """The stage the settings describe; undeliverable alerts go to ``dead_letter`` (default: a
        JSON-lines file under the state dir; the stream passes `kafka_dead_letter` for ``alerts.dlq``)."""
        alerts = alerts or AlertsSettings()
        return cls(
            load_rules(alerts.rules_path),
            silences=SilenceStore.in_state_dir(settings.state_dir),
            kibana_links=KibanaLinks(alerts.kibana_url, alerts.kibana_data_view),
            notifiers=build_notifiers(alerts),
            dead_letter=dead_letter or file_dead_letter(settings.state_dir / alerts.dead_letter_file),
            retry=RetryPolicy.from_settings(alerts.retry),
        )

    def reload_rules_if_changed(self) -> bool:
        """Pick up an edited rules file (checked at most every ``reload_every_s``). A file that no
        longer validates is reported in one log line and the rules in force stay. True if reloaded."""
        if not self.rules.path or self.monotonic() - self._checked_at < self.reload_every_s:
            return False
        self._checked_at = self.monotonic()
        stamp = _file_stamp(self.rules.path)
        if stamp == self._rules_stamp:
            return False
        self._rules_stamp = stamp
        try:
            self.rules = load_rules(self.rules.path)
        except RulesError as exc:
            log.error("rules not reloaded, the previous rules stay in force: %s", exc)
            return False
        log.warning("reloaded %d alert rules from %s", len(self.rules), self.rules.path)
        return True

    def evaluate(self, event: Event, store: StateStore, now: datetime) -> list[Alert]:
        """The alerts this event revision fires (state read from and written to ``store``)."""
        self.reload_rules_if_changed()
        engine = AlertEngine(self.rules, store, silences=self.silences, kibana_links=self.kibana_links)
        return engine.evaluate(event, now)

    def deliver(self, alert: Alert) -> list[Delivery]:
        """Send the alert through the notifiers its rule names; dead-letter what cannot be sent."""
        return notify(
            alert,
            self.notifiers,
            retry=self.retry,
            sleep=self.sleep,
            rng=self.rng,
            dead_letter=self.dead_letter,
        )

    async def deliver_async(self, alert: Alert) -> list[Delivery]:
        """`deliver` in a worker thread, so the agent's event loop never blocks on a socket."""
        return await asyncio.to_thread(self.deliver, alert)


def _file_stamp(path: str) -> tuple[float, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_mtime, status.st_size)
