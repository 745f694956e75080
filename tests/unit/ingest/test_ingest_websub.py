"""WebSub: pure decisions, then a local hub that verifies intent and pushes signed content."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import threading
import urllib.parse
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from ingest.fetcher import Fetcher
from ingest.handler import FeedPoller
from ingest.publisher import CollectingSink
from ingest.registry import Feed
from ingest.service import PollerService
from ingest.settings import PollerSettings
from ingest.store import PollerStore
from ingest.websub import Subscription, check_intent, renewal_due, signature_valid
from tests.unit.ingest.conftest import run

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def subscription() -> Subscription:
    return Subscription(
        "f", "https://hub.example/", "https://example.org/feed", "http://me/websub/f", "s3cret"
    )


def test_intent_is_confirmed_only_for_our_own_subscription() -> None:
    sub = subscription()
    params = {
        "hub.mode": "subscribe",
        "hub.topic": sub.topic,
        "hub.challenge": "abc",
        "hub.lease_seconds": "600",
    }
    assert check_intent(None, params, NOW, 86400) == (False, "unknown subscription")
    assert check_intent(sub, {**params, "hub.topic": "https://evil/"}, NOW, 86400)[0] is False
    assert check_intent(sub, params, NOW, 86400) == (True, "abc")
    assert sub.state == "active" and sub.expires_at == NOW + timedelta(seconds=600)
    assert check_intent(sub, {"hub.mode": "denied", "hub.topic": sub.topic}, NOW, 86400)[0]
    assert sub.state == "denied"


def test_signatures() -> None:
    body = b"<feed/>"
    good = hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
    assert signature_valid("s3cret", body, f"sha256={good}")
    assert signature_valid("s3cret", body, f"sha1={hmac.new(b's3cret', body, hashlib.sha1).hexdigest()}")
    assert not signature_valid("s3cret", body + b"x", f"sha256={good}")
    assert not signature_valid("s3cret", body, None) and not signature_valid("s3cret", body, f"md5={good}")


def test_leases_are_renewed_before_they_run_out() -> None:
    sub = subscription()
    sub.state, sub.expires_at = "active", NOW + timedelta(hours=10)
    assert not renewal_due(sub, NOW, lease_s=86400)
    assert renewal_due(sub, NOW + timedelta(hours=8), lease_s=86400)  # < 10 % of a day left
    sub.state = "expired"
    assert renewal_due(sub, NOW)


def feed_xml(hub: str, self_url: str, *titles: str) -> bytes:
    items = "".join(f"<item><title>{t}</title><link>https://news.example/{t}</link></item>" for t in titles)
    return (
        f'<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
        f'<title>c</title><atom:link rel="hub" href="{hub}"/><atom:link rel="self" href="{self_url}"/>'
        f"{items}</channel></rss>"
    ).encode()


def test_subscribe_verify_push_and_poll_less(
    server: HTTPServer, local_settings: PollerSettings, tmp_path: Path
) -> None:
    hub_url, feed_url = server.url_for("/hub"), server.url_for("/feed")
    server.expect_request("/feed").respond_with_data(feed_xml(hub_url, feed_url, "first"))
    verified: list[str] = []

    def hub(request: Request) -> Response:
        form = request.form
        assert form["hub.mode"] == "subscribe" and form["hub.topic"] == feed_url

        def verify_then_push() -> None:
            query = urllib.parse.urlencode(
                {
                    "hub.mode": "subscribe",
                    "hub.topic": feed_url,
                    "hub.challenge": "ch4llenge",
                    "hub.lease_seconds": "3600",
                }
            )
            with urllib.request.urlopen(f"{form['hub.callback']}?{query}", timeout=5) as answer:
                verified.append(answer.read().decode())
            pushed = feed_xml(hub_url, feed_url, "first", "pushed")
            forged = urllib.request.Request(
                form["hub.callback"],
                data=feed_xml(hub_url, feed_url, "forged"),
                headers={"X-Hub-Signature": "sha256=" + "0" * 64},
                method="POST",
            )
            urllib.request.urlopen(forged, timeout=5).read()
            signature = hmac.new(form["hub.secret"].encode(), pushed, hashlib.sha256).hexdigest()
            genuine = urllib.request.Request(
                form["hub.callback"],
                data=pushed,
                method="POST",
                headers={"X-Hub-Signature": f"sha256={signature}", "Content-Type": "application/rss+xml"},
            )
            urllib.request.urlopen(genuine, timeout=5).read()

        threading.Thread(target=verify_then_push, daemon=True).start()
        return Response(status=202)

    server.expect_request("/hub", method="POST").respond_with_handler(hub)
    settings = local_settings.model_copy(
        update={"websub": True, "max_interval_s": 7200, "min_interval_s": 60}
    )
    sink = CollectingSink()
    store = PollerStore(tmp_path / "p.sqlite3")
    feed = Feed(id="f", url=feed_url)

    async def scenario() -> tuple[PollerService, float]:
        async with Fetcher(settings) as fetcher:
            service = PollerService(FeedPoller(fetcher, store, sink, settings))
            await service.enable_websub()
            await service.poll_feeds([feed])  # discovers the hub, subscribes
            for _ in range(100):
                if len(sink.reports) >= 2:
                    break
                await asyncio.sleep(0.05)
            second = await service.poll_feeds([feed])  # now subscribed: safety-net polling only
            wait = (second.outcomes[0].next_poll_at - datetime.now(UTC)).total_seconds()
            await service.close()
            return service, wait

    service, wait = run(scenario())
    assert verified == ["ch4llenge"]
    assert [r.title for r in sink.reports] == ["first", "pushed"]  # the forged push was ignored
    assert service.websub is not None and service.websub.pushes_rejected == 1
    assert service.websub.subscriptions["f"].state == "active"
    assert wait > 7000  # polled at the max interval while the lease is live
    store.close()
