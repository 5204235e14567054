"""The consent registry (A5): purposes per board, append-only consent records, re-confirmation
rounds; and the posts whose photos are tagged, asked about and published (see ``posts``)."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models

from socialprotocol.web.consent.posts import ConsentRequest, FaceTag, Publication, VoiceTag
from socialprotocol.web.consent.rules import Capacity, Decision
from socialprotocol.web.core.models import Board
from socialprotocol.web.people.models import Person, School

__all__ = [
    "ConsentRecord",
    "ConsentRequest",
    "ConsentRound",
    "FaceTag",
    "Method",
    "Publication",
    "Purpose",
    "VoiceTag",
]


def _scan_path(instance: ConsentRecord, filename: str) -> str:
    suffix = filename.rsplit(".", 1)[-1].lower()[:5] if "." in filename else "bin"
    return f"consent/scans/{instance.board_id}/{uuid.uuid4()}.{suffix}"


class Purpose(models.Model):
    """A purpose or channel a board asks consent for (school website, newsletter, ...)."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="consent_purposes")
    key = models.SlugField("code", max_length=40)
    name = models.CharField("naam", max_length=120)
    name_en = models.CharField("naam (Engels)", max_length=120, blank=True)
    description = models.CharField("uitleg voor ouders", max_length=300, blank=True)
    position = models.PositiveSmallIntegerField("volgorde", default=0)
    active = models.BooleanField("actief", default=True)

    class Meta:
        verbose_name = "doel"
        verbose_name_plural = "doelen (toestemming)"
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["board", "key"], name="purpose_unique")]

    def __str__(self) -> str:
        return self.name


class Method(models.TextChoices):
    FORM = "form", "formulier"
    PAPER = "paper", "papieren formulier (scan)"
    POST_LINK = "post_link", "link bij een bericht"
    IMPORT = "import", "import"


class ConsentRound(models.Model):
    """A yearly re-confirmation: standing consents given before ``started`` lapse after
    ``deadline`` unless confirmed again."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="consent_rounds")
    school = models.ForeignKey(
        School, null=True, blank=True, on_delete=models.CASCADE, verbose_name="school"
    )
    name = models.CharField("naam", max_length=100)
    started = models.DateTimeField("gestart")
    deadline = models.DateField("uiterste datum")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "bevestigingsronde"
        verbose_name_plural = "bevestigingsrondes"
        ordering = ["-started"]

    def __str__(self) -> str:
        return self.name


class AppendOnlyQuerySet(models.QuerySet["ConsentRecord"]):
    def update(self, **kwargs: Any) -> int:
        raise TypeError("consent records are append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise TypeError("consent records are append-only")


class ConsentRecord(models.Model):
    """One statement: given, refused or withdrawn. Never changed, never deleted (the proof);
    the current state is derived from the records (``rules.status_of``)."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="+")
    subject = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="consent_records", verbose_name="over"
    )
    purpose = models.ForeignKey(Purpose, on_delete=models.RESTRICT, verbose_name="doel")
    # RESTRICT, never SET_NULL: a per-post answer must never turn into a standing consent.
    publication = models.ForeignKey(
        Publication, null=True, blank=True, on_delete=models.RESTRICT, related_name="answers"
    )
    decision = models.CharField(
        "besluit", max_length=10, choices=[(d.value, d.value) for d in Decision]
    )
    capacity = models.CharField(
        "gegeven als", max_length=10, choices=[(c.value, c.value) for c in Capacity]
    )
    given_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    given_by_name = models.CharField("gegeven door (naam)", max_length=200, blank=True)
    method = models.CharField("hoe", max_length=10, choices=Method.choices)
    decided_on = models.DateField("datum van het besluit")
    evidence = models.CharField("bewijs (kenmerk scan, regel import)", max_length=200, blank=True)
    scan = models.FileField("scan van het formulier", upload_to=_scan_path, blank=True)
    consent_round = models.ForeignKey(
        ConsentRound, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = "toestemmingsregel"
        verbose_name_plural = "toestemmingsregels"
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["subject", "purpose", "created"])]

    def __str__(self) -> str:
        return f"{self.subject_id} {self.purpose_id} {self.decision}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise TypeError("consent records are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise TypeError("consent records are append-only")
