"""Which addresses the pollers may connect to (SSRF guard), enforced at connect time.

``AddressPolicy`` is pure: is this IP allowed for this host name? ``GuardedBackend`` wraps httpcore's
network backend: it resolves the host itself, checks *every* address, and connects to a checked
address, so neither a redirect nor DNS rebinding between check and connect can reach an internal
service. TLS still verifies the original host name (httpcore sends SNI from the URL).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import httpcore

from ingest.errors import BlockedAddress, ConnectFailed

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def is_public(address: IPAddress) -> bool:
    """True for globally routable unicast addresses (not private, loopback, link-local, ...)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return is_public(address.ipv4_mapped)
    return not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


@dataclass(frozen=True)
class AddressPolicy:
    """Non-public addresses are refused unless allow-listed by host name, address or network."""

    allow_private: bool = False
    allowed_names: frozenset[str] = frozenset()
    allowed_networks: tuple[IPNetwork, ...] = field(default_factory=tuple)

    @classmethod
    def from_allow_list(cls, entries: Iterable[str], allow_private: bool = False) -> AddressPolicy:
        """``entries``: host names ("localhost"), addresses ("127.0.0.1") or CIDRs ("10.0.0.0/8")."""
        names: set[str] = set()
        networks: list[IPNetwork] = []
        for entry in entries:
            entry = entry.strip().lower()
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                names.add(entry.rstrip("."))
        return cls(allow_private, frozenset(names), tuple(networks))

    def allows(self, host: str, address: IPAddress) -> bool:
        """May we connect to ``address`` (which ``host`` resolved to)?"""
        if self.allow_private or is_public(address):
            return True
        if host.lower().rstrip(".") in self.allowed_names:
            return True
        return any(address in network for network in self.allowed_networks)


async def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to (literal addresses resolve to themselves)."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise ConnectFailed(f"cannot resolve {host}: {exc.strerror or exc}") from exc
    seen: list[IPAddress] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if address not in seen:
            seen.append(address)
    return seen


async def check_host(policy: AddressPolicy, url: str, host: str, port: int) -> list[IPAddress]:
    """Resolve ``host`` and raise BlockedAddress if any of its addresses is not allowed."""
    addresses = await resolve(host, port)
    for address in addresses:
        if not policy.allows(host, address):
            raise BlockedAddress(url, host, str(address))
    return addresses


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore network backend that only connects to addresses the policy allows."""

    def __init__(self, policy: AddressPolicy, inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self.policy = policy
        self.inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await check_host(self.policy, f"{host}:{port}", host, port)
        last: Exception | None = None
        for address in addresses:
            try:
                return await self.inner.connect_tcp(
                    str(address),
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout, OSError) as exc:
                last = exc
        assert last is not None
        raise last

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        raise BlockedAddress(path, "unix socket", path)

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)
