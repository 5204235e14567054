"""The teacher's flow through the pages: start from a checked photo, tag, ask, the parent
answers by link, the copy blurs exactly the people without consent; a later withdrawal shows
up as a post to take down."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import numpy as np
import pytest
from django.core import mail
from django.test import Client
from PIL import Image

from socialprotocol.web.consent.actions import do_record_consent
from socialprotocol.web.consent.models import ConsentRecord, FaceTag, Publication, Purpose
from socialprotocol.web.core.models import AuditLog
from socialprotocol.web.people.models import Person
from tests.web.conftest import World
from tests.web.consent.helpers import check_with_photo, link_in_last_mail


@pytest.fixture
def pub(world: World, clients: dict[str, Client], purposes: dict[str, Purpose]) -> Publication:
    check = check_with_photo(world["sanne"])
    response = clients["sanne"].post(f"/toestemming/start/{check.pk}/0/")
    assert response.status_code == 302, response.content[:500]
    return Publication.objects.get()


def _region(path: str, box: tuple[int, int, int, int]) -> np.ndarray:
    x, y, w, h = box
    with Image.open(path) as img:
        return np.asarray(img.convert("RGB").crop((x, y, x + w, y + h)), dtype=np.int16)


def _changed(original: str, copy: str, box: tuple[int, int, int, int]) -> float:
    return float(np.abs(_region(original, box) - _region(copy, box)).mean())


def _isolated(faces: list[FaceTag]) -> list[int]:
    """Faces far from any other: a blurred neighbour's margin can't touch them."""

    def near(a: FaceTag, b: FaceTag) -> bool:  # b's blur margin (45%) reaches into a's box
        mx, my = b.w / 2, b.h / 2
        return not (a.x + a.w < b.x - mx or b.x + b.w + mx < a.x
                    or a.y + a.h < b.y - my or b.y + b.h + my < a.y)  # fmt: skip

    return [a.index for a in faces if not any(near(a, b) for b in faces if b is not a)]


def test_a_teacher_tags_asks_and_downloads_a_copy_blurring_exactly_those_without_consent(
    world: World, clients: dict[str, Client], pub: Publication, purposes: dict[str, Purpose],
    fatma_person: Person, lisa_person: Person, tim: Person, settings: Any,
) -> None:  # fmt: skip
    world["fatma"].email = "fatma@example.org"
    world["fatma"].save()
    do_record_consent(lisa_person, pub.purpose, "given", given_by=fatma_person, method="form",
                      acting_user=None)  # fmt: skip
    faces = list(pub.faces.all())
    assert len(faces) >= 20
    a, b, c, d = _isolated(faces)[:4]
    sanne = clients["sanne"]
    page = sanne.post(f"/toestemming/berichten/{pub.pk}/", {
        "purpose": pub.purpose_id, f"face-{a}": lisa_person.pk, f"face-{b}": tim.pk,
        f"face-{c}-unknown": "1", f"face-{d}-name": "Tim Yil",
    })  # fmt: skip
    assert page.status_code == 302, page.content.decode()[:3000]
    tags = {f.index: f for f in pub.faces.all()}
    assert (tags[a].person, tags[b].person, tags[c].unknown, tags[d].person) == (
        lisa_person,
        tim,
        True,
        tim,
    )
    body = sanne.get(f"/toestemming/berichten/{pub.pk}/").content.decode()
    assert f"<span data-untagged>{len(faces) - 4}</span>" in body

    sanne.post(f"/toestemming/berichten/{pub.pk}/vraag")
    assert [m.to for m in mail.outbox] == [["fatma@example.org"]]  # tim only: lisa said yes
    link = urlsplit(link_in_last_mail()).path

    parent = Client()  # the link needs no login
    shown = parent.get(link)
    assert shown.status_code == 200
    assert "Tim" in shown.content.decode()
    assert parent.get(link + "foto").status_code == 200
    assert parent.post(link, {"answer": "given"}).status_code == 200
    record = ConsentRecord.objects.get(subject=tim)
    assert (record.publication_id, record.given_by, record.method) == (
        pub.pk,
        fatma_person,
        "post_link",
    )

    assert sanne.post(f"/toestemming/berichten/{pub.pk}/kopie").status_code == 302
    pub.refresh_from_db()
    shown_faces = set(
        FaceTag.objects.filter(publication=pub, shown_in_copy=True).values_list("index", flat=True)
    )
    assert shown_faces == {a, b, d}
    download = sanne.get(f"/toestemming/berichten/{pub.pk}/download")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    for face in faces:
        moved = _changed(pub.original.path, pub.copy.path, face.box)
        if face.index in shown_faces:
            assert moved < 6, (face.index, moved)
        else:
            assert moved > 6, (face.index, moved)
    with Image.open(pub.copy.path) as img:
        assert not img.getexif()

    # Fatma withdraws her standing choice later: the post shows up to take down.
    fatma = clients["fatma"]
    fatma.post(f"/toestemming/{tim.pk}/doel/{pub.purpose_id}/", {"decision": "withdrawn"})
    home = fatma.get("/toestemming/").content.decode()
    assert "de school haalt dit weg" in home
    listing = sanne.get("/toestemming/berichten/").content.decode()
    assert "Weghalen" in listing and str(pub.pk) in listing
    events = set(AuditLog.objects.values_list("event", flat=True))
    assert {"publication_created", "faces_tagged", "consent_requested", "consent_given",
            "publication_copy_made", "consent_withdrawn", "consent_viewed"} <= events  # fmt: skip


def test_a_link_answers_once_and_a_forged_link_shows_nothing(
    world: World, clients: dict[str, Client], pub: Publication, tim: Person
) -> None:
    world["fatma"].email = "fatma@example.org"
    world["fatma"].save()
    clients["sanne"].post(f"/toestemming/berichten/{pub.pk}/", {"face-0": tim.pk})
    clients["sanne"].post(f"/toestemming/berichten/{pub.pk}/vraag")
    link = urlsplit(link_in_last_mail()).path
    count_url = f"/toestemming/berichten/{pub.pk}/antwoorden"
    assert clients["sanne"].get(count_url).json() == {"answered": 0, "open": 1}
    Client().post(link, {"answer": "refused"})
    assert clients["sanne"].get(count_url).json() == {"answered": 1, "open": 0}
    Client().post(link, {"answer": "given"})
    assert list(ConsentRecord.objects.filter(subject=tim).values_list("decision", flat=True)) == [
        "refused"
    ]
    forged = link[:-3] + "xx/"
    assert Client().get(forged).status_code == 404
    assert Client().get(forged + "foto").status_code == 404


def test_a_teacher_only_finds_people_of_her_own_school(
    world: World, clients: dict[str, Client], purposes: dict[str, Purpose]
) -> None:
    found = clients["sanne"].get("/toestemming/zoek", {"q": "li"}).json()["results"]
    assert [r["name"] for r in found] == ["Lisa Yilmaz"]
    assert clients["sanne"].get("/toestemming/zoek", {"q": "daan"}).json()["results"] == []
    assert clients["olaf"].get("/toestemming/zoek", {"q": "lisa"}).json()["results"] == []


@pytest.mark.parametrize("persona", ["fatma", "lisa", "olaf", "henk"])
def test_it_hides_a_post_from_parents_pupils_other_schools_and_boards(
    clients: dict[str, Client], pub: Publication, persona: str
) -> None:
    for url in ("", "foto", "vraag", "kopie", "download", "antwoorden"):
        client = clients[persona]
        method = client.post if url in {"vraag", "kopie"} else client.get
        assert method(f"/toestemming/berichten/{pub.pk}/{url}").status_code == 404, url


def test_a_parent_decides_only_for_her_own_children_below_16(
    world: World, clients: dict[str, Client], purposes: dict[str, Purpose],
    tim: Person, noor: Person,
) -> None:  # fmt: skip
    daan = Person.objects.get(board=world.asko, external_id="l2")
    social = purposes["social"].pk
    fatma = clients["fatma"]
    assert (
        fatma.post(f"/toestemming/{tim.pk}/doel/{social}/", {"decision": "given"}).status_code
        == 302
    )
    assert (
        fatma.post(f"/toestemming/{daan.pk}/doel/{social}/", {"decision": "given"}).status_code
        == 404
    )
    assert (
        fatma.post(f"/toestemming/{noor.pk}/doel/{social}/", {"decision": "given"}).status_code
        == 404
    )
    assert list(ConsentRecord.objects.values_list("subject_id", flat=True)) == [tim.pk]
    home = fatma.get("/toestemming/").content.decode()
    assert "Tim Yilmaz" in home and "Vanaf 16 jaar beslist je kind zelf" in home


def test_every_staff_read_of_a_persons_consents_is_logged(
    world: World, clients: dict[str, Client], purposes: dict[str, Purpose], lisa_person: Person
) -> None:
    assert clients["sanne"].get(f"/toestemming/personen/{lisa_person.pk}/").status_code == 200
    row = AuditLog.objects.get(event="consent_viewed")
    assert (row.acting_user, row.detail["people"]) == (world["sanne"], [lisa_person.pk])
    assert clients["olaf"].get(f"/toestemming/personen/{lisa_person.pk}/").status_code == 404
    assert clients["fatma"].get(f"/toestemming/personen/{lisa_person.pk}/").status_code == 200
    assert AuditLog.objects.filter(event="consent_viewed").count() == 1  # the parent's own: no
