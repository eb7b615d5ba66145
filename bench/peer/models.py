from __future__ import annotations

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class PeerAssessment(models.Model):
    """The one row the peer writes when its wizard is done."""

    answers = models.JSONField(encoder=DjangoJSONEncoder)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"peer assessment {self.pk}"
