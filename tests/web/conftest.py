"""Named personas of two boards (healthchecks' alice/bob/charlie habit).

Board "ASKO" with schools De Zonnewijzer and De Klimop:
  lisa    – pupil, groep 6, De Zonnewijzer
  fatma   – parent of lisa
  sanne   – teacher (staff) at De Zonnewijzer
  marieke – supervisor and management at De Zonnewijzer
  henk    – HR for the whole board (two-factor required)
  anna    – admin for the whole board (two-factor required)
Board "Stichting Anders":
  olaf    – outsider: a teacher (and admin) at another board
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from socialprotocol.engine.directory import parse_directory_csv
from socialprotocol.web.core.actions import do_create_board
from socialprotocol.web.core.models import Board
from socialprotocol.web.people.actions import (
    do_create_account,
    do_grant_role,
    do_import_directory,
)
from socialprotocol.web.people.models import Person, School

PASSWORD = "correct-horse-battery"

ASKO_CSV = """id,first_name,prefix,last_name,nickname,role,school,group,birth_date,handles,parent_of
l1,Lisa,,Yilmaz,,pupil,De Zonnewijzer,groep 6,2016-04-12,,
l2,Daan,de,Boer,,pupil,De Klimop,groep 3,2018-01-02,,
o1,Fatma,,Yilmaz,,parent,De Zonnewijzer,,,instagram:fatma.yilmaz84,l1
m1,Sanne,,Visser,,staff,De Zonnewijzer,groep 6,,instagram:juf.sanne.zw,
m2,Marieke,de,Graaf,,staff,De Zonnewijzer,,,,
m3,Henk,,Jansen,,staff,De Klimop,,,,
m4,Anna,,Bakker,,staff,De Klimop,,,,
"""
OTHER_CSV = """id,first_name,prefix,last_name,nickname,role,school,group,birth_date,handles,parent_of
x1,Olaf,,Olsen,,staff,De Andere School,groep 5,,,
x2,Pim,,Peters,,pupil,De Andere School,groep 5,2015-05-05,,
"""


@dataclass
class World:
    asko: Board
    other: Board
    users: dict[str, User]

    def __getitem__(self, name: str) -> User:
        return self.users[name]


@pytest.fixture(autouse=True)
def _web_settings(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.Argon2PasswordHasher",  # the personas built once use it
    ]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _roles(board: Board, pid: str, roles: tuple[str, ...], school: str | None) -> Person:
    person = Person.objects.get(board=board, external_id=pid)
    at = School.objects.get(board=board, name=school) if school else None
    for role in roles:
        do_grant_role(person, role, school=at, acting_user=None)
    return person


PLAN = {
    "lisa": ("ASKO", "l1", (), None),
    "fatma": ("ASKO", "o1", (), None),
    "sanne": ("ASKO", "m1", ("teacher",), "De Zonnewijzer"),
    "marieke": ("ASKO", "m2", ("supervisor", "management"), "De Zonnewijzer"),
    "henk": ("ASKO", "m3", ("hr",), None),
    "anna": ("ASKO", "m4", ("admin",), None),
    "olaf": ("Stichting Anders", "x1", ("teacher", "admin"), None),
}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    # The personas are built once per test database; each test runs in a transaction that is
    # rolled back. A transactional test flushes them; ``world`` then builds them again.
    from django.test import override_settings

    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=fast):
        _build_world()


def _load_world() -> World | None:
    boards = {b.name: b for b in Board.objects.filter(name__in=["ASKO", "Stichting Anders"])}
    users = {u.username: u for u in User.objects.filter(username__in=list(PLAN))}
    if len(boards) != 2 or len(users) != len(PLAN):
        return None
    return World(boards["ASKO"], boards["Stichting Anders"], users)


def _build_world() -> World:
    asko = do_create_board("ASKO", acting_user=None)
    other = do_create_board("Stichting Anders", acting_user=None)
    do_import_directory(asko, parse_directory_csv(ASKO_CSV), acting_user=None)
    do_import_directory(other, parse_directory_csv(OTHER_CSV), acting_user=None)
    boards = {"ASKO": asko, "Stichting Anders": other}
    users = {}
    for name, (board, pid, roles, school) in PLAN.items():
        person = _roles(boards[board], pid, roles, school)
        users[name] = do_create_account(person, name, PASSWORD, acting_user=None)
    return World(asko, other, users)


@pytest.fixture
def world(db: Any) -> World:
    return _load_world() or _build_world()


def verified_client(user: User) -> Client:
    """A logged-in client; for two-factor roles also past the authenticator step."""
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


PERSONAS = ("lisa", "fatma", "sanne", "marieke", "henk", "anna", "olaf")


class _Clients(dict[str, Client]):
    """Logged-in clients, made when a test first asks for one."""

    def __init__(self, world: World) -> None:
        super().__init__()
        self.world = world

    def __missing__(self, name: str) -> Client:
        client = verified_client(self.world[name])
        self[name] = client
        return client


@pytest.fixture
def clients(world: World) -> dict[str, Client]:
    return _Clients(world)


# Playwright driving Debian's chromium (no browser download), headless, offline. One browser
# per test process for every app's browser tests: a second sync_playwright would fail.
CHROMIUM = os.environ.get("SOCIALPROTOCOL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.skip(f"no chromium at {CHROMIUM} (apt-get install chromium)")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop in a sync test
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()
