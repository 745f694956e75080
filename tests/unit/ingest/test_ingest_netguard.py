"""Address policy: public addresses pass; private, loopback, link-local, mapped and special ones
need an allow-list entry by name, address or network."""

from __future__ import annotations

import ipaddress

import pytest

from ingest.errors import BlockedAddress
from ingest.netguard import AddressPolicy, check_host, is_public
from tests.unit.ingest.conftest import run


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "100.64.0.1",
        "224.0.0.1",
        "255.255.255.255",
    ],
)
def test_non_public_addresses(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))
    assert not AddressPolicy().allows("example.org", ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses(address: str) -> None:
    assert AddressPolicy().allows("example.org", ipaddress.ip_address(address))


def test_allow_list_by_name_address_and_network() -> None:
    policy = AddressPolicy.from_allow_list(["localhost", "127.0.0.1", "10.20.0.0/16", " "])
    assert policy.allows("localhost", ipaddress.ip_address("::1"))
    assert policy.allows("demo.internal", ipaddress.ip_address("127.0.0.1"))
    assert policy.allows("feeds.corp", ipaddress.ip_address("10.20.3.4"))
    assert not policy.allows("feeds.corp", ipaddress.ip_address("10.21.3.4"))
    assert AddressPolicy(allow_private=True).allows("x", ipaddress.ip_address("169.254.169.254"))


def test_check_host_resolves_names_and_refuses_any_bad_address() -> None:
    with pytest.raises(BlockedAddress):
        run(check_host(AddressPolicy(), "http://localhost/", "localhost", 80))
    assert run(check_host(AddressPolicy.from_allow_list(["localhost"]), "http://localhost/", "localhost", 80))
