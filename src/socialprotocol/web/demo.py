"""The demo board of ``socialprotocol serve --demo``: the bundled fictional schools and logins.

Idempotent: running it again changes nothing that is already there.
"""

from __future__ import annotations

from importlib import resources

from django.contrib.auth.models import User
from django.db import transaction

from socialprotocol.engine.directory import parse_directory_csv
from socialprotocol.web.consent.actions import do_create_default_purposes
from socialprotocol.web.consent.models import Purpose
from socialprotocol.web.core.actions import do_create_board
from socialprotocol.web.core.models import Board
from socialprotocol.web.people.actions import do_create_account, do_grant_role, do_import_directory
from socialprotocol.web.people.models import Person, School

BOARD = "ASKO (demo)"
PASSWORD = "demo-protocol-2018"  # noqa: S105 - the demo logins are public on purpose
# login -> (directory id, extra roles, board-wide?)
LOGINS: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "leerling": ("zw-l001", (), False),
    "ouder": ("zw-o001", (), False),
    "leraar": ("zw-m001", ("teacher",), False),
    "leidinggevende": ("zw-m003", ("supervisor", "management"), False),
    "hr": ("kl-m103", ("hr",), True),
    "beheerder": ("kl-m101", ("admin",), True),
    "bestuur": ("kl-m102", ("board",), True),  # cases: the board (bevoegd gezag)
    "privacy": ("kl-m104", ("privacy_officer",), True),  # reads the audit log
    "ib": ("zw-m002", ("pupil_records",), False),  # leerlingendossiers of De Zonnewijzer
}


def load_demo() -> Board:
    board = Board.objects.filter(name=BOARD).first()
    if board is None:
        board = do_create_board(BOARD, acting_user=None)
    if not Person.objects.filter(board=board).exists():
        text = (resources.files("socialprotocol.demo") / "people.csv").read_text("utf-8")
        do_import_directory(board, parse_directory_csv(text, "demo/people.csv"), acting_user=None)
    with transaction.atomic():
        for login, (pid, roles, board_wide) in LOGINS.items():
            person = Person.objects.filter(board=board, external_id=pid).first()
            if person is None or User.objects.filter(username=login).exists():
                continue
            school = None if board_wide else person.memberships.values_list("school", flat=True).first()
            for role in roles:
                do_grant_role(
                    person,
                    role,
                    school=School.objects.filter(pk=school).first() if school else None,
                    acting_user=None,
                )
            do_create_account(person, login, PASSWORD, acting_user=None)
    if not Purpose.objects.filter(board=board).exists():
        do_create_default_purposes(board, acting_user=None)
    return board
