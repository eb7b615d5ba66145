"""Email goes out through the task queue: a request that sends mail only queues it, so it
never waits on a mail server and never fails because one is down; the worker sends it and
retries with backoff."""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta

from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.tasks import task

from background.queue import enqueue_after_commit, retried

logger = logging.getLogger(__name__)

# How long a sent message's key is remembered, so that a repeated delivery is skipped.
SENT_MEMORY = timedelta(days=7)


def send_email_later(
    *,
    subject: str,
    body: str,
    to: list[str],
    from_email: str | None = None,
    html_body: str | None = None,
) -> None:
    """Queue one message for the worker to send once the current transaction commits.

    Use it wherever a request sends mail (invitations, password resets, address
    confirmations). A header injection (a newline in the subject) is refused here, in the
    request, where the caller can still say so; everything that can fail later is retried.
    """
    if "\n" in subject or "\r" in subject:
        raise ValueError("An email subject cannot contain a line break.")
    enqueue_after_commit(
        deliver_email,
        subject=subject,
        body=body,
        to=list(to),
        from_email=from_email,
        html_body=html_body,
        key=uuid.uuid4().hex,
    )


@task()
@retried(attempts=6, first_delay=timedelta(seconds=30))
def deliver_email(
    *,
    subject: str,
    body: str,
    to: list[str],
    from_email: str | None,
    html_body: str | None,
    key: str,
) -> None:
    """Send one queued message; a key already sent is not sent twice."""
    sent_key = f"email-sent:{key}"
    if cache.get(sent_key):
        return
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()
    cache.set(sent_key, True, timeout=int(SENT_MEMORY.total_seconds()))
    # The message id is enough to follow it; addresses are personal data and stay out.
    logger.info("Sent email %s to %d recipient(s).", key, len(to))
