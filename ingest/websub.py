"""WebSub (PubSubHubbub) subscriber: near-instant discovery for feeds that advertise a hub.

Flow (W3C WebSub):

1. A polled feed advertises ``<link rel="hub">`` (and ``rel="self"``, the topic). The subscriber
   POSTs ``hub.mode=subscribe, hub.topic, hub.callback, hub.lease_seconds, hub.secret`` to the hub
   (through the guarded fetcher: same address checks and timeouts as feeds).
2. The hub verifies intent with a GET on our callback (``hub.challenge``); we answer the challenge
   only for a subscription we asked for, and note the granted lease.
3. The hub POSTs new content to the callback, signed with ``X-Hub-Signature: sha256=HMAC(secret, body)``;
   a valid push is ingested at once, like a poll (same parser, seen-store, revisions, delivery).
4. Leases are renewed before they run out (``renewal_due``). While a subscription is live the
   feed is polled only at its max interval (safety net); when it lapses or the hub refuses,
   normal adaptive polling takes over — WebSub is a shortcut, never a dependency.

Pure helpers (``subscription_form``, ``check_intent``, ``signature_valid``, ``renewal_due``) hold the
decisions; ``WebSubSubscriber`` is the thin edge (aiohttp endpoint + hub requests).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import secrets
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

import httpx

from ingest.errors import FetchError, HTTPStatus
from ingest.fetcher import Fetcher, host_key
from ingest.registry import Feed
from ingest.settings import PollerSettings

log = logging.getLogger(__name__)

_DIGESTS = {
    "sha1": hashlib.sha1,
    "sha256": hashlib.sha256,
    "sha384": hashlib.sha384,
    "sha512": hashlib.sha512,
}


@dataclass
class Subscription:
    """One feed's subscription at a hub."""

    feed_id: str
    hub: str
    topic: str
    callback: str
    secret: str
    state: str = "pending"  # pending → active | denied | expired
    expires_at: datetime | None = None
    requested_at: datetime | None = None
    lease_s: int | None = None  # as granted by the hub


def subscription_form(subscription: Subscription, lease_s: int, mode: str = "subscribe") -> dict[str, str]:
    """The form a hub expects for (un)subscribe."""
    return {
        "hub.mode": mode,
        "hub.topic": subscription.topic,
        "hub.callback": subscription.callback,
        "hub.lease_seconds": str(lease_s),
        "hub.secret": subscription.secret,
    }


def check_intent(
    subscription: Subscription | None, params: Mapping[str, str], now: datetime, default_lease_s: int
) -> tuple[bool, str]:
    """Decide a verification GET: ``(accept, body)``. Updates the subscription when accepted."""
    mode = params.get("hub.mode", "")
    if subscription is None or params.get("hub.topic") != subscription.topic:
        return False, "unknown subscription"
    if mode == "denied":
        subscription.state = "denied"
        return True, ""
    if mode == "subscribe":
        challenge = params.get("hub.challenge", "")
        if not challenge:
            return False, "missing hub.challenge"
        lease = params.get("hub.lease_seconds", "")
        seconds = int(lease) if lease.isdigit() else default_lease_s
        subscription.state = "active"
        subscription.lease_s = seconds
        subscription.expires_at = now + timedelta(seconds=seconds)
        return True, challenge
    if mode == "unsubscribe":
        subscription.state = "expired"
        subscription.expires_at = None
        return True, params.get("hub.challenge", "")
    return False, f"unknown hub.mode {mode!r}"


def signature_valid(secret: str, body: bytes, header: str | None) -> bool:
    """Does ``X-Hub-Signature: method=hexdigest`` match the body under our secret?"""
    if not header or "=" not in header:
        return False
    method, _, digest = header.partition("=")
    algorithm = _DIGESTS.get(method.strip().lower())
    if algorithm is None:
        return False
    expected = hmac.new(secret.encode(), body, algorithm).hexdigest()
    return hmac.compare_digest(expected, digest.strip().lower())


def renewal_due(
    subscription: Subscription, now: datetime, margin_fraction: float = 0.1, lease_s: int = 86400
) -> bool:
    """Renew when less than ``margin_fraction`` of the granted lease (at least 60 s) remains, or it lapsed."""
    if subscription.state != "active" or subscription.expires_at is None:
        return subscription.state in ("expired",)
    margin = max(60.0, (subscription.lease_s or lease_s) * margin_fraction)
    return subscription.expires_at - now <= timedelta(seconds=margin)


PushHandler = Callable[[Feed, bytes, dict[str, str]], Awaitable[None]]


class WebSubSubscriber:
    """Subscribes to hubs, answers verifications, accepts pushes on ``/websub/<feed_id>``."""

    def __init__(
        self,
        settings: PollerSettings,
        fetcher: Fetcher,
        on_push: PushHandler,
        *,
        clock: Callable[[], datetime],
    ) -> None:
        self.settings, self.fetcher, self.on_push, self.clock = settings, fetcher, on_push, clock
        self.subscriptions: dict[str, Subscription] = {}
        self.feeds: dict[str, Feed] = {}
        self.callback_base = (settings.websub_callback_url or "").rstrip("/")
        self._runner: Any = None
        self.pushes_accepted = 0
        self.pushes_rejected = 0
        self._tasks: set[asyncio.Task[None]] = set()

    # --- state the scheduler reads ---------------------------------------------------------------

    def active_until(self, feed_id: str) -> datetime | None:
        """Lease end of a live subscription (None: poll normally)."""
        subscription = self.subscriptions.get(feed_id)
        if subscription is None or subscription.state != "active" or subscription.expires_at is None:
            return None
        return subscription.expires_at if subscription.expires_at > self.clock() else None

    # --- endpoint --------------------------------------------------------------------------------

    async def start(self) -> str:
        """Start the callback endpoint; returns its base URL (``.../websub``)."""
        from aiohttp import web

        app = web.Application(client_max_size=self.settings.max_body_bytes)
        app.router.add_get("/websub/{feed_id}", self._verify)
        app.router.add_post("/websub/{feed_id}", self._push)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.settings.websub_listen_host, self.settings.websub_listen_port)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        if not self.callback_base:
            self.callback_base = f"http://{self.settings.websub_listen_host}:{port}/websub"
        return self.callback_base

    async def stop(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _verify(self, request: Any) -> Any:
        from aiohttp import web

        feed_id = request.match_info["feed_id"]
        accepted, body = check_intent(
            self.subscriptions.get(feed_id), request.query, self.clock(), self.settings.websub_lease_s
        )
        if not accepted:
            log.info("refused WebSub verification for %s: %s", feed_id, body)
            return web.Response(status=404, text=body)
        log.info(
            "WebSub %s for %s: %s", request.query.get("hub.mode"), feed_id, self.subscriptions[feed_id].state
        )
        return web.Response(status=200, text=body)

    async def _push(self, request: Any) -> Any:
        from aiohttp import web

        feed_id = request.match_info["feed_id"]
        subscription = self.subscriptions.get(feed_id)
        body = await request.read()
        headers = {k.lower(): v for k, v in request.headers.items()}
        signature = headers.get("x-hub-signature-256")
        signature = f"sha256={signature.split('=', 1)[-1]}" if signature else headers.get("x-hub-signature")
        if subscription is None or not signature_valid(subscription.secret, body, signature):
            # The spec wants a 2xx even for a bad signature (no oracle for forgers); the body is ignored.
            self.pushes_rejected += 1
            log.warning("ignored a WebSub push for %s: unknown subscription or bad signature", feed_id)
            return web.Response(status=202)
        self.pushes_accepted += 1
        task = asyncio.create_task(self._ingest(self.feeds[feed_id], body, headers))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return web.Response(status=202)

    async def _ingest(self, feed: Feed, body: bytes, headers: dict[str, str]) -> None:
        try:
            await self.on_push(feed, body, headers)
        except Exception:
            log.exception("WebSub push for %s could not be ingested; polling will pick it up", feed.id)

    # --- hub requests ----------------------------------------------------------------------------

    async def subscribe(self, feed: Feed, hub: str, topic: str) -> Subscription:
        """Ask ``hub`` for pushes of ``topic``; the hub confirms later with a verification GET."""
        previous = self.subscriptions.get(feed.id)
        # A renewal keeps the secret, so pushes signed while the hub re-verifies still count.
        secret = previous.secret if previous is not None and previous.hub == hub else secrets.token_hex(20)
        subscription = Subscription(
            feed_id=feed.id,
            hub=hub,
            topic=topic or feed.url,
            callback=f"{self.callback_base}/{quote(feed.id)}",
            secret=secret,
            requested_at=self.clock(),
        )
        if previous is not None and previous.state == "active":
            # stay live on the current lease until the hub confirms the renewal
            subscription.state, subscription.expires_at = "active", previous.expires_at
            subscription.lease_s = previous.lease_s
        self.subscriptions[feed.id] = subscription
        self.feeds[feed.id] = feed
        try:
            status = await self._post(hub, subscription_form(subscription, self.settings.websub_lease_s))
        except FetchError as exc:
            subscription.state = "denied"
            log.info("WebSub subscribe to %s for %s failed: %s (polling continues)", hub, feed.id, exc)
            return subscription
        if status not in (200, 202, 204):
            subscription.state = "denied"
            log.info("hub %s refused %s with HTTP %s (polling continues)", hub, feed.id, status)
        return subscription

    async def _post(self, url: str, form: dict[str, str]) -> int:
        async with self.fetcher.gate.slot(host_key(url)):
            try:
                response = await self.fetcher.client.post(
                    url, data=form, timeout=self.settings.total_timeout_s
                )
            except httpx.HTTPError as exc:
                raise HTTPStatus(url, 0, f"{exc.__class__.__name__}: {exc}") from exc
            return response.status_code

    def wants_subscription(self, feed: Feed, hub_urls: list[str]) -> bool:
        """Subscribe when a feed advertises a hub and has no live (or pending) subscription."""
        if not hub_urls or not self.callback_base:
            return False
        current = self.subscriptions.get(feed.id)
        if current is None:
            return True
        if current.requested_at is not None and self.clock() - current.requested_at < timedelta(minutes=10):
            return False  # just asked; give the hub time to verify
        if current.state == "pending":
            # a hub that never verified within an hour: try again
            return current.requested_at is None or self.clock() - current.requested_at > timedelta(hours=1)
        return renewal_due(current, self.clock(), lease_s=self.settings.websub_lease_s) or (
            current.state == "denied"
            and current.requested_at is not None
            and self.clock() - current.requested_at > timedelta(hours=6)
        )
