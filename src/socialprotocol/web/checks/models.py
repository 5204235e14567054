"""A check of one planned post, kept only as long as the retention settings say."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from socialprotocol.web.core.models import Board


class Status(models.TextChoices):
    QUEUED = "queued", "in de wachtrij"
    RUNNING = "running", "bezig"
    DONE = "done", "klaar"
    FAILED = "failed", "mislukt"


class Check(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="checks")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checks"
    )
    created = models.DateTimeField(auto_now_add=True)
    # Last sign of life of the media task (progress); a stale queued/running check is requeued.
    updated = models.DateTimeField(default=timezone.now)
    # Text and media are deleted with the row at this moment (see the retention settings).
    expires_at = models.DateTimeField(db_index=True)
    saved_for = models.CharField(max_length=20, blank=True)  # consultation | report
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    text = models.TextField(blank=True)
    role = models.CharField(max_length=10)
    setting = models.CharField(max_length=10)
    platform = models.CharField(max_length=40, blank=True)
    planned_at = models.DateTimeField(null=True, blank=True)
    about_school = models.BooleanField(null=True, blank=True)
    report = models.JSONField(null=True, blank=True)
    error = models.JSONField(null=True, blank=True)  # {"nl": ..., "en": ...} when it failed

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"controle {self.pk}"


def _upload_to(instance: CheckMedia, filename: str) -> str:
    return f"checks/{instance.check_id}/{instance.index}-{filename[-60:]}"


class CheckMedia(models.Model):
    check_obj = models.ForeignKey(
        Check, on_delete=models.CASCADE, related_name="media", db_column="check_id"
    )
    index = models.PositiveSmallIntegerField()
    file = models.FileField(upload_to=_upload_to)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10)  # image | video | audio
    content_type = models.CharField(max_length=60)
    size = models.PositiveBigIntegerField()
    width = models.PositiveIntegerField(null=True)
    height = models.PositiveIntegerField(null=True)
    redacted = models.FileField(upload_to=_upload_to, blank=True)

    class Meta:
        ordering = ["index"]
        constraints = [
            models.UniqueConstraint(fields=["check_obj", "index"], name="checkmedia_unique")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def check_id(self) -> object:
        return self.check_obj_id
