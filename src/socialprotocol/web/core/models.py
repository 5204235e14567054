"""Tenancy and the audit log."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Board(models.Model):
    """A school board (bevoegd gezag): the tenant. Nothing is shared between boards."""

    name = models.CharField("naam", max_length=200, unique=True)
    protocol_file = models.CharField(
        "protocolbestand", max_length=500, blank=True, help_text="Leeg: het meegeleverde protocol."
    )
    # Bumped by every import so checkers built from the old directory are rebuilt.
    directory_version = models.PositiveIntegerField(default=0, editable=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "bestuur"
        verbose_name_plural = "besturen"

    def __str__(self) -> str:
        return self.name


class AuditLog(models.Model):
    """One row per state change (and per sensitive read), written in the change's transaction."""

    created = models.DateTimeField(auto_now_add=True, db_index=True)
    board = models.ForeignKey(Board, null=True, blank=True, on_delete=models.SET_NULL)
    acting_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    event = models.CharField(max_length=80)
    subject_type = models.CharField(max_length=80, blank=True)
    subject_id = models.CharField(max_length=80, blank=True)
    # Who or what the event is about when it is no row (a login name for a failed login).
    subject_key = models.CharField(max_length=200, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "auditregel"
        verbose_name_plural = "auditlog"
        ordering = ["-created", "-id"]
        indexes = [
            models.Index(fields=["event", "subject_key", "created"]),
            models.Index(fields=["board", "created"]),
        ]

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d %H:%M} {self.event}"
