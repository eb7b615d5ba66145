from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.validators import reject_control_characters


def normalise_email(email: str) -> str:
    """Emails are compared case-insensitively, so store them in one case."""
    return email.strip().lower()


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=normalise_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(email=normalise_email(username or ""))


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with their email address; there is no separate username."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(
        _("full name"), max_length=150, blank=True, validators=[reject_control_characters]
    )
    is_staff = models.BooleanField(
        _("staff status"), default=False, help_text=_("Can sign in to the admin site.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # Set when the owner of the address opened the confirmation link sent at sign-up; an
    # invitation sent to an address can only be accepted once it is set.
    email_confirmed_at = models.DateTimeField(_("email address confirmed"), null=True, blank=True)

    # A code from settings.LANGUAGES, chosen with the footer's switcher; blank until then,
    # when the browser's language is used. No choices here, so a new language needs no
    # migration.
    language = models.CharField(_("language"), max_length=16, blank=True, default="")

    objects: ClassVar[UserManager] = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.email

    def clean(self) -> None:
        super().clean()
        self.email = normalise_email(self.email)

    @property
    def email_confirmed(self) -> bool:
        return self.email_confirmed_at is not None

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email
