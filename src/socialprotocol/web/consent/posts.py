"""A post in the consent flow: a copy of the photo, the boxes the poster tagged (no face data,
no recognition), the people heard, per-post consent requests and the publishable copy."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from socialprotocol.web.core.models import Board
from socialprotocol.web.people.models import Person, School


def _upload_to(instance: Publication, filename: str) -> str:
    return f"consent/{instance.pk}/{filename[-60:]}"


class Publication(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="publications")
    school = models.ForeignKey(School, null=True, blank=True, on_delete=models.SET_NULL)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    title = models.CharField("titel", max_length=200)
    purpose = models.ForeignKey(
        "consent.Purpose", on_delete=models.RESTRICT, related_name="+", verbose_name="doel"
    )
    kind = models.CharField(max_length=10, default="image")  # image | video | audio
    original = models.FileField(upload_to=_upload_to)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    copy = models.FileField(upload_to=_upload_to, blank=True)
    copy_made = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "bericht (toestemming)"
        verbose_name_plural = "berichten (toestemming)"
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.title


class FaceTag(models.Model):
    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="faces")
    index = models.PositiveSmallIntegerField()
    x = models.PositiveIntegerField()
    y = models.PositiveIntegerField()
    w = models.PositiveIntegerField()
    h = models.PositiveIntegerField()
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="face_tags"
    )
    unknown = models.BooleanField(default=False)  # 'onbekend / niet herkenbaar'
    # Left visible in the publishable copy: the consent it relied on (see 'where used').
    shown_in_copy = models.BooleanField(default=False)

    class Meta:
        ordering = ["index"]
        constraints = [
            models.UniqueConstraint(fields=["publication", "index"], name="facetag_unique")
        ]

    def __str__(self) -> str:
        return f"gezicht {self.index + 1}"

    @property
    def box(self) -> tuple[int, int, int, int]:
        return (self.x, self.y, self.w, self.h)


class VoiceTag(models.Model):
    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="voices")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="voice_tags")
    shown_in_copy = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["publication", "person"], name="voicetag_unique")
        ]

    def __str__(self) -> str:
        return f"stem {self.person_id}"


class ConsentRequest(models.Model):
    """A per-post request sent by e-mail; the signed link in it expires at ``expires_at``."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="requests")
    subject = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    capacity = models.CharField(max_length=10)
    email = models.EmailField()
    sent = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    answered = models.DateTimeField(null=True, blank=True)
    answer = models.CharField(max_length=10, blank=True)  # given | refused

    class Meta:
        ordering = ["-sent"]

    def __str__(self) -> str:
        return f"verzoek {self.pk}"
