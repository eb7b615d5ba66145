"""Invitation links' secrets: a random token in the link, only its hash in the database."""

from __future__ import annotations

import hashlib
import secrets


def new_token() -> str:
    """A fresh token for an invitation link (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What is stored and looked up: the token's SHA-256, in hex."""
    return hashlib.sha256(token.encode()).hexdigest()
