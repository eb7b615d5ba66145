"""The header's way back: sign in or sign up from a page, and return to it afterwards."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template

register = template.Library()


def _account_screens() -> frozenset[str]:
    from accounts.urls import urlpatterns

    return frozenset(pattern.name for pattern in urlpatterns if pattern.name)


@register.simple_tag(takes_context=True)
def back_here(context: dict[str, Any]) -> str:
    """`?next=<this page>` for the header's sign-in and sign-up links, or "".

    Nothing on the account screens themselves (signing in to return to the sign-in page
    would be a loop), nor on the answer to a POST, whose address may not open with a GET,
    nor on an error page: a 404 for a guessed share link must read the same as any other.
    """
    request = context.get("request")
    if request is None or request.method != "GET":
        return ""
    if "exception" in context or "request_path" in context:  # Django's 403 and 404 pages
        return ""
    match = request.resolver_match
    if match is None or match.url_name in _account_screens():
        return ""
    return "?" + urlencode({"next": request.get_full_path()}, safe="/")


@register.simple_tag(takes_context=True)
def this_page(context: dict[str, Any]) -> str:
    """This page's address, for the language switcher to come back to; "" on an error
    page (a guessed share link must not be repeated back) or after a POST."""
    request = context.get("request")
    if request is None or request.method != "GET":
        return ""
    if "exception" in context or "request_path" in context:
        return ""
    return request.get_full_path()
