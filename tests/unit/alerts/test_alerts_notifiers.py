"""Notifiers without a network: retries with injected sleep, dead letters, payload forms, secrecy."""

from __future__ import annotations

import io
import json
import logging
import random
from pathlib import Path

import httpx
import pytest
from alerts_factories import NOW, EventFactory

from processors.alerts import (
    AlertEngine,
    AlertsSettings,
    ConsoleNotifier,
    DeliveryRejected,
    DeliveryUnavailable,
    KibanaLinks,
    NotifyError,
    RetryPolicy,
    SlackNotifier,
    WebhookNotifier,
    backoff_delay,
    build_notifiers,
    file_dead_letter,
    notify,
    parse_rules,
)
from processors.alerts.render import source_links, text_body
from sitrep.deadletter import original_bytes
from sitrep.records import Alert, DeadLetter

SECRET_URL = "https://hooks.example.org/services/T000/B000/s3cr3t-t0ken"


@pytest.fixture
def alert(event: EventFactory) -> Alert:
    rules = parse_rules("rules:\n  - name: deadly\n    when: {}\n    notify: [console, webhook]\n")
    event_ = event(
        sources=["SOHR", "Deir Ezzor 24"],
        urls=["https://www.syriahr.com/en/1/", "https://deirezzor24.net/ar/1"],
    )
    return AlertEngine(rules, {}, kibana_links=KibanaLinks("http://kibana:5601")).evaluate(event_, NOW)[0]


class Flaky:
    """Fails ``failures`` times with the given error, then delivers."""

    def __init__(self, failures: int, error: NotifyError, name: str = "webhook") -> None:
        self.failures, self.error, self.name, self.calls = failures, error, name, 0

    def send(self, alert: Alert) -> None:
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error


def test_backoff_is_capped_full_jitter() -> None:
    rng = random.Random(7)
    delays = [backoff_delay(n, 0.5, 4.0, rng) for n in range(1, 12) for _ in range(50)]
    assert all(0 <= d <= 4.0 for d in delays)
    assert max(backoff_delay(1, 0.5, 4.0, rng) for _ in range(200)) <= 0.5


def test_retries_then_delivers_with_injected_sleep(alert: Alert) -> None:
    sleeps: list[float] = []
    flaky = Flaky(2, DeliveryUnavailable("webhook", "HTTP 503"))
    [delivery] = notify(
        alert, [flaky], retry=RetryPolicy(4, 0.5, 2.0), sleep=sleeps.append, rng=random.Random(1)
    )
    assert delivery.delivered and delivery.attempts == 3 and flaky.calls == 3
    assert len(sleeps) == 2 and all(0 <= s <= 2.0 for s in sleeps)


def test_retry_after_is_honoured_up_to_the_cap(alert: Alert) -> None:
    sleeps: list[float] = []
    flaky = Flaky(1, DeliveryUnavailable("webhook", "HTTP 429", retry_after=30))
    notify(alert, [flaky], retry=RetryPolicy(3, 0.1, 5.0), sleep=sleeps.append)
    assert sleeps == [5.0]


def test_giving_up_dead_letters_the_alert_with_the_reason(alert: Alert) -> None:
    letters: list[tuple[str, str]] = []
    flaky = Flaky(99, DeliveryUnavailable("webhook", "HTTP 502 from https://hooks.example.org"))
    [delivery] = notify(
        alert,
        [flaky],
        retry=RetryPolicy(3, 0, 0),
        sleep=lambda s: None,
        dead_letter=lambda a, name, err: letters.append((a.alert_id, str(err))),
    )
    assert not delivery.delivered and delivery.dead_lettered and flaky.calls == 3
    assert letters == [(alert.alert_id, "webhook notifier: HTTP 502 from https://hooks.example.org")]


def test_a_refusal_is_not_retried(alert: Alert) -> None:
    flaky = Flaky(99, DeliveryRejected("webhook", "HTTP 404"))
    [delivery] = notify(
        alert, [flaky], sleep=lambda s: pytest.fail("must not sleep"), dead_letter=lambda *a: None
    )
    assert flaky.calls == 1 and delivery.dead_lettered and "HTTP 404" in delivery.error


def test_a_notifier_bug_does_not_lose_the_alert(alert: Alert) -> None:
    class Broken:
        name = "webhook"

        def send(self, alert: Alert) -> None:
            raise KeyError("oops")

    letters: list[str] = []
    [delivery] = notify(
        alert,
        [Broken()],
        retry=RetryPolicy(2, 0, 0),
        sleep=lambda s: None,
        dead_letter=lambda a, n, e: letters.append(str(e)),
    )
    assert delivery.attempts == 2 and letters == ["webhook notifier: KeyError (unexpected)"]


def test_routing_by_rule_and_unconfigured_notifiers(alert: Alert, tmp_path: Path) -> None:
    out = io.StringIO()
    dlq = tmp_path / "dlq.jsonl"
    deliveries = notify(
        alert, build_notifiers(AlertsSettings(), console_stream=out), dead_letter=file_dead_letter(dlq)
    )
    assert [(d.notifier, d.delivered) for d in deliveries] == [("console", True), ("webhook", False)]
    assert "[New] deadly: Armed clash in Al-Mayadin, Deir ez-Zor — 6 killed" in out.getvalue()
    letter = DeadLetter.model_validate_json(dlq.read_text().splitlines()[0])
    assert letter.stage == "alerts.notify.webhook" and letter.source_topic == "alerts"
    assert "SITREP_ALERTS__WEBHOOK_URL" in letter.message
    assert Alert.model_validate_json(original_bytes(letter)) == alert


def test_text_form_has_summary_sources_with_links_and_kibana(alert: Alert) -> None:
    body = text_body(alert)
    assert "Armed clash in Al-Mayadin." in body
    assert "  - SOHR: https://www.syriahr.com/en/1/" in body
    assert "  - Deir Ezzor 24: https://deirezzor24.net/ar/1" in body
    assert "Kibana: http://kibana:5601/app/discover#/" in body


def test_source_links_without_one_url_per_source(alert: Alert) -> None:
    odd = alert.model_copy(update={"sources": ["SOHR", "SANA"], "urls": ["https://www.syriahr.com/en/1/"]})
    assert source_links(odd) == [
        ("www.syriahr.com", "https://www.syriahr.com/en/1/"),
        ("SOHR", ""),
        ("SANA", ""),
    ]


def mock_client(handler: httpx.MockTransport) -> httpx.Client:
    return httpx.Client(transport=handler)


def test_webhook_posts_json_and_classifies_answers(alert: Alert) -> None:
    seen: list[httpx.Request] = []
    answers = iter([503, 404, 200])

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(next(answers), headers={"Retry-After": "2"})

    notifier = WebhookNotifier(SECRET_URL, client=mock_client(httpx.MockTransport(answer)))
    with pytest.raises(DeliveryUnavailable) as unavailable:
        notifier.send(alert)
    assert unavailable.value.retry_after == 2.0
    with pytest.raises(DeliveryRejected):
        notifier.send(alert)
    notifier.send(alert)
    payload = json.loads(seen[-1].content)
    assert payload["alert_id"] == alert.alert_id and payload["rule"] == "deadly"
    assert payload["summary"] == alert.summary and payload["kibana_url"] == alert.kibana_url
    assert {"source": "SOHR", "url": "https://www.syriahr.com/en/1/"} in payload["source_links"]
    assert seen[-1].headers["Idempotency-Key"] == alert.alert_id
    for error in (unavailable.value,):
        assert "s3cr3t" not in str(error) and "hooks.example.org" in str(error)


def test_webhook_errors_and_repr_never_show_the_url_token(
    alert: Alert, caplog: pytest.LogCaptureFixture
) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"cannot connect to {request.url}")

    notifier = WebhookNotifier(SECRET_URL, client=mock_client(httpx.MockTransport(refuse)))
    letters: list[str] = []
    with caplog.at_level(logging.DEBUG):
        [delivery] = notify(
            alert,
            [notifier],
            retry=RetryPolicy(2, 0, 0),
            sleep=lambda s: None,
            dead_letter=lambda a, n, e: letters.append(str(e)),
        )
    assert not delivery.delivered
    for text in (*letters, delivery.error, caplog.text, repr(notifier), repr(SlackNotifier(SECRET_URL))):
        assert "s3cr3t" not in text


def test_slack_payload_is_slack_compatible(alert: Alert) -> None:
    seen: list[dict[str, object]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        return httpx.Response(200, text="ok")

    SlackNotifier(SECRET_URL, client=mock_client(httpx.MockTransport(answer))).send(alert)
    body = seen[0]
    assert isinstance(body["text"], str) and alert.summary in body["text"]
    text = json.dumps(body["blocks"])
    assert "<https://www.syriahr.com/en/1/|SOHR>" in text and "|Open in Kibana>" in text


def test_console_failure_is_retryable(alert: Alert) -> None:
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    with pytest.raises(DeliveryUnavailable):
        ConsoleNotifier(Closed()).send(alert)


def test_settings_mask_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_ALERTS__WEBHOOK_URL", SECRET_URL)
    monkeypatch.setenv("SITREP_ALERTS__SMTP__PASSWORD", "hunter2")
    monkeypatch.setenv("SITREP_ALERTS__SMTP__RECIPIENTS", '["desk@example.org"]')
    settings = AlertsSettings()
    assert settings.webhook_url is not None and settings.webhook_url.get_secret_value() == SECRET_URL
    assert settings.smtp.recipients == ["desk@example.org"]
    shown = json.dumps(settings.masked())
    assert "s3cr3t" not in shown and "hunter2" not in shown
