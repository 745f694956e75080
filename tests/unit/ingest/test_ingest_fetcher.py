"""The HTTP edge against a real loopback server: validators, limits, bombs, redirects, SSRF."""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterator

import brotli
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from ingest.errors import (
    BlockedAddress,
    BodyTooLarge,
    FetchTimeout,
    HTTPStatus,
    RateLimited,
    TooManyRedirects,
)
from ingest.fetcher import Fetcher, HostGate
from ingest.settings import PollerSettings
from tests.unit.ingest.conftest import run

RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'


def fetch(settings: PollerSettings, url: str, **kwargs: str | None):  # type: ignore[no-untyped-def]
    async def go():  # type: ignore[no-untyped-def]
        async with Fetcher(settings) as fetcher:
            return await fetcher.fetch(url, **kwargs)

    return run(go())


def test_conditional_get_sends_validators_and_reads_304(
    server: HTTPServer, local_settings: PollerSettings
) -> None:
    server.expect_request("/feed", headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
    server.expect_request("/feed").respond_with_data(RSS, headers={"ETag": '"v1"'})
    first = fetch(local_settings, server.url_for("/feed"))
    assert first.status == 200 and first.body == RSS and first.headers["etag"] == '"v1"'
    second = fetch(local_settings, server.url_for("/feed"), etag='"v1"')
    assert second.not_modified and second.body == b""


def test_honest_user_agent_and_compression_offered(
    server: HTTPServer, local_settings: PollerSettings
) -> None:
    seen: list[Request] = []
    server.expect_request("/ua").respond_with_handler(lambda r: (seen.append(r), Response(RSS))[1])
    fetch(local_settings, server.url_for("/ua"))
    assert seen[0].headers["User-Agent"].startswith("sitrep-poller/")
    assert "gzip" in seen[0].headers["Accept-Encoding"] and "br" in seen[0].headers["Accept-Encoding"]


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_compressed_bodies_are_decoded(
    server: HTTPServer, local_settings: PollerSettings, encoding: str
) -> None:
    packed = gzip.compress(RSS) if encoding == "gzip" else brotli.compress(RSS)
    server.expect_request("/c").respond_with_data(packed, headers={"Content-Encoding": encoding})
    assert fetch(local_settings, server.url_for("/c")).body == RSS


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_compression_bombs_stop_at_the_decompressed_cap(
    server: HTTPServer, local_settings: PollerSettings, encoding: str
) -> None:
    zeros = b"\0" * (20 * 1024 * 1024)
    bomb = gzip.compress(zeros, 9) if encoding == "gzip" else brotli.compress(zeros, quality=5)
    assert len(bomb) < 100_000
    server.expect_request("/bomb").respond_with_data(bomb, headers={"Content-Encoding": encoding})
    settings = local_settings.model_copy(update={"max_decompressed_bytes": 1024 * 1024})
    with pytest.raises(BodyTooLarge) as caught:
        fetch(settings, server.url_for("/bomb"))
    assert caught.value.what == "decompressed body"


def test_announced_50mb_body_is_refused_before_download(
    server: HTTPServer, local_settings: PollerSettings
) -> None:
    def huge(_request: Request) -> Response:
        def chunks() -> Iterator[bytes]:
            for _ in range(50):
                yield b"x" * (1024 * 1024)

        return Response(chunks(), headers={"Content-Length": str(50 * 1024 * 1024)})

    server.expect_request("/huge").respond_with_handler(huge)
    assert local_settings.max_body_bytes == 10 * 1024 * 1024
    with pytest.raises(BodyTooLarge):
        fetch(local_settings, server.url_for("/huge"))


def test_unannounced_large_body_is_cut_at_the_cap(server: HTTPServer, local_settings: PollerSettings) -> None:
    def streamed(_request: Request) -> Response:
        return Response(b"y" * 65536 for _ in range(32))  # 2 MB, chunked, no Content-Length

    server.expect_request("/stream").respond_with_handler(streamed)
    settings = local_settings.model_copy(update={"max_body_bytes": 256 * 1024})
    with pytest.raises(BodyTooLarge):
        fetch(settings, server.url_for("/stream"))


def test_429_carries_retry_after(server: HTTPServer, local_settings: PollerSettings) -> None:
    server.expect_request("/busy").respond_with_data("slow down", status=429, headers={"Retry-After": "120"})
    with pytest.raises(RateLimited) as caught:
        fetch(local_settings, server.url_for("/busy"))
    assert caught.value.retry_after == 120.0 and caught.value.status == 429


def test_server_error_is_an_http_status_error(server: HTTPServer, local_settings: PollerSettings) -> None:
    server.expect_request("/boom").respond_with_data("oops", status=500)
    with pytest.raises(HTTPStatus) as caught:
        fetch(local_settings, server.url_for("/boom"))
    assert caught.value.status == 500 and not isinstance(caught.value, RateLimited)


def test_slow_server_hits_the_read_timeout(server: HTTPServer, local_settings: PollerSettings) -> None:
    server.expect_request("/slow").respond_with_handler(lambda r: (time.sleep(2.0), Response(RSS))[1])
    settings = local_settings.model_copy(update={"read_timeout_s": 0.2})
    started = time.monotonic()
    with pytest.raises(FetchTimeout) as caught:
        fetch(settings, server.url_for("/slow"))
    assert caught.value.phase == "read" and time.monotonic() - started < 1.8  # long before the answer


def test_trickling_server_hits_the_total_timeout(server: HTTPServer, local_settings: PollerSettings) -> None:
    def trickle(_request: Request) -> Response:
        def chunks() -> Iterator[bytes]:
            for _ in range(60):
                time.sleep(0.05)
                yield b" "

        return Response(chunks())

    server.expect_request("/trickle").respond_with_handler(trickle)
    settings = local_settings.model_copy(update={"read_timeout_s": 1.5, "total_timeout_s": 0.4})
    with pytest.raises(FetchTimeout) as caught:
        fetch(settings, server.url_for("/trickle"))
    assert caught.value.phase == "total"


def test_redirects_are_followed_and_loops_stopped(server: HTTPServer, local_settings: PollerSettings) -> None:
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    server.expect_request("/new").respond_with_data(RSS)
    result = fetch(local_settings, server.url_for("/old"))
    assert result.body == RSS and result.url.endswith("/new") and result.permanent_redirect.endswith("/new")
    server.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    server.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    with pytest.raises(TooManyRedirects):
        fetch(local_settings, server.url_for("/a"))


def test_redirect_chain_longer_than_the_limit(server: HTTPServer, local_settings: PollerSettings) -> None:
    for i in range(8):
        server.expect_request(f"/r{i}").respond_with_data("", status=302, headers={"Location": f"/r{i + 1}"})
    with pytest.raises(TooManyRedirects):
        fetch(local_settings, server.url_for("/r0"))


def test_loopback_is_refused_unless_allow_listed(server: HTTPServer, tmp_path) -> None:  # type: ignore[no-untyped-def]
    server.expect_request("/feed").respond_with_data(RSS)
    with pytest.raises(BlockedAddress) as caught:
        fetch(PollerSettings(politeness_delay_s=0), server.url_for("/feed"))
    assert caught.value.address == "127.0.0.1"
    assert "--allow-private" in str(caught.value)
    assert not server.log  # refused before any byte was sent


@pytest.mark.parametrize(
    "target",
    ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://[::1]:80/", "http://0.0.0.0/"],
)
def test_redirect_to_internal_address_is_refused(
    server: HTTPServer, local_settings: PollerSettings, target: str
) -> None:
    server.expect_request("/evil").respond_with_data("", status=302, headers={"Location": target})
    with pytest.raises(BlockedAddress):
        fetch(local_settings, server.url_for("/evil"))


def test_host_gate_spaces_requests_to_one_host() -> None:
    import asyncio

    clock = [0.0]
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds

    gate = HostGate(per_host=1, delay_s=2.0, clock=lambda: clock[0], sleep=fake_sleep)

    async def three() -> None:
        for _ in range(3):
            async with gate.slot("example.org"):
                pass
        async with gate.slot("other.org"):
            pass

    asyncio.run(three())
    assert slept == [2.0, 2.0]  # the second and third request to one host waited; the other host did not


@pytest.mark.parametrize("target", ["file:///etc/passwd", "gopher://127.0.0.1:25/", "ftp://example.org/"])
def test_redirect_to_other_schemes_is_refused(
    server: HTTPServer, local_settings: PollerSettings, target: str
) -> None:
    from ingest.errors import InvalidURL

    server.expect_request("/scheme").respond_with_data("", status=302, headers={"Location": target})
    with pytest.raises(InvalidURL):
        fetch(local_settings, server.url_for("/scheme"))
