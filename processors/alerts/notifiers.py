"""Notifiers: the thin I/O edge that delivers alerts (console, JSON webhook, Slack webhook, email).

A notifier's ``send(alert)`` makes one attempt and raises `DeliveryUnavailable` (worth retrying)
or `DeliveryRejected` (not). `notify` does the retrying (capped exponential backoff with full
jitter; the sleep and the random source are injected, so tests take milliseconds) and, when a
notifier keeps failing or refuses, hands the alert to a dead-letter sink with the reason: the
``alerts.dlq`` topic in the stream (`kafka_dead_letter`), a JSON-lines file (`file_dead_letter`),
or any callable. Nothing is lost and nothing secret is logged: webhook URLs and SMTP passwords
never appear in messages.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import smtplib
import ssl
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Protocol, TextIO
from urllib.parse import urlsplit

import httpx

from processors.alerts import render
from processors.alerts.errors import DeliveryRejected, DeliveryUnavailable, NotifyError
from processors.alerts.settings import AlertsSettings, RetrySettings, SmtpSettings
from sitrep import topics
from sitrep.deadletter import make_dead_letter
from sitrep.records import Alert, DeadLetter

log = logging.getLogger(__name__)

DeadLetterSink = Callable[[Alert, str, NotifyError], None]


class Notifier(Protocol):
    """Delivers one alert in one attempt; raises `DeliveryUnavailable` or `DeliveryRejected`."""

    name: str

    def send(self, alert: Alert) -> None: ...


# --- retries and dead letters -----------------------------------------------------------------------


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently to retry a notifier."""

    attempts: int = 4
    base_delay_s: float = 0.5
    max_delay_s: float = 15.0

    @classmethod
    def from_settings(cls, settings: RetrySettings) -> RetryPolicy:
        return cls(settings.attempts, settings.base_delay_s, settings.max_delay_s)


def backoff_delay(attempt: int, base: float, cap: float, rng: random.Random) -> float:
    """Full-jitter delay before retry number ``attempt`` (1-based): uniform in [0, min(cap, base·2^(n-1))]."""
    return rng.uniform(0.0, min(cap, base * 2 ** (attempt - 1)))


@dataclass(frozen=True)
class Delivery:
    """What became of an alert at one notifier."""

    notifier: str
    delivered: bool
    attempts: int
    error: str = ""
    dead_lettered: bool = False


def notify(
    alert: Alert,
    notifiers: Mapping[str, Notifier] | Sequence[Notifier],
    *,
    retry: RetryPolicy | None = None,
    sleep: Callable[[float], None] = time.sleep,
    rng: random.Random | None = None,
    dead_letter: DeadLetterSink | None = None,
) -> list[Delivery]:
    """Deliver ``alert`` through its notifiers, retrying each; dead-letter what cannot be delivered.

    Given a mapping (name → notifier), the alert goes to the notifiers its rule names
    (``alert.notify``); a name with no configured notifier is dead-lettered with the setting to
    set. Given a sequence, it goes to every notifier in it.
    """
    retry = retry or RetryPolicy()
    rng = rng or random.Random()
    if isinstance(notifiers, Mapping):
        wanted = alert.notify or list(notifiers)
        targets: list[tuple[str, Notifier | None]] = [(name, notifiers.get(name)) for name in wanted]
    else:
        targets = [(n.name, n) for n in notifiers]
    deliveries: list[Delivery] = []
    for name, notifier in targets:
        if notifier is None:
            error: NotifyError = DeliveryRejected(
                name,
                f"not configured ({NOT_CONFIGURED_HINT.get(name, 'no notifier of that name was given')})",
            )
            deliveries.append(_give_up(alert, name, error, 0, dead_letter))
            continue
        deliveries.append(_deliver(alert, notifier, retry, sleep, rng, dead_letter))
    return deliveries


async def notify_async(
    alert: Alert, notifiers: Mapping[str, Notifier] | Sequence[Notifier], **kwargs: Any
) -> list[Delivery]:
    """`notify` in a worker thread, for Faust agents (the notifiers block on sockets)."""
    return await asyncio.to_thread(notify, alert, notifiers, **kwargs)


NOT_CONFIGURED_HINT = {
    "webhook": "setting: SITREP_ALERTS__WEBHOOK_URL",
    "slack": "setting: SITREP_ALERTS__SLACK_WEBHOOK_URL",
    "email": "settings: SITREP_ALERTS__SMTP__HOST and SITREP_ALERTS__SMTP__RECIPIENTS",
}


def _deliver(
    alert: Alert,
    notifier: Notifier,
    retry: RetryPolicy,
    sleep: Callable[[float], None],
    rng: random.Random,
    dead_letter: DeadLetterSink | None,
) -> Delivery:
    attempt = 0
    while True:
        attempt += 1
        try:
            notifier.send(alert)
            return Delivery(notifier.name, True, attempt)
        except NotifyError as exc:
            error: NotifyError = exc
        except Exception as exc:  # noqa: BLE001 (a notifier bug must not lose the alert)
            error = DeliveryUnavailable(notifier.name, f"{exc.__class__.__name__} (unexpected)")
        if not error.retryable or attempt >= retry.attempts:
            return _give_up(alert, notifier.name, error, attempt, dead_letter)
        delay = backoff_delay(attempt, retry.base_delay_s, retry.max_delay_s, rng)
        retry_after = getattr(error, "retry_after", None)
        if retry_after is not None:
            delay = max(delay, min(retry_after, retry.max_delay_s))
        log.info(
            "alert %s: %s (attempt %d of %d), retrying in %.2fs",
            alert.alert_id,
            error,
            attempt,
            retry.attempts,
            delay,
        )
        sleep(delay)


def _give_up(
    alert: Alert, name: str, error: NotifyError, attempts: int, dead_letter: DeadLetterSink | None
) -> Delivery:
    log.warning("alert %s not delivered by %s after %d attempt(s): %s", alert.alert_id, name, attempts, error)
    dead_lettered = False
    if dead_letter is not None:
        try:
            dead_letter(alert, name, error)
            dead_lettered = True
        except Exception as exc:  # noqa: BLE001 (keep the alert in the log rather than lose it)
            log.error(
                "could not dead-letter alert %s (%s); the alert was: %s",
                alert.alert_id,
                exc,
                alert.model_dump_json(),
            )
    return Delivery(name, False, attempts, str(error), dead_lettered)


def alert_dead_letter(alert: Alert, notifier: str, error: NotifyError) -> DeadLetter:
    """The dead letter of an undelivered alert: its JSON, the notifier (as stage) and the reason."""
    return make_dead_letter(
        alert.model_dump_json(),
        error,
        stage=f"alerts.notify.{notifier}",
        key=alert.alert_id,
        topic=topics.ALERTS,
    )


def file_dead_letter(path: Path | str) -> DeadLetterSink:
    """A dead-letter sink appending `DeadLetter` JSON lines (original = the alert's JSON) to a file."""
    target = Path(path)
    lock = threading.Lock()

    def sink(alert: Alert, notifier: str, error: NotifyError) -> None:
        letter = alert_dead_letter(alert, notifier, error)
        with lock:
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("a", encoding="utf-8") as out:
                out.write(letter.model_dump_json() + "\n")

    return sink


def kafka_dead_letter(producer: Any) -> DeadLetterSink:
    """A dead-letter sink publishing to ``alerts.dlq`` with headers naming the notifier and reason."""
    from sitrep.kafka import publish_dead_letter

    def sink(alert: Alert, notifier: str, error: NotifyError) -> None:
        letter = alert_dead_letter(alert, notifier, error)
        publish_dead_letter(producer, topics.ALERTS, letter)

    return sink


# --- the notifiers ----------------------------------------------------------------------------------


@dataclass
class ConsoleNotifier:
    """Prints the alert's text form (headline, summary, sources, Kibana link) to a stream."""

    stream: TextIO | None = None
    name: str = "console"

    def send(self, alert: Alert) -> None:
        out = self.stream or sys.stdout
        try:
            out.write(render.text_body(alert) + "\n")
            out.flush()
        except OSError as exc:
            raise DeliveryUnavailable(self.name, f"cannot write: {exc.strerror or exc}") from None


@dataclass
class WebhookNotifier:
    """POSTs the alert as generic JSON (`render.webhook_payload`) to a URL kept secret."""

    url: str = field(repr=False)
    timeout_s: float = 10.0
    name: str = "webhook"
    client: httpx.Client | None = field(default=None, repr=False)

    def __repr__(self) -> str:  # the URL is a secret (tokens live in its path)
        return f"{self.__class__.__name__}(url={_host_only(self.url)!r})"

    def payload(self, alert: Alert) -> dict[str, Any]:
        return render.webhook_payload(alert)

    def send(self, alert: Alert) -> None:
        client = self.client or _shared_client(self.timeout_s)
        body = json.dumps(self.payload(alert), ensure_ascii=False).encode()
        headers = {
            "Content-Type": "application/json",
            "Idempotency-Key": alert.alert_id,
            "User-Agent": "sitrep-alerts",
        }
        where = _host_only(self.url)
        try:
            response = client.post(self.url, content=body, headers=headers, timeout=self.timeout_s)
        except httpx.TimeoutException:
            raise DeliveryUnavailable(
                self.name, f"timed out after {self.timeout_s:g}s talking to {where}"
            ) from None
        except httpx.HTTPError as exc:
            raise DeliveryUnavailable(self.name, f"{exc.__class__.__name__} talking to {where}") from None
        status = response.status_code
        if 200 <= status < 300:
            return
        detail = f"HTTP {status} from {where}"
        if status in (408, 425, 429) or status >= 500:
            raise DeliveryUnavailable(self.name, detail, _retry_after(response.headers.get("Retry-After")))
        raise DeliveryRejected(self.name, detail)


@dataclass(repr=False)
class SlackNotifier(WebhookNotifier):
    """POSTs a Slack-compatible incoming-webhook body (text + blocks); works with Mattermost too."""

    name: str = "slack"

    def payload(self, alert: Alert) -> dict[str, Any]:
        return render.slack_payload(alert)


@dataclass
class EmailNotifier:
    """Sends the alert as a plain-text email over SMTP (STARTTLS or SSL optional, login optional)."""

    smtp: SmtpSettings
    ssl_context: ssl.SSLContext | None = field(default=None, repr=False)
    name: str = "email"

    def __repr__(self) -> str:
        return f"EmailNotifier(host={self.smtp.host!r}, port={self.smtp.port})"

    def send(self, alert: Alert) -> None:
        settings = self.smtp
        if not settings.recipients:
            raise DeliveryRejected(self.name, "no recipients (setting: SITREP_ALERTS__SMTP__RECIPIENTS)")
        message = render.email_message(alert, settings.sender, settings.recipients)
        context = self.ssl_context or ssl.create_default_context()
        where = f"{settings.host}:{settings.port}"
        try:
            if settings.ssl:
                client: smtplib.SMTP = smtplib.SMTP_SSL(
                    settings.host, settings.port, timeout=settings.timeout_s, context=context
                )
            else:
                client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout_s)
            with client:
                if settings.starttls and not settings.ssl:
                    client.starttls(context=context)
                if settings.username:
                    password = settings.password.get_secret_value() if settings.password else ""
                    client.login(settings.username, password)
                client.send_message(message)
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryRejected(self.name, f"{where} refused the login ({exc.smtp_code})") from None
        except smtplib.SMTPRecipientsRefused as exc:
            raise DeliveryRejected(
                self.name, f"{where} refused the recipients {sorted(exc.recipients)}"
            ) from None
        except smtplib.SMTPNotSupportedError as exc:
            raise DeliveryRejected(
                self.name, f"{where}: {exc} (setting: SITREP_ALERTS__SMTP__STARTTLS)"
            ) from None
        except smtplib.SMTPResponseException as exc:
            detail = f"{where} answered {exc.smtp_code} {_decode(exc.smtp_error)}"
            if exc.smtp_code >= 500:
                raise DeliveryRejected(self.name, detail) from None
            raise DeliveryUnavailable(self.name, detail) from None
        except ssl.SSLError as exc:
            raise DeliveryRejected(self.name, f"TLS with {where} failed: {exc.reason or exc}") from None
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryUnavailable(
                self.name, f"{exc.__class__.__name__} talking to {where}: {exc}"
            ) from None


def build_notifiers(
    settings: AlertsSettings,
    *,
    console_stream: TextIO | None = None,
    ssl_context: ssl.SSLContext | None = None,
) -> dict[str, Notifier]:
    """The notifiers the settings configure, by name (console is always there)."""
    notifiers: dict[str, Notifier] = {"console": ConsoleNotifier(console_stream)}
    if settings.webhook_url:
        notifiers["webhook"] = WebhookNotifier(
            settings.webhook_url.get_secret_value(), settings.http_timeout_s
        )
    if settings.slack_webhook_url:
        notifiers["slack"] = SlackNotifier(
            settings.slack_webhook_url.get_secret_value(), settings.http_timeout_s
        )
    if settings.smtp.host and settings.smtp.recipients:
        notifiers["email"] = EmailNotifier(settings.smtp, ssl_context)
    return notifiers


class _RedactUrls(logging.Filter):
    """httpx logs each request's full URL at INFO; for webhooks the URL is the secret. Keep the host."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                _host_only(str(arg)) + "/…" if isinstance(arg, httpx.URL) else arg for arg in record.args
            )
        return True


def _redact_httpx_logs() -> None:
    logger = logging.getLogger("httpx")
    if not any(isinstance(f, _RedactUrls) for f in logger.filters):
        logger.addFilter(_RedactUrls())


_redact_httpx_logs()

_clients: dict[float, httpx.Client] = {}
_clients_lock = threading.Lock()


def _shared_client(timeout_s: float) -> httpx.Client:
    # One keep-alive pool per timeout: a new TLS handshake per alert would cost most of the latency.
    with _clients_lock:
        if timeout_s not in _clients:
            _clients[timeout_s] = httpx.Client(timeout=timeout_s, follow_redirects=False)
        return _clients[timeout_s]


def _host_only(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}" if parts.netloc else "the webhook"


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _decode(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
