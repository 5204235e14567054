"""Every change to people, roles and accounts. Each writes its audit row in its transaction."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F

from socialprotocol.engine.directory import Directory
from socialprotocol.web.core.actions import ActingUser, write_audit
from socialprotocol.web.core.models import Board
from socialprotocol.web.people.importer import ImportPlan, existing_links, plan_import
from socialprotocol.web.people.models import (
    Group,
    Membership,
    ParentLink,
    Person,
    Role,
    School,
)


def do_import_directory(
    board: Board,
    directory: Directory,
    *,
    deactivate_missing: bool = False,
    acting_user: ActingUser,
) -> ImportPlan:
    """Apply the import plan of ``directory`` (see ``plan_import`` for the dry run)."""
    with transaction.atomic():
        plan = plan_import(board, directory)
        schools: dict[str, School] = {}
        groups: dict[tuple[str, str], Group] = {}

        def school_of(name: str) -> School | None:
            if not name:
                return None
            if name not in schools:
                schools[name] = School.objects.get_or_create(board=board, name=name)[0]
            return schools[name]

        people = {p.external_id: p for p in Person.objects.filter(board=board)}
        for planned in plan.create:
            people[planned.source.id] = Person.objects.create(
                board=board, external_id=planned.source.id, **planned.values
            )
        for planned in plan.update:
            person = people[planned.source.id]
            for key, value in planned.values.items():
                setattr(person, key, value)
            person.active = True
            person.save()
        for planned in [*plan.create, *plan.update]:
            src = planned.source
            school = school_of(src.school)
            group = None
            if school is not None and src.group:
                gkey = (src.school, src.group)
                if gkey not in groups:
                    groups[gkey] = Group.objects.get_or_create(school=school, name=src.group)[0]
                group = groups[gkey]
            Membership.objects.update_or_create(
                person=people[src.id], school=school, role=src.role, defaults={"group": group}
            )
        have = existing_links(board)
        ParentLink.objects.bulk_create(
            [
                ParentLink(parent=people[p], child=people[c])
                for p, c in sorted(set(plan.links) - have)
            ]
        )
        if deactivate_missing and plan.missing:
            Person.objects.filter(board=board, external_id__in=plan.missing).update(active=False)
        Board.objects.filter(pk=board.pk).update(directory_version=F("directory_version") + 1)
        board.refresh_from_db(fields=["directory_version"])
        write_audit(
            "directory_imported",
            acting_user=acting_user,
            board=board,
            subject=board,
            detail={
                "source": directory.source,
                "deactivate_missing": deactivate_missing,
                **plan.summary(),
            },
        )
    return plan


def do_grant_role(
    person: Person, role: str, *, school: School | None = None, acting_user: ActingUser
) -> Membership:
    if role not in Role.values:
        raise ValueError(f"onbekende rol '{role}'")
    if school is not None and school.board_id != person.board_id:
        raise ValueError("de school hoort bij een ander bestuur")
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            person=person, school=school, role=role
        )
        if created:
            write_audit(
                "role_granted",
                acting_user=acting_user,
                board=person.board,
                subject=person,
                detail={"role": role, "school": school.name if school else None},
            )
            Board.objects.filter(pk=person.board_id).update(
                directory_version=F("directory_version") + 1
            )
        if role == Role.ADMIN and person.user is not None and not person.user.is_staff:
            person.user.is_staff = True  # the admin site needs it; access is scoped per board
            person.user.save(update_fields=["is_staff"])
    return membership


def do_revoke_role(membership: Membership, *, acting_user: ActingUser) -> None:
    person = membership.person
    with transaction.atomic():
        write_audit(
            "role_revoked",
            acting_user=acting_user,
            board=person.board,
            subject=person,
            detail={"role": membership.role, "school": str(membership.school or "")},
        )
        membership.delete()
        if (
            membership.role == Role.ADMIN
            and person.user is not None
            and not person.memberships.filter(role=Role.ADMIN).exists()
        ):
            person.user.is_staff = False
            person.user.save(update_fields=["is_staff"])


def do_link_parent(parent: Person, child: Person, *, acting_user: ActingUser) -> ParentLink:
    if parent.board_id != child.board_id:
        raise ValueError("ouder en kind horen bij verschillende besturen")
    with transaction.atomic():
        link, created = ParentLink.objects.get_or_create(parent=parent, child=child)
        if created:
            write_audit(
                "parent_linked",
                acting_user=acting_user,
                board=parent.board,
                subject=link,
                detail={"parent": parent.external_id, "child": child.external_id},
            )
    return link


def do_create_account(
    person: Person, username: str, password: str | None, *, acting_user: ActingUser
) -> User:
    """An account to log in with, linked to a person in the directory."""
    with transaction.atomic():
        user = User.objects.create_user(username=username, password=password)
        if password is None:
            user.set_unusable_password()
        if person.memberships.filter(role=Role.ADMIN).exists():
            user.is_staff = True
        user.save()
        person.user = user
        person.save(update_fields=["user"])
        write_audit(
            "account_created",
            acting_user=acting_user,
            board=person.board,
            subject=person,
            detail={"username": username},
        )
    return user
