"""Who may do what with cases and dossiers. Every view and API endpoint asks here.

- report: anyone logged in with a board;
- handle a case: the board (bevoegd gezag) for every school, the school's management for
  cases of their school;
- qualify as grensoverschrijdend, record the vertrouwensinspecteur call, staff measures: the board;
- personeelsdossier: HR and the board; leerlingendossier: pupil records and management of the
  pupil's school; the person concerned (and a pupil's parents) may export their own file;
- the audit log: the privacy officer; the overview: the board.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from socialprotocol.web.cases.models import Case, Dossier, FileKind
from socialprotocol.web.people.access import Access, access_of
from socialprotocol.web.people.models import Membership, ParentLink, Person, Role


def _schools_with(access: Access, role: str) -> set[int]:
    if access.person is None:
        return set()
    rows = Membership.objects.filter(person=access.person, role=role).values_list(
        "school_id", flat=True
    )
    return {r for r in rows if r is not None}


def _board_wide(access: Access, role: str) -> bool:
    if access.person is None:
        return False
    return Membership.objects.filter(person=access.person, role=role, school=None).exists()


def visible_cases(user: Any) -> QuerySet[Case]:
    access = access_of(user)
    if access.board_id is None:
        return Case.objects.none()
    base = Case.objects.filter(board_id=access.board_id)
    if access.has(Role.BOARD):
        return base
    if access.has(Role.MANAGEMENT):
        if _board_wide(access, Role.MANAGEMENT):
            return base
        return base.filter(school_id__in=_schools_with(access, Role.MANAGEMENT))
    return Case.objects.none()


def is_case_handler(user: Any) -> bool:
    return access_of(user).has(Role.BOARD, Role.MANAGEMENT)


def case_handlers(board_id: int) -> QuerySet[Person]:
    """Who a case can be assigned to: people with an account who handle cases."""
    return Person.objects.filter(
        board_id=board_id, user__isnull=False,
        memberships__role__in=[Role.BOARD, Role.MANAGEMENT],
    ).distinct()  # fmt: skip


def can_handle(user: Any, case: Case) -> bool:
    return visible_cases(user).filter(pk=case.pk).exists()


def can_decide_staff(user: Any, case: Case) -> bool:
    access = access_of(user)
    return access.board_id == case.board_id and access.has(Role.BOARD)


def can_see_overview(user: Any) -> bool:
    return access_of(user).has(Role.BOARD)


def can_read_audit_log(user: Any) -> bool:
    return access_of(user).has(Role.PRIVACY_OFFICER)


def _pupil_schools(dossier: Dossier) -> set[int]:
    rows = Membership.objects.filter(person_id=dossier.person_id, role=Role.PUPIL)
    return {r for r in rows.values_list("school_id", flat=True) if r is not None}


def readable_dossiers(user: Any) -> QuerySet[Dossier]:
    """Dossiers the caller may read as a keeper of files (not as the person concerned)."""
    access = access_of(user)
    if access.board_id is None:
        return Dossier.objects.none()
    base = Dossier.objects.filter(board_id=access.board_id)
    rule = Q(pk__in=[])
    if access.has(Role.HR, Role.BOARD):
        rule |= Q(kind=FileKind.PERSONNEL)
    if access.has(Role.PUPIL_RECORDS, Role.MANAGEMENT):
        schools = _schools_with(access, Role.PUPIL_RECORDS) | _schools_with(
            access, Role.MANAGEMENT
        )
        pupils = Membership.objects.filter(role=Role.PUPIL, school_id__in=schools)
        wide = _board_wide(access, Role.PUPIL_RECORDS) or _board_wide(access, Role.MANAGEMENT)
        pupil_rule = Q(kind=FileKind.PUPIL)
        if not wide:
            pupil_rule &= Q(person_id__in=pupils.values("person_id"))
        rule |= pupil_rule
    return base.filter(rule)


def can_read_dossier(user: Any, dossier: Dossier) -> bool:
    return readable_dossiers(user).filter(pk=dossier.pk).exists()


def own_dossiers(user: Any) -> QuerySet[Dossier]:
    """The caller's own files, and a parent's children's pupil files (the parent represents them)."""
    access = access_of(user)
    if access.person is None:
        return Dossier.objects.none()
    children = ParentLink.objects.filter(parent=access.person).values("child_id")
    return Dossier.objects.filter(board_id=access.person.board_id).filter(
        Q(person=access.person) | Q(kind=FileKind.PUPIL, person_id__in=children)
    )


def can_export_dossier(user: Any, dossier: Dossier) -> bool:
    return own_dossiers(user).filter(pk=dossier.pk).exists()


def can_close_file(user: Any, dossier: Dossier) -> bool:
    """Recording when a pupil left or employment ended: HR, pupil records (of that school)."""
    access = access_of(user)
    if access.board_id != dossier.board_id:
        return False
    if dossier.kind == FileKind.PERSONNEL:
        return access.has(Role.HR)
    schools = _schools_with(access, Role.PUPIL_RECORDS)
    return _board_wide(access, Role.PUPIL_RECORDS) or bool(schools & _pupil_schools(dossier))
