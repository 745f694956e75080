"""Alerting on canonical events: rules, the engine (dedup, escalation, surges, silences), notifiers.

    rules = load_rules("rules.yaml")
    engine = AlertEngine(rules, store={}, silences=SilenceStore.in_state_dir(".sitrep"))
    for alert in engine.evaluate(event, now):
        notify(alert, build_notifiers(AlertsSettings()), dead_letter=file_dead_letter("dlq.jsonl"))

Modules, one per step: `rules` (file → `RuleSet`), `matching` (rule × event → bool), `engine`
(decisions and state), `silences`, `kibana` (links), `render` (text, JSON, Slack, email forms),
`notifiers` (the I/O edge, retries, dead letters), `stage` (what the Faust agent calls),
`replay` (events from files and Elasticsearch for ``sitrep alerts test`` and ``backtest``),
`errors`, `settings`.
"""

from processors.alerts.engine import AlertEngine, Decision, KibanaLinks, decide_single, decide_surge
from processors.alerts.errors import (
    AlertsError,
    DeliveryRejected,
    DeliveryUnavailable,
    EventsFileError,
    NotifyError,
    RulesError,
    SilenceError,
)
from processors.alerts.notifiers import (
    ConsoleNotifier,
    Delivery,
    EmailNotifier,
    Notifier,
    RetryPolicy,
    SlackNotifier,
    WebhookNotifier,
    backoff_delay,
    build_notifiers,
    file_dead_letter,
    kafka_dead_letter,
    notify,
    notify_async,
)
from processors.alerts.rules import Rule, RuleSet, load_rules, parse_rules
from processors.alerts.settings import AlertsSettings
from processors.alerts.silences import Silence, SilenceStore, parse_duration, silenced_by
from processors.alerts.stage import AlertStage

__all__ = [
    "AlertEngine",
    "AlertStage",
    "AlertsError",
    "AlertsSettings",
    "ConsoleNotifier",
    "Decision",
    "Delivery",
    "DeliveryRejected",
    "DeliveryUnavailable",
    "EmailNotifier",
    "EventsFileError",
    "KibanaLinks",
    "Notifier",
    "NotifyError",
    "RetryPolicy",
    "Rule",
    "RuleSet",
    "RulesError",
    "Silence",
    "SilenceError",
    "SilenceStore",
    "SlackNotifier",
    "WebhookNotifier",
    "backoff_delay",
    "build_notifiers",
    "decide_single",
    "decide_surge",
    "file_dead_letter",
    "kafka_dead_letter",
    "load_rules",
    "notify",
    "notify_async",
    "parse_duration",
    "parse_rules",
    "silenced_by",
]
