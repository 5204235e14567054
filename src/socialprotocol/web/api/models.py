"""Tokens for integrations. Only a hash of the key is stored; the key is shown once."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from socialprotocol.web.core.models import Board


class ApiToken(models.Model):
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="api_tokens")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField("naam", max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    revoked = models.BooleanField("ingetrokken", default=False)

    class Meta:
        verbose_name = "API-sleutel"
        verbose_name_plural = "API-sleutels"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
