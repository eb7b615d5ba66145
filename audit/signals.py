"""Sign-ins, successful or not, go into the audit log."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from audit.models import Action
from audit.services import audit_record

# An attacker chooses what is typed into the email field; keep only a bounded amount.
MAX_ATTEMPTED_EMAIL = 254


@receiver(user_logged_in, dispatch_uid="audit.login_succeeded")
def record_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit_record(action=Action.LOGIN_SUCCEEDED, actor=user, target=user.email, request=request)


@receiver(user_login_failed, dispatch_uid="audit.login_failed")
def record_failed_login(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    # Only the identifier is kept; `credentials` also holds the (masked) password.
    username_field = get_user_model().USERNAME_FIELD
    attempted = credentials.get("username") or credentials.get(username_field) or ""
    attempted = str(attempted)[:MAX_ATTEMPTED_EMAIL]
    audit_record(
        action=Action.LOGIN_FAILED,
        target=attempted,
        details={"email": attempted},
        request=request,
    )
