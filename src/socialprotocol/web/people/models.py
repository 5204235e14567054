"""The school community of one board: schools, groups, people and their roles."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from socialprotocol.web.core.models import Board


class Role(models.TextChoices):
    """DESIGN §1. The first four are the roles a post is checked for."""

    STAFF = "staff", "medewerker"
    PUPIL = "pupil", "leerling"
    PARENT = "parent", "ouder/verzorger"
    OTHER = "other", "betrokkene"
    SUPERVISOR = "supervisor", "leidinggevende"
    MANAGEMENT = "management", "directie"
    TEACHER = "teacher", "leraar"
    BOARD = "board", "bevoegd gezag"
    HR = "hr", "personeelszaken"
    PUPIL_RECORDS = "pupil_records", "leerlingadministratie/IB"
    PRIVACY_OFFICER = "privacy_officer", "privacy officer (FG)"
    ADMIN = "admin", "beheerder"


# Roles that can read dossiers: they must use two-factor authentication.
TWO_FACTOR_ROLES = frozenset(
    {Role.HR, Role.PUPIL_RECORDS, Role.BOARD, Role.PRIVACY_OFFICER, Role.ADMIN}
)
# Roles that make a person staff for the checker (the protocol's B and C sections).
STAFF_ROLES = frozenset(
    {Role.STAFF, Role.SUPERVISOR, Role.MANAGEMENT, Role.TEACHER, Role.BOARD, Role.HR,
     Role.PUPIL_RECORDS, Role.PRIVACY_OFFICER, Role.ADMIN}
)  # fmt: skip


class School(models.Model):
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="schools")
    name = models.CharField("naam", max_length=200)

    class Meta:
        verbose_name = "school"
        verbose_name_plural = "scholen"
        constraints = [models.UniqueConstraint(fields=["board", "name"], name="school_unique")]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Group(models.Model):
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField("naam", max_length=100)

    class Meta:
        verbose_name = "groep"
        verbose_name_plural = "groepen"
        constraints = [models.UniqueConstraint(fields=["school", "name"], name="group_unique")]
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.school} – {self.name}"


class Person(models.Model):
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="people")
    external_id = models.CharField("id in het bronbestand", max_length=100)
    first_name = models.CharField("voornaam", max_length=100, blank=True)
    prefix = models.CharField("tussenvoegsel", max_length=40, blank=True)
    last_name = models.CharField("achternaam", max_length=150, blank=True)
    nickname = models.CharField("roepnaam", max_length=100, blank=True)
    birth_date = models.DateField("geboortedatum", null=True, blank=True)
    handles = models.JSONField("accounts op sociale media", default=list, blank=True)
    active = models.BooleanField("actief", default=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        verbose_name="account",
    )

    class Meta:
        verbose_name = "persoon"
        verbose_name_plural = "personen"
        constraints = [
            models.UniqueConstraint(fields=["board", "external_id"], name="person_unique")
        ]
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.prefix, self.last_name) if p)


class Membership(models.Model):
    """A role a person holds, at one school or (school empty) for the whole board."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    school = models.ForeignKey(School, null=True, blank=True, on_delete=models.CASCADE)
    role = models.CharField("rol", max_length=20, choices=Role.choices)
    group = models.ForeignKey(Group, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name = "rol"
        verbose_name_plural = "rollen"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "school", "role"],
                name="membership_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} ({self.school or 'bestuur'})"


class ParentLink(models.Model):
    parent = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="child_links")
    child = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="parent_links")

    class Meta:
        verbose_name = "ouder-kindrelatie"
        verbose_name_plural = "ouder-kindrelaties"
        constraints = [
            models.UniqueConstraint(fields=["parent", "child"], name="parentlink_unique")
        ]

    def __str__(self) -> str:
        return f"{self.parent} → {self.child}"
