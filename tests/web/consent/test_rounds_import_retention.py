"""Re-confirmation rounds from the school page, the CSV import command, voices, English, and
the retention of post photos."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from socialprotocol.web.consent.actions import do_record_consent
from socialprotocol.web.consent.models import ConsentRecord, ConsentRound, Publication, Purpose
from socialprotocol.web.consent.post_actions import (
    do_create_publication,
    do_make_copy,
    do_set_voices,
)
from socialprotocol.web.consent.retention import do_purge_post_media
from socialprotocol.web.core.models import AuditLog
from socialprotocol.web.people.models import Person
from tests.web.conftest import World
from tests.web.consent.helpers import check_with_photo


def test_management_starts_a_round_for_their_school_and_parents_are_asked_to_confirm(
    world: World, clients: dict[str, Client], purposes: dict[str, Purpose], tim: Person
) -> None:
    from django.core import mail

    world["fatma"].email = "fatma@example.org"
    world["fatma"].save()
    deadline = (timezone.localdate() + timedelta(days=30)).isoformat()
    school = tim.memberships.get().school
    assert school is not None
    response = clients["marieke"].post(
        "/toestemming/rondes/",
        {"name": "Schooljaar 2026-2027", "deadline": deadline, "school": school.pk},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    made = ConsentRound.objects.get()
    assert (made.school, made.started_by) == (school, world["marieke"])
    assert AuditLog.objects.filter(event="consent_round_started").exists()
    assert [m.to for m in mail.outbox] == [["fatma@example.org"]]  # one mail, two children
    assert "/toestemming/" in mail.outbox[0].body
    home = clients["fatma"].get("/toestemming/").content.decode()
    assert "Schooljaar 2026-2027: bevestig je keuzes" in home
    clients["fatma"].post(
        f"/toestemming/{tim.pk}/doel/{purposes['social'].pk}/", {"decision": "given"}
    )
    assert ConsentRecord.objects.get(subject=tim).consent_round == made


@pytest.mark.parametrize("persona", ["sanne", "fatma", "henk", "lisa"])
def test_only_management_starts_rounds(clients: dict[str, Client], persona: str) -> None:
    assert clients[persona].get("/toestemming/rondes/").status_code == 404


def test_the_import_command_checks_first_and_records_with_apply(
    world: World, purposes: dict[str, Purpose], tim: Person, tmp_path: Path
) -> None:
    csv_file = tmp_path / "toestemming.csv"
    csv_file.write_text(
        "person,purpose,decision,given_by,given_by_name,decided_on\n"
        "l15,social,ja,,J. Yilmaz (formulier),2026-09-01\n"
        "l15,socials,ja,o1,,\n",
        encoding="utf-8",
    )
    out, err = StringIO(), StringIO()
    call_command("import_consents", "ASKO", str(csv_file), stdout=out, stderr=err)
    assert "1 regels goed" in out.getvalue() and "regel 3: Onbekend doel" in err.getvalue()
    assert not ConsentRecord.objects.exists()
    call_command("import_consents", "ASKO", str(csv_file), "--apply", stdout=out, stderr=err)
    record = ConsentRecord.objects.get()
    assert (record.given_by_name, record.method, record.capacity) == (
        "J. Yilmaz (formulier)",
        "import",
        "parent",
    )


def test_sound_stays_in_the_copy_only_when_everyone_heard_consented(
    world: World, purposes: dict[str, Purpose], tim: Person, lisa_person: Person,
    fatma_person: Person,
) -> None:  # fmt: skip
    social = purposes["social"]
    item = check_with_photo(world["sanne"]).media.get()
    pub = do_create_publication(item, social, acting_user=world["sanne"])
    do_record_consent(lisa_person, social, "given", given_by=fatma_person, method="form",
                      acting_user=None)  # fmt: skip
    do_set_voices(pub, [lisa_person], acting_user=world["sanne"])
    do_make_copy(pub, acting_user=world["sanne"])
    assert pub.voices.get().shown_in_copy
    do_set_voices(pub, [lisa_person, tim], acting_user=world["sanne"])
    do_make_copy(pub, acting_user=world["sanne"])
    assert not any(v.shown_in_copy for v in pub.voices.all())


def test_a_parent_reads_the_page_in_english(
    clients: dict[str, Client], purposes: dict[str, Purpose], tim: Person
) -> None:
    page = clients["fatma"].get("/toestemming/", HTTP_ACCEPT_LANGUAGE="en")
    body = page.content.decode()
    assert "Consent for photos and videos" in body and "Yes, allowed" in body


def test_post_photos_are_deleted_after_the_retention_but_who_was_shown_stays(
    world: World, purposes: dict[str, Purpose], tim: Person, fatma_person: Person
) -> None:
    social = purposes["social"]
    do_record_consent(tim, social, "given", given_by=fatma_person, method="form", acting_user=None)
    item = check_with_photo(world["sanne"]).media.get()
    pub = do_create_publication(item, social, acting_user=world["sanne"])
    pub.faces.filter(index=0).update(person=tim)
    do_make_copy(pub, acting_user=world["sanne"])
    files = [Path(pub.original.path), Path(pub.copy.path)]
    assert do_purge_post_media(now=timezone.now() + timedelta(days=364)) == 0
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("django.db.transaction.on_commit", lambda fn, using=None: fn())
        assert do_purge_post_media(now=timezone.now() + timedelta(days=366)) == 1
    pub = Publication.objects.get()
    assert not pub.original and not pub.copy
    assert not any(f.exists() for f in files)
    assert pub.faces.get(index=0).shown_in_copy


def test_the_board_admin_imports_consents_on_a_page_with_errors_per_row(
    world: World, clients: dict[str, Client], purposes: dict[str, Purpose], tim: Person
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    csv_bytes = b"person;purpose;decision;given_by\nl15;social;ja;o1\nl15;social;ja;l15\n"
    page = clients["anna"].post(
        "/toestemming/import/",
        {"file": SimpleUploadedFile("t.csv", csv_bytes, "text/csv"), "apply": "on"},
    )
    body = page.content.decode()
    assert "1 regels goed, 1 vastgelegd, 1 met fouten." in body
    assert "regel 3: Onder de 16 beslist een ouder of verzorger." in body
    assert ConsentRecord.objects.count() == 1
    assert clients["marieke"].get("/toestemming/import/").status_code == 404
    assert "Toestemmingen importeren" in clients["anna"].get("/toestemming/").content.decode()


def test_a_round_asks_parents_of_pupils_under_16_and_pupils_from_16_themselves(
    world: World, purposes: dict[str, Purpose], noor: Person, fatma_person: Person
) -> None:
    from socialprotocol.web.consent.actions import do_start_round
    from socialprotocol.web.consent.rounds import deciders

    made = do_start_round(world.asko, "Ronde", timezone.localdate() + timedelta(days=9),
                          acting_user=None)  # fmt: skip
    assert set(deciders(made)) == {fatma_person, noor}  # fatma for lisa (10), not for noor
    Person.objects.filter(external_id="l1").update(active=False)
    lisa = Person.objects.get(external_id="l1")
    lisa.parent_links.all().delete()
    assert set(deciders(made)) == {noor}


def test_a_parent_confirms_an_earlier_yes_in_a_round_and_it_then_survives_the_deadline(
    world: World, clients: dict[str, Client], purposes: dict[str, Purpose],
    lisa_person: Person, fatma_person: Person,
) -> None:  # fmt: skip
    lisa = lisa_person  # 10: her parent decides before and after the deadline
    from socialprotocol.web.consent.actions import do_start_round
    from socialprotocol.web.consent.lookup import statuses_for_purpose
    from socialprotocol.web.consent.rules import Status

    social = purposes["social"]
    do_record_consent(lisa, social, "given", given_by=fatma_person, method="form", acting_user=None)
    do_start_round(world.asko, "Ronde", timezone.localdate() + timedelta(days=9), acting_user=None)
    fatma = clients["fatma"]
    assert "Bevestig ja: Sociale media van de school" in fatma.get("/toestemming/").content.decode()
    fatma.post(f"/toestemming/{lisa.pk}/doel/{social.pk}/", {"decision": "given"})
    assert "Bevestig ja: Sociale media" not in fatma.get("/toestemming/").content.decode()
    after = timezone.localdate() + timedelta(days=10)
    assert statuses_for_purpose(world.asko, [lisa.pk], social.pk, day=after)[lisa.pk] is Status.YES
