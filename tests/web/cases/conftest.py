"""Case personas on top of tests/web's world (healthchecks' named personas).

Added to board ASKO:
  piet  – supervisor (only) at De Zonnewijzer
  kees  – management of the other school, De Klimop
  bert  – the board (bevoegd gezag), board-wide
  priya – privacy officer, board-wide
  ilse  – pupil records (leerlingadministratie/IB) at De Zonnewijzer
Two cases at De Zonnewijzer: a staff case about sanne (with evidence, the vertrouwensinspecteur
task done, a warning and its letter in her personeelsdossier) and a pupil case about lisa (a
suspension with its checklist and the letter to her parents in her leerlingendossier).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from socialprotocol.engine.directory import parse_directory_csv
from socialprotocol.web.cases.actions import measures, workflow
from socialprotocol.web.cases.actions.report import (
    Involved,
    NewReport,
    do_add_involvement,
    do_report_case,
)
from socialprotocol.web.cases.evidence import check_evidence
from socialprotocol.web.cases.models import Case, Dossier, FileKind
from socialprotocol.web.people.actions import do_create_account, do_grant_role, do_import_directory
from socialprotocol.web.people.models import Person, School
from tests.web.conftest import PASSWORD, World, verified_client
from tests.web.helpers import tiny_png

EXTRA_CSV = """id,first_name,prefix,last_name,nickname,role,school,group,birth_date,handles,parent_of
m5,Piet,,Smit,,staff,De Zonnewijzer,,,,
m6,Kees,,Mulder,,staff,De Klimop,,,,
m7,Bert,,Dekker,,staff,,,,,
m8,Priya,,Ramdin,,staff,,,,,
m9,Ilse,,Bos,,staff,De Zonnewijzer,,,,
"""
EXTRA = {
    "piet": ("m5", "supervisor", "De Zonnewijzer"),
    "kees": ("m6", "management", "De Klimop"),
    "bert": ("m7", "board", None),
    "priya": ("m8", "privacy_officer", None),
    "ilse": ("m9", "pupil_records", "De Zonnewijzer"),
}
# Every persona the issue names, plus ilse (pupil records) and anna (the board's admin).
ALL = ("lisa", "fatma", "sanne", "piet", "marieke", "kees", "henk", "bert", "priya", "ilse",
       "anna", "olaf")  # fmt: skip
SCREENSHOT = tiny_png()
ABUSE = "Juf Sanne van De Zonnewijzer is een waardeloze trut, ik maak haar kapot"


@dataclass
class CaseWorld:
    world: World
    staff_case: Case
    pupil_case: Case
    personnel_file: Dossier
    pupil_file: Dossier

    def __getitem__(self, name: str) -> Any:
        return self.world[name]


def add_personas(world: World) -> None:
    do_import_directory(world.asko, parse_directory_csv(EXTRA_CSV), acting_user=None)
    for name, (pid, role, school) in EXTRA.items():
        person = Person.objects.get(board=world.asko, external_id=pid)
        at = School.objects.get(board=world.asko, name=school) if school else None
        do_grant_role(person, role, school=at, acting_user=None)
        world.users[name] = do_create_account(person, name, PASSWORD, acting_user=None)


def person(world: World, name: str) -> Person:
    return Person.objects.get(user=world[name])


def report(world: World, reporter: str, text: str, **kw: Any) -> Case:
    zon = School.objects.get(board=world.asko, name="De Zonnewijzer")
    files = [check_evidence(SimpleUploadedFile("scherm.png", SCREENSHOT))]
    new = NewReport(description="Gezien op Instagram", school=zon, platform="instagram",
                    post_text=text, reporter=person(world, reporter), files=files, **kw)  # fmt: skip
    case, _ = do_report_case(world.asko, new, acting_user=world[reporter])
    return case


@pytest.fixture
def case_world(world: World) -> CaseWorld:
    add_personas(world)
    bert, marieke = world["bert"], world["marieke"]
    staff_case = report(world, "fatma", ABUSE, poster_role="staff")
    sanne = do_add_involvement(staff_case, Involved("staff", "reported", person(world, "sanne")),
                               acting_user=marieke)  # fmt: skip
    workflow.do_transition_case(staff_case, "in_behandeling", acting_user=marieke)
    task = workflow.do_qualify_grensoverschrijdend(staff_case, acting_user=bert)
    assert task is not None
    workflow.do_complete_call_task(task, called_by="Bert Dekker", called_at=timezone.now(),
                                   outcome="Advies: gesprek", acting_user=bert)  # fmt: skip
    warning = measures.do_decide_measure(sanne, "waarschuwing", decided_on=dt.date(2026, 11, 2),
                                         reasons="Kwetsende taal", acting_user=bert)  # fmt: skip
    measures.do_send_measure_letter(warning, acting_user=bert)
    workflow.do_mark_possibly_criminal(staff_case, acting_user=marieke)  # an open aangifte task

    pupil_case = report(world, "sanne", "Lisa zegt: juf Sanne is dom", poster_role="pupil",
                        hide_name=False)  # fmt: skip
    lisa = do_add_involvement(pupil_case, Involved("pupil", "reported", person(world, "lisa")),
                              acting_user=marieke)  # fmt: skip
    workflow.do_transition_case(pupil_case, "in_behandeling", acting_user=marieke)
    suspension = measures.do_decide_measure(lisa, "schorsing", decided_on=dt.date(2026, 11, 3),
                                            reasons="Herhaald", acting_user=marieke)  # fmt: skip
    measures.do_send_measure_letter(suspension, acting_user=marieke)
    return CaseWorld(
        world, staff_case, pupil_case,
        Dossier.objects.get(person=person(world, "sanne"), kind=FileKind.PERSONNEL),
        Dossier.objects.get(person=person(world, "lisa"), kind=FileKind.PUPIL),
    )  # fmt: skip


@pytest.fixture
def case_clients(case_world: CaseWorld) -> dict[str, Client]:
    return {name: verified_client(case_world[name]) for name in ALL}


@pytest.fixture
def purge_records_after(transactional_db: Any) -> Any:
    """Transactional tests end with a flush; on SQLite that is a DELETE, which the record
    triggers refuse. Remove the records the way the purge does, before the flush."""
    yield
    from django.db import transaction

    from socialprotocol.web.cases.models import DossierEntry, Evidence, PurgeLock, retention_purge

    with retention_purge(), transaction.atomic():
        lock = PurgeLock.objects.create()
        DossierEntry.objects.all().delete()
        Evidence.objects.all().delete()
        lock.delete()
