"""Evidence and file entries are never altered or deleted, except by the retention purge."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from socialprotocol.web.cases.actions.dossier import do_record_file_end
from socialprotocol.web.cases.actions.retention import do_purge_expired_records
from socialprotocol.web.cases.evidence import EvidenceError, check_evidence
from socialprotocol.web.cases.models import (
    Case,
    Dossier,
    DossierEntry,
    Evidence,
    ImmutableRecordError,
    State,
)
from socialprotocol.web.core.models import AuditLog
from tests.web.cases.conftest import SCREENSHOT, CaseWorld


def test_evidence_is_stored_with_hash_size_type_uploader_and_time(case_world: CaseWorld) -> None:
    row = case_world.staff_case.evidence.get()
    assert row.sha256 == hashlib.sha256(SCREENSHOT).hexdigest()
    assert row.size == len(SCREENSHOT) and row.content_type == "image/png"
    assert row.uploaded_by == case_world["fatma"] and row.uploaded_at is not None
    assert hashlib.sha256(row.file.read()).hexdigest() == row.sha256


def test_it_refuses_to_change_evidence(case_world: CaseWorld) -> None:
    row = case_world.staff_case.evidence.get()
    row.name = "ander.png"
    with pytest.raises(ImmutableRecordError):
        row.save()
    with pytest.raises(ImmutableRecordError):
        Evidence.objects.filter(pk=row.pk).update(sha256="0" * 64)
    with pytest.raises(ImmutableRecordError):
        Evidence.objects.bulk_update([row], ["name"])


def test_it_refuses_to_delete_evidence_outside_retention(case_world: CaseWorld) -> None:
    row = case_world.staff_case.evidence.get()
    with pytest.raises(ImmutableRecordError):
        row.delete()
    with pytest.raises(ImmutableRecordError):
        Evidence.objects.filter(pk=row.pk).delete()
    with pytest.raises((ImmutableRecordError, IntegrityError)), transaction.atomic():
        Case.objects.filter(pk=case_world.staff_case.pk).delete()  # cascade is refused too
    assert Evidence.objects.filter(pk=row.pk).exists()


def test_it_refuses_to_change_or_delete_a_file_entry(case_world: CaseWorld) -> None:
    entry = case_world.personnel_file.entries.get()
    entry.body = "anders"
    with pytest.raises(ImmutableRecordError):
        entry.save()
    with pytest.raises(ImmutableRecordError):
        entry.delete()
    with pytest.raises(ImmutableRecordError):
        DossierEntry.objects.all().delete()


@pytest.mark.parametrize(
    ("data", "ok"),
    [(SCREENSHOT, True), (b"%PDF-1.4\n...", True), (b"MZ\x90\x00 not an image", False),
     (b"\x89PNG\r\n\x1a\n truncated", False), (b"", False)],
)  # fmt: skip
def test_evidence_type_is_judged_by_content_not_by_name(data: bytes, ok: bool) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("foto.png", data, content_type="image/png")
    if ok:
        assert check_evidence(upload).sha256 == hashlib.sha256(data).hexdigest()
    else:
        with pytest.raises(EvidenceError):
            check_evidence(upload)


def _end(dossier: Dossier, years_ago: int, world: CaseWorld) -> None:
    today = timezone.localdate()
    do_record_file_end(dossier, today.replace(year=today.year - years_ago) - dt.timedelta(days=1),
                       acting_user=world["henk"])  # fmt: skip


def test_the_purge_keeps_files_within_retention(case_world: CaseWorld) -> None:
    _end(case_world.personnel_file, 1, case_world)
    report = do_purge_expired_records(timezone.localdate())
    assert report.dossiers == [] and report.entries == 0
    assert Dossier.objects.filter(pk=case_world.personnel_file.pk).exists()


def test_the_purge_removes_a_file_two_years_after_employment_ended(
    case_world: CaseWorld, capsys: pytest.CaptureFixture[str]
) -> None:
    path = case_world.personnel_file.entries.get().file.path
    _end(case_world.personnel_file, 2, case_world)
    call_command("purge_case_records")
    out = capsys.readouterr().out
    assert "dossiers verwijderd: 1" in out and "dossierstukken verwijderd: 1" in out
    assert not Dossier.objects.filter(pk=case_world.personnel_file.pk).exists()
    assert Dossier.objects.filter(pk=case_world.pupil_file.pk).exists()
    import os

    assert not os.path.exists(path)
    assert AuditLog.objects.filter(event="dossier_purged").count() == 1


def test_the_background_worker_runs_the_retention_purge_once_a_day(case_world: CaseWorld) -> None:
    from socialprotocol.web.checks.management.commands.run_worker import _daily_purge

    _end(case_world.personnel_file, 2, case_world)
    ran_for = _daily_purge(None)
    assert ran_for == timezone.localdate()
    assert not Dossier.objects.filter(pk=case_world.personnel_file.pk).exists()
    assert Dossier.objects.filter(pk=case_world.pupil_file.pk).exists()
    _end(case_world.pupil_file, 3, case_world)
    assert _daily_purge(ran_for) == ran_for  # the same day: not again
    assert Dossier.objects.filter(pk=case_world.pupil_file.pk).exists()


def test_the_purge_removes_closed_cases_and_their_evidence_when_no_file_refers_to_them(
    case_world: CaseWorld, settings: object
) -> None:
    from tests.web.cases.conftest import report

    case = report(case_world.world, "lisa", "Pesten in de groepsapp")
    for state in ("in_behandeling", "afgesloten"):
        from socialprotocol.web.cases.actions.workflow import do_transition_case

        do_transition_case(case, state, acting_user=None)
    Case.objects.filter(pk=case.pk).update(closed_at=timezone.now() - dt.timedelta(days=3 * 366))
    result = do_purge_expired_records(timezone.localdate())
    assert result.cases == [case.reference] and result.evidence == 1
    assert not Case.objects.filter(pk=case.pk).exists()
    # Cases whose letters are in a file stay as long as the file does.
    assert Case.objects.filter(pk=case_world.staff_case.pk).exists()
    assert Case.objects.get(pk=case_world.pupil_case.pk).state != State.CLOSED


def test_the_database_itself_refuses_to_alter_or_delete_evidence(case_world: CaseWorld) -> None:
    from django.db import DatabaseError, connection

    row = case_world.staff_case.evidence.get()
    for sql in ("UPDATE cases_evidence SET sha256 = 'x' WHERE id = %s",
                "DELETE FROM cases_evidence WHERE id = %s",
                "UPDATE cases_dossierentry SET body = 'x' WHERE id = %s",
                "DELETE FROM cases_dossierentry WHERE id = %s"):  # fmt: skip
        pk = row.pk if "evidence" in sql else case_world.personnel_file.entries.get().pk
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [pk])
    assert Evidence.objects.get(pk=row.pk).sha256 == row.sha256


def test_the_integrity_check_finds_a_file_changed_on_disk(
    case_world: CaseWorld, capsys: pytest.CaptureFixture[str]
) -> None:
    from django.core.management.base import CommandError

    call_command("verify_case_records")
    assert "4 bestanden gecontroleerd" in capsys.readouterr().out  # 2 screenshots, 2 letters
    evidence = case_world.staff_case.evidence.get()
    with open(evidence.file.path, "ab") as fh:
        fh.write(b"tampered")
    with pytest.raises(CommandError, match="1 van"):
        call_command("verify_case_records")
    assert f"bewijsstuk {evidence.pk}" in capsys.readouterr().err
