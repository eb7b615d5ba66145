"""The one place an email leaves Hireframe.

Services build the subject and body and call `send_email`, which queues the message for
the task worker (background/mail.py): the request never waits on the mail server, and a
server that is away is retried with backoff.
"""

from __future__ import annotations

from accounts.validators import one_line
from background.mail import send_email_later


def send_email(*, subject: str, body: str, to: str) -> None:
    """Queue one plain-text email to `to`, sent once the current transaction commits.

    The subject is put on one line first: a name with a line break in it must never
    start a header of its own.
    """
    send_email_later(subject=one_line(subject), body=body, to=[to])
