"""The administration records a signed paper form with its scan; only for its own school."""

from __future__ import annotations

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from socialprotocol.web.consent.models import ConsentRecord, Purpose
from socialprotocol.web.core.models import AuditLog
from socialprotocol.web.people.models import Person
from tests.web.conftest import World

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _form(purpose: Purpose, signer: Person | None, **extra: object) -> dict[str, object]:
    data: dict[str, object] = {
        "purpose": purpose.pk, "decision": "given", "given_by": signer.pk if signer else "",
        "decided_on": (timezone.localdate() - timedelta(days=30)).isoformat(),
        "evidence": "archief 2026/17",
    }  # fmt: skip
    data.update(extra)
    return data


def test_management_records_a_signed_form_with_its_scan_and_staff_can_open_it(
    world: World, clients: dict[str, Client], purposes: dict[str, Purpose], tim: Person,
    fatma_person: Person,
) -> None:  # fmt: skip
    url = f"/toestemming/personen/{tim.pk}/formulier/"
    scan = SimpleUploadedFile("formulier.pdf", PDF, "application/pdf")
    response = clients["marieke"].post(url, _form(purposes["press"], fatma_person, scan=scan))
    assert response.status_code == 302, response.content.decode()[:2000]
    record = ConsentRecord.objects.get()
    assert (record.method, record.capacity, record.given_by, record.evidence) == (
        "paper",
        "parent",
        fatma_person,
        "archief 2026/17",
    )
    page = clients["sanne"].get(f"/toestemming/personen/{tim.pk}/").content.decode()
    assert f"/toestemming/scans/{record.pk}" in page
    opened = clients["sanne"].get(f"/toestemming/scans/{record.pk}")
    assert b"".join(opened.streaming_content) == PDF
    assert AuditLog.objects.filter(event="consent_viewed", detail__where="scan").exists()
    assert clients["olaf"].get(f"/toestemming/scans/{record.pk}").status_code == 404
    assert clients["fatma"].get(f"/toestemming/scans/{record.pk}").status_code == 404


def test_a_paper_form_is_refused_for_the_wrong_signer_a_bad_file_or_a_teacher(
    world: World, clients: dict[str, Client], purposes: dict[str, Purpose], noor: Person,
    fatma_person: Person,
) -> None:  # fmt: skip
    url = f"/toestemming/personen/{noor.pk}/formulier/"
    today = timezone.localdate().isoformat()
    wrong = clients["marieke"].post(url, _form(purposes["social"], fatma_person, decided_on=today))
    assert (
        wrong.status_code == 400
        and "Vanaf 16 jaar beslist de leerling zelf" in wrong.content.decode()
    )
    fake = SimpleUploadedFile("scan.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    bad = clients["marieke"].post(url, _form(purposes["social"], noor, scan=fake))
    assert bad.status_code == 400 and "Kies een pdf, jpg of png" in bad.content.decode()
    nobody = clients["marieke"].post(url, _form(purposes["social"], None))
    assert nobody.status_code == 400
    assert clients["sanne"].get(url).status_code == 404
    assert not ConsentRecord.objects.exists()
