"""Dossiers (personeelsdossier, leerlingendossier), their entries, letter templates, evidence."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from socialprotocol.web.cases.models.case import Case, Measure
from socialprotocol.web.cases.models.records import AppendOnly, CaseRecordQuerySet
from socialprotocol.web.core.models import Board
from socialprotocol.web.people.models import Person


class FileKind(models.TextChoices):
    PERSONNEL = "personnel", _("personeelsdossier")
    PUPIL = "pupil", _("leerlingendossier")


class Dossier(models.Model):
    board = models.ForeignKey(Board, on_delete=models.PROTECT)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="dossiers")
    kind = models.CharField(max_length=10, choices=FileKind.choices)
    created = models.DateTimeField(auto_now_add=True)
    # When the pupil left or the employment ended: the retention period runs from here.
    ended_on = models.DateField("uit dienst / van school op", null=True, blank=True)

    class Meta:
        verbose_name = "dossier"
        verbose_name_plural = "dossiers"
        constraints = [models.UniqueConstraint(fields=["person", "kind"], name="dossier_once")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.person}"


class DossierEntry(AppendOnly):
    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="entries")
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.PROTECT)
    measure = models.ForeignKey(Measure, null=True, blank=True, on_delete=models.PROTECT)
    kind = models.CharField(max_length=20)  # letter | decision | correspondence
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    file = models.FileField(upload_to="dossiers/%Y/%m/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = CaseRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "dossierstuk"
        verbose_name_plural = "dossierstukken"
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return self.title


class Evidence(AppendOnly):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="evidence")
    file = models.FileField(upload_to="bewijs/%Y/%m/")
    name = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=60)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = CaseRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "bewijsstuk"
        verbose_name_plural = "bewijsstukken"
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name


class LetterTemplate(models.Model):
    """A letter the board can edit. Placeholders: $naam, $school, $maatregel, $datum,
    $redenen, $zaak, $bestuur."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE)
    measure = models.CharField("maatregel (id uit het protocol)", max_length=40)
    ladder = models.CharField("voor", max_length=20, choices=[("staff", "medewerker"),
                              ("pupil_parent", "leerling/ouders")])  # fmt: skip
    subject = models.CharField("onderwerp", max_length=200)
    body = models.TextField("tekst")

    class Meta:
        verbose_name = "briefsjabloon"
        verbose_name_plural = "briefsjablonen"
        constraints = [
            models.UniqueConstraint(fields=["board", "measure", "ladder"], name="letter_once")
        ]

    def __str__(self) -> str:
        return self.subject
