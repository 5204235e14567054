"""Who someone is in the directory: their person, board and roles. Every view asks here."""

from __future__ import annotations

from typing import Any

from socialprotocol.web.core.models import Board
from socialprotocol.web.people.models import STAFF_ROLES, TWO_FACTOR_ROLES, Membership, Person

_CACHE = "_socialprotocol_access"


class Access:
    """The directory facts of one account, loaded with one query and cached on the user."""

    def __init__(self, person: Person | None, roles: frozenset[str]) -> None:
        self.person = person
        self.roles = roles

    @property
    def board(self) -> Board | None:
        return self.person.board if self.person is not None else None

    @property
    def board_id(self) -> int | None:
        return self.person.board_id if self.person is not None else None

    def has(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def needs_two_factor(self) -> bool:
        return bool(self.roles & TWO_FACTOR_ROLES)

    @property
    def poster_role(self) -> str:
        """The role a post is checked for by default."""
        if self.roles & STAFF_ROLES:
            return "staff"
        for role in ("parent", "pupil"):
            if role in self.roles:
                return role
        return "other"


def access_of(user: Any) -> Access:
    cached: Access | None = getattr(user, _CACHE, None)
    if cached is not None:
        return cached
    person = None
    roles: frozenset[str] = frozenset()
    if getattr(user, "is_authenticated", False):
        person = (
            Person.objects.select_related("board")
            .filter(user_id=user.pk, active=True)
            .first()
        )
        if person is not None:
            roles = frozenset(
                Membership.objects.filter(person=person).values_list("role", flat=True)
            )
    result = Access(person, roles)
    setattr(user, _CACHE, result)
    return result
