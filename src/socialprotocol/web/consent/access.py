"""Who may see and change whose consent: a parent only their own children (and a pupil from 16
or a staff member only themself); staff only the people of their own school(s)."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from socialprotocol.web.consent.rules import Capacity, capacity_for
from socialprotocol.web.people.access import Access
from socialprotocol.web.people.models import STAFF_ROLES, Membership, ParentLink, Person, Role

# Staff roles that work with photos and consents; HR and the board itself have no business here.
CONSENT_ROLES = STAFF_ROLES - {Role.HR, Role.BOARD}
# Roles that may start a re-confirmation round or import consents for their school(s).
MANAGING_ROLES = frozenset({Role.MANAGEMENT, Role.ADMIN, Role.PRIVACY_OFFICER})


def is_pupil(person: Person) -> bool:
    return Membership.objects.filter(person=person, role=Role.PUPIL).exists()


def who_decides(person: Person, day: date) -> Capacity:
    return capacity_for(person.birth_date, day, is_pupil=is_pupil(person))


def staff_schools(access: Access, roles: frozenset[str] = CONSENT_ROLES) -> set[int] | None:
    """The schools where the account holds one of ``roles``; None: the whole board (a
    board-wide role); an empty set: none."""
    if access.person is None:
        return set()
    schools: set[int] = set()
    for school_id, role in Membership.objects.filter(person=access.person).values_list(
        "school_id", "role"
    ):
        if role in roles:
            if school_id is None:
                return None
            schools.add(school_id)
    return schools


def is_staff(access: Access) -> bool:
    return bool(access.roles & CONSENT_ROLES)


def people_for_staff(access: Access, roles: frozenset[str] = CONSENT_ROLES) -> QuerySet[Person]:
    """The people of the caller's school(s) (whole board for a board-wide role)."""
    if access.person is None:
        return Person.objects.none()
    base = Person.objects.filter(board_id=access.person.board_id, active=True)
    schools = staff_schools(access, roles)
    if schools is None:
        return base
    if not schools:
        return Person.objects.none()
    return base.filter(pk__in=Membership.objects.filter(school_id__in=schools).values("person_id"))


def own_people(access: Access) -> list[Person]:
    """Whose consent this account decides or sees as a parent: their children, and themself."""
    if access.person is None:
        return []
    me = access.person
    children = list(
        Person.objects.filter(
            pk__in=ParentLink.objects.filter(parent=me).values("child_id"), active=True
        ).order_by("first_name")
    )
    return [*children, me]


def may_decide(access: Access, person: Person, day: date) -> bool:
    """Whether this account may give, refuse or withdraw consent for ``person`` on ``day``."""
    me = access.person
    if me is None or me.board_id != person.board_id:
        return False
    capacity = who_decides(person, day)
    if person.pk == me.pk:
        return capacity is Capacity.SELF
    return (
        capacity is Capacity.PARENT and ParentLink.objects.filter(parent=me, child=person).exists()
    )


def staff_may_see(access: Access, person: Person) -> bool:
    return people_for_staff(access).filter(pk=person.pk).exists()


def search_people(access: Access, query: str, limit: int = 8) -> list[Person]:
    """Search-as-you-type by name within the caller's school(s): every word must start a name
    part (first name, roepnaam, tussenvoegsel or last name)."""
    words = [w for w in query.split() if w][:4]
    if not words:
        return []
    people = people_for_staff(access)
    for word in words:
        people = people.filter(
            Q(first_name__istartswith=word)
            | Q(nickname__istartswith=word)
            | Q(prefix__istartswith=word)
            | Q(last_name__istartswith=word)
        )
    return list(people.order_by("first_name", "last_name")[:limit])
