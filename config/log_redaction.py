"""Keep the secrets in URLs out of the logs.

A shared report's link (/r/<token>/), an invitation (/invite/<token>/), an address
confirmation (/accounts/confirm/<token>/, which signs in) and a password reset
(/accounts/password/reset/<uid>/<token>/) each open something to whoever has the
URL, so a log line holding one is a key left lying around. gunicorn's access log
(config/gunicorn.py) and Django's own log lines ("Not Found: /r/<token>/", the development
server's request lines) pass through `redact_tokens`, which keeps the shape of the path and
drops the token. Encoded slashes count too: a sign-in link carries
`?next=%2Finvite%2F<token>%2F`.
"""

from __future__ import annotations

import logging
import re

REDACTED = "[redacted]"

_SLASH = r"(?:/|%2[Ff])"
_SEGMENT = r"[^/\s?#&\"'%]+"
TOKEN_IN_PATH = re.compile(
    rf"(?P<prefix>{_SLASH}(?:r|invite|accounts{_SLASH}confirm"
    rf"|accounts{_SLASH}password{_SLASH}reset{_SLASH}{_SEGMENT})"
    rf"{_SLASH})"
    # Django swaps the reset token for this fixed segment after the first request.
    rf"(?!set-password(?:{_SLASH}|[\s?#&\"']|$))"
    rf"(?P<token>{_SEGMENT})"
)


def redact_tokens(text: str) -> str:
    """`text` with every token of a secret URL replaced by [redacted]."""
    return TOKEN_IN_PATH.sub(rf"\g<prefix>{REDACTED}", text)


class RedactTokensFilter(logging.Filter):
    """Rewrites a record's message without the tokens; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact_tokens(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True
