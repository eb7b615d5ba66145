"""Every URL the project serves, read from the resolver, with the personas and data to
request each one. Shared by the isolation matrix and the security-header checks."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# The admin is staff-only and has its own tests (tests/admin/); static files are not views.
SKIPPED_PREFIXES = ("admin/", "static/")

PERSONAS = ("anonymous", "viewer", "editor", "owner", "other_owner", "staff")
METHODS = ("GET", "POST", "HTMX")  # HTMX: a POST with `HX-Request: true`


@dataclass(frozen=True)
class Route:
    name: str
    route: str  # the full pattern, for messages
    kwargs: tuple[str, ...]


def _names(pattern: Any) -> tuple[str, ...]:
    return tuple(getattr(pattern, "converters", {})) or tuple(pattern.regex.groupindex)


def _walk(
    patterns: list[Any], prefix: str = "", inherited: tuple[str, ...] = ()
) -> Iterator[Route]:
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(SKIPPED_PREFIXES):
            continue
        names = inherited + _names(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, route, names)
        elif isinstance(entry, URLPattern):
            yield Route(name=entry.name or f"<unnamed {route}>", route=route, kwargs=names)


def all_routes() -> list[Route]:
    """Every URL pattern outside the admin and static files, from the project's resolver."""
    return list(_walk(get_resolver().url_patterns))


@dataclass
class World:
    """Organisation A with its owner, editor and viewer and their data; organisation B's
    owner; a staff user in neither. `values` fills URL keyword arguments by name."""

    clients: dict[str, Client]
    values: dict[str, Any] = field(default_factory=dict)

    def url(self, route: Route, overrides: dict[str, Any], query: dict[str, Any]) -> str:
        kwargs = {}
        for name in route.kwargs:
            value = overrides.get(name, self.values.get(name))
            if callable(value):
                value = value(self)
            if value is None:
                raise LookupError(f"No value for <{name}> of {route.name} ({route.route})")
            kwargs[name] = value
        url = reverse(route.name, kwargs=kwargs)
        if query:
            resolved = {k: v(self) if callable(v) else v for k, v in query.items()}
            url += "?" + "&".join(f"{k}={v}" for k, v in resolved.items())
        return url


def send(client: Client, method: str, url: str) -> Any:
    if method == "GET":
        return client.get(url)
    if method == "HTMX_GET":  # how htmx asks for a partial
        return client.get(url, HTTP_HX_REQUEST="true")
    if method == "HTMX":
        return client.post(url, HTTP_HX_REQUEST="true")
    return client.post(url)


def request_and_undo(
    client: Client, method: str, url: str, *, inspect: Callable[[Any], Any] | None = None
) -> tuple[Any, Any]:
    """Send one request inside a savepoint that is rolled back afterwards, so each request
    meets the same data; the client's cookies are restored too (a sign-out would drop
    them). Returns the response and what `inspect` saw before the rollback."""
    cookies = copy.deepcopy(client.cookies)
    seen = None
    with transaction.atomic():
        response = send(client, method, url)
        if inspect is not None:
            seen = inspect(response)
        transaction.set_rollback(True)
    client.cookies = cookies
    return response, seen
