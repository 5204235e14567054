"""A case: one reported incident, its people, state, tasks and measures."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from socialprotocol.web.core.models import Board
from socialprotocol.web.people.models import Person, School


class State(models.TextChoices):
    REPORTED = "gemeld", _("gemeld")
    IN_PROGRESS = "in_behandeling", _("in behandeling")
    DECISION = "besluit", _("besluit")
    CLOSED = "afgesloten", _("afgesloten")
    REOPENED = "heropend", _("heropend")


# The state machine: where a case may go from each state.
TRANSITIONS: dict[str, frozenset[str]] = {
    State.REPORTED: frozenset({State.IN_PROGRESS}),
    State.IN_PROGRESS: frozenset({State.DECISION, State.CLOSED}),
    State.DECISION: frozenset({State.CLOSED, State.IN_PROGRESS}),
    State.CLOSED: frozenset({State.REOPENED}),
    State.REOPENED: frozenset({State.IN_PROGRESS, State.DECISION}),
}


class InvolvedRole(models.TextChoices):
    STAFF = "staff", _("medewerker")
    PUPIL = "pupil", _("leerling")
    PARENT = "parent", _("ouder/verzorger")
    OTHER = "other", _("anders")


class Part(models.TextChoices):
    REPORTED = "reported", _("gemelde persoon")
    AFFECTED = "affected", _("getroffen")
    WITNESS = "witness", _("getuige")


class CaseSettings(models.Model):
    """Per board: whether reports may be anonymous (with a receipt code)."""

    board = models.OneToOneField(Board, on_delete=models.CASCADE, related_name="case_settings")
    anonymous_reports = models.BooleanField("anoniem melden toestaan", default=False)

    class Meta:
        verbose_name = "instelling voor meldingen"
        verbose_name_plural = "instellingen voor meldingen"

    def __str__(self) -> str:
        return f"{self.board}"


class Case(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="cases")
    school = models.ForeignKey(School, null=True, blank=True, on_delete=models.PROTECT)
    reference = models.CharField("zaaknummer", max_length=20, unique=True)
    state = models.CharField("status", max_length=20, choices=State.choices, default=State.REPORTED)
    created = models.DateTimeField(auto_now_add=True)
    # The report itself.
    reporter = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports_made"
    )
    reporter_hidden = models.BooleanField("naam afschermen voor de gemelde persoon", default=False)
    anonymous = models.BooleanField(default=False)
    receipt_hash = models.CharField(max_length=64, blank=True, db_index=True)
    link = models.URLField("link naar het bericht", max_length=500, blank=True)
    platform = models.CharField(max_length=40, blank=True)
    post_text = models.TextField("tekst van het bericht", blank=True)
    post_context = models.CharField(max_length=10, default="private")
    description = models.TextField("wat er gebeurde")
    involved_text = models.TextField("wie betrokken zijn (volgens de melder)", blank=True)
    poster_role = models.CharField("rol van wie het plaatste", max_length=10, default="other")
    # Handling.
    suggestion = models.JSONField("voorstel van de controle", null=True, blank=True)
    articles = models.JSONField("overtreden artikelen", default=list, blank=True)
    grensoverschrijdend = models.BooleanField(default=False)
    possibly_criminal = models.BooleanField("mogelijk strafbaar", default=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    deadline = models.DateField("termijn", null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "zaak"
        verbose_name_plural = "zaken"
        ordering = ["-created"]
        indexes = [models.Index(fields=["board", "state"])]

    def __str__(self) -> str:
        return self.reference


class Involvement(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL)
    name = models.CharField("naam (buiten de school)", max_length=200, blank=True)
    role = models.CharField("rol", max_length=10, choices=InvolvedRole.choices)
    part = models.CharField("betrokken als", max_length=10, choices=Part.choices)
    # For a parent: the child whose pupil file gets the correspondence (D4).
    child = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "betrokkene"
        verbose_name_plural = "betrokkenen"

    def __str__(self) -> str:
        return self.person.full_name if self.person else self.name


class Transition(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(max_length=20, blank=True)
    to_state = models.CharField(max_length=20, choices=State.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"


class Task(models.Model):
    """A mandatory task from the protocol file (vertrouwensinspecteur, aangifte)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    kind = models.CharField(max_length=40)  # the protocol task id
    rule = models.CharField(max_length=20)
    title = models.CharField(max_length=300)
    phone = models.CharField(max_length=40, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    done = models.BooleanField(default=False)
    called_by = models.CharField("gebeld door", max_length=200, blank=True)
    called_at = models.DateTimeField("gebeld op", null=True, blank=True)
    decision = models.CharField("besluit", max_length=20, blank=True)  # aangifte: yes/no
    outcome = models.TextField("uitkomst", blank=True)
    reference = models.CharField("kenmerk", max_length=200, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "kind"], name="task_once")]
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return self.title


class Measure(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="measures")
    involvement = models.ForeignKey(Involvement, on_delete=models.CASCADE)
    ladder = models.CharField(max_length=20)  # staff | pupil_parent (the protocol's lists)
    measure = models.CharField("maatregel", max_length=40)  # the protocol measure id
    name = models.CharField(max_length=200)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_on = models.DateField("besloten op")
    reasons = models.TextField("redenen")
    steps = models.JSONField("wettelijke stappen", default=list, blank=True)
    letter_sent_at = models.DateTimeField("brief verstuurd", null=True, blank=True)

    class Meta:
        verbose_name = "maatregel"
        verbose_name_plural = "maatregelen"
        ordering = ["decided_on", "id"]

    def __str__(self) -> str:
        return self.name
