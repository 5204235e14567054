"""Importing the directory: a dry run changes nothing, errors per row, then the real import."""

from __future__ import annotations

import tempfile
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from socialprotocol.engine.directory import parse_directory_csv
from socialprotocol.web.core.models import AuditLog, Board
from socialprotocol.web.people.actions import do_import_directory
from socialprotocol.web.people.importer import plan_import
from socialprotocol.web.people.models import Membership, ParentLink, Person
from tests.web.conftest import ASKO_CSV, World

CHANGED = ASKO_CSV.replace("l1,Lisa,,Yilmaz", "l1,Lisa,,Yılmaz") + (
    "l9,Noor,,Smit,,pupil,De Klimop,groep 4,2017-13-45,,\n"
    ",Leeg,,Id,,pupil,De Klimop,,,,\n"
    "o9,Karel,,Smit,,koning,De Klimop,,,,l9 l404\n"
    "o8,Kees,,Smit,,parent,De Klimop,,,,l9 l404\n"
)


def test_a_dry_run_lists_changes_and_errors_and_changes_nothing(world: World) -> None:
    before = Person.objects.count()
    plan = plan_import(world.asko, parse_directory_csv(CHANGED))
    lines = "\n".join(plan.lines())
    assert "nieuw: l9 Noor Smit" in lines
    assert "gewijzigd: l1" in lines and "Yılmaz" in lines
    assert "regel 10: id is leeg" in lines
    assert "onbekende rol 'koning'" in lines
    assert "geboortedatum '2017-13-45'" in lines
    assert "kind 'l404' staat niet in het bestand" in lines
    assert Person.objects.count() == before


def test_the_import_applies_the_plan_and_writes_one_audit_row(world: World) -> None:
    version = world.asko.directory_version
    do_import_directory(world.asko, parse_directory_csv(CHANGED), acting_user=world["anna"])
    assert Person.objects.get(board=world.asko, external_id="l1").last_name == "Yılmaz"
    noor = Person.objects.get(board=world.asko, external_id="l9")
    assert noor.birth_date is None
    assert Membership.objects.filter(person=noor, role="pupil", group__name="groep 4").exists()
    row = AuditLog.objects.filter(event="directory_imported", acting_user=world["anna"]).get()
    assert row.detail["nieuw"] == 2
    Board.objects.get(pk=world.asko.pk).directory_version == version + 1  # noqa: B015


def test_parents_are_linked_to_their_children(world: World) -> None:
    link = ParentLink.objects.get(parent__external_id="o1")
    assert link.child.external_id == "l1"


def test_importing_the_same_file_twice_changes_nothing(world: World) -> None:
    plan = plan_import(world.asko, parse_directory_csv(ASKO_CSV))
    assert plan.summary()["nieuw"] == 0
    assert plan.summary()["gewijzigd"] == 0


def test_people_of_one_board_never_touch_another_board(world: World) -> None:
    do_import_directory(world.other, parse_directory_csv(ASKO_CSV), acting_user=None)
    assert Person.objects.filter(external_id="l1").count() == 2
    assert Person.objects.get(board=world.asko, external_id="l1").user is not None


def test_the_command_has_a_dry_run(db: Any, tmp_path: Path) -> None:
    path = tmp_path / "mensen.csv"
    path.write_text(ASKO_CSV, encoding="utf-8")
    out = StringIO()
    call_command("import_people", str(path), "--board", "Nieuw", "--create-board", "--dry-run", stdout=out)
    assert "Proefimport" in out.getvalue()
    assert "nieuw: 7" in out.getvalue()
    assert not Person.objects.filter(board__name="Nieuw").exists()
    call_command("import_people", str(path), "--board", "Nieuw", stdout=StringIO())
    assert Person.objects.filter(board__name="Nieuw").count() == 7


def test_the_command_refuses_an_unknown_board(db: Any, tmp_path: Path) -> None:
    from django.core.management.base import CommandError

    path = tmp_path / "mensen.csv"
    path.write_text(ASKO_CSV, encoding="utf-8")
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("import_people", str(path), "--board", "Onbekend")


def test_the_admin_import_shows_a_dry_run_first(world: World, clients: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("mensen.csv", CHANGED.encode())
    response = clients["anna"].post("/beheer/people/person/import/", {"file": upload})
    body = response.content.decode()
    assert "Proefimport" in body and "nieuw: l9 Noor Smit" in body
    assert not Person.objects.filter(external_id="l9").exists()
    upload = SimpleUploadedFile("mensen.csv", CHANGED.encode())
    clients["anna"].post("/beheer/people/person/import/", {"file": upload, "apply": "on"})
    assert Person.objects.filter(board=world.asko, external_id="l9").exists()
    assert not Person.objects.filter(board=world.other, external_id="l9").exists()


def test_the_demo_board_loads_from_the_bundled_directory(db: Any) -> None:
    from socialprotocol.web.demo import LOGINS, load_demo

    board = load_demo()
    assert Person.objects.filter(board=board).count() > 300
    load_demo()  # idempotent
    from django.contrib.auth.models import User

    assert User.objects.filter(username__in=list(LOGINS)).count() == len(LOGINS)
    from socialprotocol.web.consent.models import Purpose

    # a teacher can ask for consent on the demo site straight away
    assert Purpose.objects.filter(board=board).count() == 5


def _oneroster_zip() -> bytes:
    import io
    import zipfile

    from tests.engine.test_directory import _oneroster

    buf = io.BytesIO()
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(buf, "w") as archive:
        for path in _oneroster(Path(tmp)).iterdir():
            archive.write(path, f"export/{path.name}")
        archive.writestr("../../evil.csv", "sourcedId\nx\n")  # never written outside
    return buf.getvalue()


def test_the_admin_imports_a_oneroster_zip(world: World, clients: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("oneroster.zip", _oneroster_zip())
    body = clients["anna"].post(
        "/beheer/people/person/import/", {"file": upload, "apply": "on"}
    ).content.decode()
    assert "Geïmporteerd" in body
    daan = Person.objects.get(board=world.asko, external_id="u1")
    assert (daan.prefix, daan.last_name) == ("van der", "Berg")
    assert ParentLink.objects.filter(parent__external_id="u3", child=daan).exists()
    assert "janitor" in body  # the row error is shown


def test_the_command_imports_a_oneroster_zip(db: Any, tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    path.write_bytes(_oneroster_zip())
    out = StringIO()
    call_command("import_people", str(path), "--board", "B", "--create-board", stdout=out)
    assert Person.objects.filter(external_id="u2", first_name="Sanne").exists()
    assert not (tmp_path.parent / "evil.csv").exists()


def test_a_board_admin_creates_accounts_for_people_of_their_board(world: World, clients: Any) -> None:
    daan = Person.objects.get(board=world.asko, external_id="l2")
    response = clients["anna"].post(
        "/beheer/people/person/",
        {"action": "create_accounts", "_selected_action": [str(daan.pk)]},
        follow=True,
    )
    assert "l2 / " in response.content.decode()
    daan.refresh_from_db()
    assert daan.user is not None and daan.user.username == "l2"
    assert AuditLog.objects.filter(event="account_created", acting_user=world["anna"]).exists()
    pim = Person.objects.get(board=world.other, external_id="x2")
    clients["anna"].post(
        "/beheer/people/person/", {"action": "create_accounts", "_selected_action": [str(pim.pk)]}
    )
    pim.refresh_from_db()
    assert pim.user is None  # another board's person is not even selectable
