"""The one place an email leaves Hireframe.

Services build the subject and body and call `send_email`; moving delivery to a background
task means changing this function only.
"""

from __future__ import annotations

from django.core.mail import send_mail

from accounts.validators import one_line


def send_email(*, subject: str, body: str, to: str) -> None:
    """Send one plain-text email to `to`. Raises whatever the mail server raises.

    The subject is put on one line first: a name with a line break in it must never
    start a header of its own.
    """
    send_mail(one_line(subject), body, None, [to])
