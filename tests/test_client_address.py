"""The client's address: X-Forwarded-For is believed only from a trusted proxy, and only
the part the proxies appended."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from config.client_address import client_ip, parse_networks
from tests.test_settings import _load_settings

LOOPBACK = ["127.0.0.0/8", "::1"]


def request_from(remote: str, forwarded: str = ""):
    meta = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **meta)


@pytest.mark.parametrize(
    ("behind_proxy", "trusted", "remote", "forwarded", "expected"),
    [
        # Not behind a proxy: the header is never read.
        (False, LOOPBACK, "203.0.113.7", "198.51.100.1", "203.0.113.7"),
        (False, LOOPBACK, "127.0.0.1", "198.51.100.1", "127.0.0.1"),
        # Behind a proxy, but the connection is not from one: a spoofed header is ignored.
        (True, LOOPBACK, "203.0.113.7", "198.51.100.1", "203.0.113.7"),
        (True, LOOPBACK, "10.0.0.2", "6.6.6.6, 198.51.100.1", "10.0.0.2"),
        # From the trusted proxy: the address it appended, not the one the client wrote.
        (True, LOOPBACK, "127.0.0.1", "198.51.100.1", "198.51.100.1"),
        (True, LOOPBACK, "127.0.0.1", "6.6.6.6, 198.51.100.1", "198.51.100.1"),
        (True, LOOPBACK, "::1", "2001:db8::7", "2001:db8::7"),
        (True, ["10.0.0.0/8"], "10.0.0.2", "6.6.6.6,198.51.100.1", "198.51.100.1"),
        # Two proxies (a CDN at 192.0.2.10, then the load balancer): skip both.
        (
            True,
            ["10.0.0.0/8", "192.0.2.10"],
            "10.0.0.2",
            "6.6.6.6, 198.51.100.1, 192.0.2.10",
            "198.51.100.1",
        ),
        # ...but a proxy not listed is where trust ends: its appended address is the client.
        (True, ["10.0.0.0/8"], "10.0.0.2", "6.6.6.6, 198.51.100.1, 192.0.2.10", "192.0.2.10"),
        # A request from the proxy itself, with no header, or only proxies in it.
        (True, LOOPBACK, "127.0.0.1", "", "127.0.0.1"),
        (True, ["10.0.0.0/8"], "10.0.0.2", "10.0.0.3", "10.0.0.3"),
        # An IPv4 client seen through a dual-stack socket.
        (False, LOOPBACK, "::ffff:203.0.113.7", "", "203.0.113.7"),
        (True, LOOPBACK, "::ffff:127.0.0.1", "198.51.100.1", "198.51.100.1"),
        # Nothing usable.
        (False, LOOPBACK, "", "", None),
        (True, LOOPBACK, "127.0.0.1", "not-an-address", None),
        (True, LOOPBACK, "127.0.0.1", "not-an-address, 198.51.100.1", "198.51.100.1"),
        (False, LOOPBACK, "2001:db8::1", "", "2001:db8::1"),
    ],
)
def test_client_address(settings, behind_proxy, trusted, remote, forwarded, expected):
    """Each case: whether we are behind a proxy, which proxies are trusted, what came in."""
    settings.BEHIND_PROXY = behind_proxy
    settings.TRUSTED_PROXIES = trusted
    assert client_ip(request_from(remote, forwarded)) == expected


def test_by_default_only_loopback_proxies_are_trusted(settings):
    """Out of the box a proxy on the same machine is believed, and nothing else."""
    settings.BEHIND_PROXY = True
    assert settings.TRUSTED_PROXIES == ["127.0.0.0/8", "::1"]
    assert client_ip(request_from("127.0.0.1", "198.51.100.1")) == "198.51.100.1"
    assert client_ip(request_from("10.0.0.2", "198.51.100.1")) == "10.0.0.2"


def test_a_bad_trusted_proxy_is_named():
    with pytest.raises(ValueError, match=r"'10\.0\.0\.300'"):
        parse_networks(["10.0.0.0/8", "10.0.0.300"])


def test_a_bad_trusted_proxies_setting_stops_start_up():
    """A typo in TRUSTED_PROXIES fails loudly instead of trusting nothing or everything."""
    result = _load_settings(DEBUG="1", TRUSTED_PROXIES="10.0.0.0/8, proxy.internal")
    assert result.returncode != 0
    assert "TRUSTED_PROXIES: 'proxy.internal' is neither an IP address" in result.stderr
    assert _load_settings(DEBUG="1", TRUSTED_PROXIES="10.0.0.0/8, ::1").returncode == 0
