"""The address of the client a request came from, as rate limits, the sign-in lockout
(django-axes) and the audit log count it.

Without `BEHIND_PROXY` it is the connection's address, REMOTE_ADDR. Behind a proxy that
address is the proxy's, and the client's is in `X-Forwarded-For`, which anyone can also
write: a client sends `X-Forwarded-For: 6.6.6.6` and a proxy appends the address it saw,
giving `6.6.6.6, <client>`. So the header is believed only when the connection comes from
one of `TRUSTED_PROXIES`, and read from the right: each trusted proxy appended the
address of whoever connected to it, and the first address from the right that is not a
trusted proxy is the client. What stands left of it was written by the client.
"""

from __future__ import annotations

import functools
import ipaddress
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:  # settings.py imports this module: keep it light at start-up
    from django.http import HttpRequest

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Loopback: a proxy on the same machine (or in the same container) as gunicorn.
DEFAULT_TRUSTED_PROXIES = ("127.0.0.0/8", "::1")


def parse_networks(values: Iterable[str]) -> tuple[IPNetwork, ...]:
    """Addresses and CIDR ranges ("10.0.0.5", "10.0.0.0/8", "::1"); ValueError names a bad one."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError:
            raise ValueError(f"{value!r} is neither an IP address nor a CIDR range") from None
    return tuple(networks)


@functools.lru_cache(maxsize=8)
def _trusted_networks(values: tuple[str, ...]) -> tuple[IPNetwork, ...]:
    return parse_networks(values)


def _address(text: str) -> IPAddress | None:
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    # An IPv4 client reaching a dual-stack socket shows up as ::ffff:a.b.c.d.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _is_trusted(address: IPAddress, networks: tuple[IPNetwork, ...]) -> bool:
    return any(address.version == network.version and address in network for network in networks)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address as a string, or None when it cannot be told."""
    peer = _address(request.META.get("REMOTE_ADDR", ""))
    if peer is None:
        return None
    networks = _trusted_networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    if not getattr(settings, "BEHIND_PROXY", False) or not _is_trusted(peer, networks):
        return str(peer)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop for hop in forwarded.split(",") if hop.strip()]
    address = peer
    for hop in reversed(hops):
        parsed = _address(hop)
        if parsed is None:
            # A trusted proxy appended something that is not an address: no client to name.
            return None
        address = parsed
        if not _is_trusted(address, networks):
            break
    return str(address)
