"""Consent personas on top of the web personas (tests/web/conftest.py).

At De Zonnewijzer (board ASKO), besides lisa (pupil, 10) and fatma (her parent):
  tim   – pupil aged exactly 15 (16 tomorrow), parent: fatma
  noor  – pupil aged exactly 16 (birthday today), parent: fatma
and ``purposes``: the board's five default purposes.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from socialprotocol.web.consent.actions import do_create_default_purposes
from socialprotocol.web.consent.models import Purpose
from socialprotocol.web.people.actions import do_grant_role, do_link_parent
from socialprotocol.web.people.models import Person, School
from tests.web.conftest import World


def born_years_ago(age: int, *, plus_days: int = 0) -> date:
    today = timezone.localdate()
    try:
        day = today.replace(year=today.year - age)
    except ValueError:  # 29 February
        day = today.replace(year=today.year - age, day=28)
    return day + timedelta(days=plus_days)


def add_pupil(
    world: World,
    external_id: str,
    first: str,
    last: str,
    birth: date | None,
    *,
    school: str = "De Zonnewijzer",
    parent: str | None = "o1",
) -> Person:
    person = Person.objects.create(
        board=world.asko,
        external_id=external_id,
        first_name=first,
        last_name=last,
        birth_date=birth,
    )
    do_grant_role(
        person, "pupil", school=School.objects.get(board=world.asko, name=school), acting_user=None
    )
    if parent:
        do_link_parent(
            Person.objects.get(board=world.asko, external_id=parent), person, acting_user=None
        )
    return person


@pytest.fixture
def purposes(world: World) -> dict[str, Purpose]:
    do_create_default_purposes(world.asko, acting_user=None)
    return {p.key: p for p in Purpose.objects.filter(board=world.asko)}


@pytest.fixture
def tim(world: World) -> Person:
    return add_pupil(world, "l15", "Tim", "Yilmaz", born_years_ago(16, plus_days=1))


@pytest.fixture
def noor(world: World) -> Person:
    return add_pupil(world, "l16", "Noor", "Yilmaz", born_years_ago(16))


@pytest.fixture
def fatma_person(world: World) -> Person:
    return Person.objects.get(board=world.asko, external_id="o1")


@pytest.fixture
def lisa_person(world: World) -> Person:
    return Person.objects.get(board=world.asko, external_id="l1")
