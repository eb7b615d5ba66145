"""Secrets carried in links (invitations, shared reports): a random token in the URL, only
its SHA-256 in the database, so a leaked backup opens nothing."""

from __future__ import annotations

import hashlib
import secrets


def new_token() -> str:
    """A fresh token for a link (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What is stored and looked up: the token's SHA-256, in hex."""
    # surrogatepass: a token read from a URL can hold anything; hashing must not fail.
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
