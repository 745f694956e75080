"""Notifiers against real local receivers: an SMTP server (aiosmtpd, plain, login, STARTTLS) and
HTTP webhook receivers (one that fails twice then succeeds, one that always fails → dead letter).
Every server binds port 0 on loopback; retries sleep through an injected no-op, so this takes ~1 s.
"""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from processors.alerts import (
    AlertEngine,
    AlertsSettings,
    EmailNotifier,
    KibanaLinks,
    RetryPolicy,
    build_notifiers,
    file_dead_letter,
    notify,
    parse_rules,
)
from sitrep.deadletter import original_bytes
from sitrep.records import Actor, Alert, DeadLetter, Event, Location

pytestmark = pytest.mark.integration

NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)
NO_WAIT = {"retry": RetryPolicy(attempts=4, base_delay_s=0.01, max_delay_s=0.05), "sleep": lambda s: None}


@pytest.fixture
def alert() -> Alert:
    rules = parse_rules(
        "rules:\n  - name: deadly-clashes-deir-ez-zor\n    when: {fatalities_at_least: 5}\n"
        "    notify: [webhook, slack, email]\n"
    )
    event = Event(
        event_id="ev-dez-1",
        event_type="Battles",
        sub_event_type="Armed clash",
        event_date=date(2026, 11, 20),
        actor1="Islamic State",
        actor2="Military Forces of Syria",
        actors=[Actor(name="Islamic State", role="actor1")],
        fatalities=7,
        location=Location(name="Al-Mayadin", name_ar="الميادين", admin1="Deir ez-Zor", lat=35.02, lon=40.45),
        sources=["SOHR", "Deir Ezzor 24"],
        urls=["https://www.syriahr.com/en/1/", "https://deirezzor24.net/ar/1"],
        summary="اشتباكات بين تنظيم الدولة وقوات النظام في الميادين: 7 قتلى.",
    )
    engine = AlertEngine(rules, {}, kibana_links=KibanaLinks("http://kibana.test:5601"))
    [fired] = engine.evaluate(event, NOW)
    return fired


# --- a real SMTP server -----------------------------------------------------------------------------


class Mailbox:
    """aiosmtpd handler keeping what it receives; can answer 451 a number of times first."""

    def __init__(self, busy: int = 0) -> None:
        self.messages: list[Envelope] = []
        self.busy = busy

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.busy > 0:
            self.busy -= 1
            return "451 4.3.0 try again later"
        self.messages.append(envelope)
        return "250 OK"


class SmtpServer:
    """An aiosmtpd server on its own event loop thread, bound to 127.0.0.1:0."""

    def __init__(self, handler: Mailbox, **smtp_options: Any) -> None:
        self.handler, self.options = handler, smtp_options
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.port = 0

    def __enter__(self) -> SmtpServer:
        self.thread.start()

        async def start() -> asyncio.AbstractServer:
            return await self.loop.create_server(
                lambda: SMTP(self.handler, hostname="localhost", **self.options), "127.0.0.1", 0
            )

        self.server = asyncio.run_coroutine_threadsafe(start(), self.loop).result(5)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    def __exit__(self, *exc: object) -> None:
        async def stop() -> None:
            self.server.close()
            await self.server.wait_closed()

        asyncio.run_coroutine_threadsafe(stop(), self.loop).result(5)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


def smtp_settings(monkeypatch: pytest.MonkeyPatch, port: int, **env: str) -> AlertsSettings:
    monkeypatch.setenv("SITREP_ALERTS__SMTP__HOST", "127.0.0.1")
    monkeypatch.setenv("SITREP_ALERTS__SMTP__PORT", str(port))
    monkeypatch.setenv("SITREP_ALERTS__SMTP__STARTTLS", "false")
    monkeypatch.setenv("SITREP_ALERTS__SMTP__SENDER", "sitrep@example.org")
    monkeypatch.setenv("SITREP_ALERTS__SMTP__RECIPIENTS", '["desk@example.org", "duty@example.org"]')
    for name, value in env.items():
        monkeypatch.setenv(f"SITREP_ALERTS__SMTP__{name.upper()}", value)
    return AlertsSettings()


def test_email_through_a_real_smtp_server_after_a_busy_answer(
    alert: Alert, monkeypatch: pytest.MonkeyPatch
) -> None:
    mailbox = Mailbox(busy=1)
    with SmtpServer(mailbox) as server:
        notifiers = build_notifiers(smtp_settings(monkeypatch, server.port))
        deliveries = notify(alert.model_copy(update={"notify": ["email"]}), notifiers, **NO_WAIT)
    assert [(d.notifier, d.delivered, d.attempts) for d in deliveries] == [("email", True, 2)]
    [envelope] = mailbox.messages
    assert envelope.rcpt_tos == ["desk@example.org", "duty@example.org"]
    message = message_from_bytes(envelope.original_content or b"", policy=policy.default)
    assert (
        message["Subject"]
        == "[sitrep] [New] deadly-clashes-deir-ez-zor: Armed clash in Al-Mayadin, Deir ez-Zor — 7 killed"
    )
    assert message["Message-ID"] == f"<{alert.alert_id}@example.org>"
    body = message.get_body().get_content()  # type: ignore[union-attr]
    assert alert.summary in body
    assert (
        "SOHR: https://www.syriahr.com/en/1/" in body
        and "Deir Ezzor 24: https://deirezzor24.net/ar/1" in body
    )
    assert "Kibana: http://kibana.test:5601/app/discover#/" in body


def test_email_login_with_credentials_from_the_environment(
    alert: Alert, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    logins: list[tuple[bytes, bytes]] = []

    def authenticator(
        server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        assert isinstance(data, LoginPassword)
        logins.append((data.login, data.password))
        return AuthResult(success=data.password == b"s3cr3t-pw", handled=False)

    mailbox = Mailbox()
    with SmtpServer(mailbox, authenticator=authenticator, auth_require_tls=False) as server:
        good = smtp_settings(monkeypatch, server.port, username="alerts", password="s3cr3t-pw")
        assert [d.delivered for d in notify(alert, [EmailNotifier(good.smtp)], **NO_WAIT)] == [True]
        letters: list[str] = []
        bad = smtp_settings(monkeypatch, server.port, username="alerts", password="wr0ng-pw")
        with caplog.at_level(logging.DEBUG):
            [refused] = notify(
                alert,
                [EmailNotifier(bad.smtp)],
                dead_letter=lambda a, n, e: letters.append(str(e)),
                **NO_WAIT,
            )
    assert logins[0] == (b"alerts", b"s3cr3t-pw") and len(mailbox.messages) == 1
    assert refused.attempts == 1 and refused.dead_lettered  # a refused login is not retried
    assert "refused the login (535)" in letters[0]
    assert "wr0ng-pw" not in caplog.text + letters[0] and "s3cr3t-pw" not in caplog.text


def self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed (needed to make a test certificate)")
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def test_email_with_starttls(alert: Alert, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cert, key = self_signed_certificate(tmp_path)
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert, key)
    mailbox = Mailbox()
    with SmtpServer(mailbox, tls_context=server_tls, require_starttls=True) as server:
        settings = smtp_settings(monkeypatch, server.port, starttls="true")
        trusted = ssl.create_default_context(cafile=str(cert))
        assert [d.delivered for d in notify(alert, [EmailNotifier(settings.smtp, trusted)], **NO_WAIT)] == [
            True
        ]
        # without STARTTLS the server refuses the mail for good: no retries, a dead letter
        plain = smtp_settings(monkeypatch, server.port, starttls="false")
        letters: list[str] = []
        [refused] = notify(
            alert, [EmailNotifier(plain.smtp)], dead_letter=lambda a, n, e: letters.append(str(e)), **NO_WAIT
        )
        # and a certificate we do not trust is refused too
        untrusted = notify(alert, [EmailNotifier(settings.smtp)], dead_letter=lambda a, n, e: None, **NO_WAIT)
    assert len(mailbox.messages) == 1
    assert not refused.delivered and refused.attempts == 1 and "530" in letters[0]
    assert not untrusted[0].delivered and "TLS with 127.0.0.1" in untrusted[0].error


# --- real webhook receivers -------------------------------------------------------------------------


@pytest.fixture
def receiver() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        yield server
    finally:
        server.clear()
        if server.is_running():
            server.stop()


def test_webhook_receiver_failing_twice_then_succeeding(alert: Alert, receiver: HTTPServer) -> None:
    bodies: list[dict[str, Any]] = []

    def flaky(request: Request) -> Response:
        bodies.append(json.loads(request.data))
        return Response("down", status=503) if len(bodies) <= 2 else Response("ok", status=200)

    receiver.expect_request("/hooks/T0/B0/t0ken", method="POST").respond_with_handler(flaky)
    url = receiver.url_for("/hooks/T0/B0/t0ken")
    sleeps: list[float] = []
    deliveries = notify(
        alert.model_copy(update={"notify": ["webhook"]}),
        build_notifiers(AlertsSettings(webhook_url=url)),
        retry=RetryPolicy(attempts=4, base_delay_s=0.2, max_delay_s=1.0),
        sleep=sleeps.append,
        dead_letter=lambda a, n, e: pytest.fail(f"dead-lettered: {e}"),
    )
    assert [(d.notifier, d.delivered, d.attempts) for d in deliveries] == [("webhook", True, 3)]
    assert len(bodies) == 3 and len(sleeps) == 2 and all(0 <= s <= 1.0 for s in sleeps)
    assert bodies[-1]["alert_id"] == alert.alert_id and bodies[-1]["summary"] == alert.summary
    assert bodies[-1]["kibana_url"].startswith("http://kibana.test:5601/")
    assert {"source": "SOHR", "url": "https://www.syriahr.com/en/1/"} in bodies[-1]["source_links"]


def test_slack_receiver_gets_a_slack_payload(alert: Alert, receiver: HTTPServer) -> None:
    receiver.expect_oneshot_request("/services/T/B/X", method="POST").respond_with_data("ok")
    settings = AlertsSettings(slack_webhook_url=receiver.url_for("/services/T/B/X"))
    [delivery] = notify(alert.model_copy(update={"notify": ["slack"]}), build_notifiers(settings), **NO_WAIT)
    assert delivery.delivered
    [(request, _)] = receiver.log
    body = json.loads(request.data)
    assert set(body) == {"text", "blocks"} and alert.summary in body["text"]
    assert "<https://deirezzor24.net/ar/1|Deir Ezzor 24>" in json.dumps(body["blocks"], ensure_ascii=False)


def test_a_receiver_that_keeps_failing_gets_the_alert_dead_lettered(
    alert: Alert, receiver: HTTPServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    receiver.expect_request("/hook", query_string="token=s3cr3t").respond_with_data("boom", status=500)
    dlq = tmp_path / "alerts-dead-letters.jsonl"
    settings = AlertsSettings(webhook_url=receiver.url_for("/hook") + "?token=s3cr3t")
    with caplog.at_level(logging.DEBUG):
        [delivery] = notify(
            alert.model_copy(update={"notify": ["webhook"]}),
            build_notifiers(settings),
            dead_letter=file_dead_letter(dlq),
            **NO_WAIT,
        )
    assert not delivery.delivered and delivery.attempts == 4 and len(receiver.log) == 4
    letter = DeadLetter.model_validate_json(dlq.read_text())
    assert letter.stage == "alerts.notify.webhook" and letter.error_class == "DeliveryUnavailable"
    assert letter.message == f"webhook notifier: HTTP 500 from http://127.0.0.1:{receiver.port}"
    assert Alert.model_validate_json(original_bytes(letter)).alert_id == alert.alert_id
    ours = [r.getMessage() for r in caplog.records if r.name != "werkzeug"]  # the receiver may log it
    assert any("HTTP Request: POST http://127.0.0.1" in line for line in ours)
    assert "s3cr3t" not in "".join(ours) + dlq.read_text()
