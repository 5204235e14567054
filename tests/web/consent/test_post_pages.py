"""The tagging page: bounded queries however many faces are tagged, the typed-name fallback,
and a failing mail server."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from socialprotocol.web.consent.models import ConsentRequest, Publication, Purpose
from socialprotocol.web.consent.post_actions import do_create_publication, do_tag_faces
from socialprotocol.web.core.models import AuditLog
from socialprotocol.web.people.models import Person
from tests.web.conftest import World
from tests.web.consent.conftest import add_pupil, born_years_ago
from tests.web.consent.helpers import check_with_photo


@pytest.fixture
def pub(world: World, purposes: dict[str, Purpose]) -> Publication:
    item = check_with_photo(world["sanne"]).media.get()
    return do_create_publication(item, purposes["social"], acting_user=world["sanne"])


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_the_tagging_page_needs_the_same_queries_for_3_or_all_faces_tagged(
    world: World, clients: dict[str, Client], pub: Publication
) -> None:
    faces = pub.faces.count()
    assert faces >= 20
    people = [
        add_pupil(world, f"q{i}", f"Kind{i}", "Klas", born_years_ago(9)) for i in range(faces)
    ]
    url = f"/toestemming/berichten/{pub.pk}/"
    do_tag_faces(pub, dict(enumerate(people[:3])), acting_user=None)
    few = _queries(clients["sanne"], url)
    do_tag_faces(pub, dict(enumerate(people)), acting_user=None)
    many = _queries(clients["sanne"], url)
    assert many == few, (few, many)
    assert many <= 25


def test_a_typed_name_replaces_an_earlier_tag_without_javascript(
    world: World, clients: dict[str, Client], pub: Publication, tim: Person,
    lisa_person: Person,
) -> None:  # fmt: skip
    url = f"/toestemming/berichten/{pub.pk}/"
    clients["sanne"].post(url, {"face-0": tim.pk})
    clients["sanne"].post(url, {"face-0": tim.pk, "face-0-name": "Lisa"})
    assert pub.faces.get(index=0).person == lisa_person
    ambiguous = clients["sanne"].post(url, {"face-0-name": "Yilmaz"})
    assert ambiguous.status_code == 400
    assert "Meer mensen heten zo" in ambiguous.content.decode()


def test_a_mail_server_that_refuses_leaves_no_request_and_says_so(
    world: World, clients: dict[str, Client], pub: Publication, tim: Person, settings: Any
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    world["fatma"].email = "fatma@example.org"
    world["fatma"].save()
    url = f"/toestemming/berichten/{pub.pk}/"
    clients["sanne"].post(url, {"face-0": tim.pk})
    page = clients["sanne"].post(url + "vraag", follow=True)
    assert page.status_code == 200
    assert (
        "Niet bereikt (geen e-mailadres, of de e-mail kon niet weg): Tim Yilmaz"
        in page.content.decode()
    )
    assert not ConsentRequest.objects.exists()
    assert AuditLog.objects.filter(event="consent_request_failed").count() == 1


def test_a_copy_made_before_a_withdrawal_can_no_longer_be_downloaded(
    world: World, clients: dict[str, Client], pub: Publication, tim: Person,
    fatma_person: Person,
) -> None:  # fmt: skip
    from socialprotocol.web.api.actions import do_create_api_token
    from socialprotocol.web.consent.actions import do_record_consent
    from socialprotocol.web.consent.post_actions import do_make_copy

    do_record_consent(tim, pub.purpose, "given", given_by=fatma_person, method="form",
                      acting_user=None)  # fmt: skip
    do_tag_faces(pub, {0: tim}, acting_user=None)
    do_make_copy(pub, acting_user=None)
    sanne = clients["sanne"]
    url = f"/toestemming/berichten/{pub.pk}/"
    assert sanne.get(url + "download").status_code == 200
    do_record_consent(tim, pub.purpose, "withdrawn", given_by=fatma_person, method="form",
                      acting_user=None)  # fmt: skip
    refused = sanne.get(url + "download", follow=True)
    assert "geen toestemming meer" in refused.content.decode()
    assert refused.redirect_chain and not refused.get("Content-Disposition")
    token = do_create_api_token(world["sanne"], "t", acting_user=None)[1]
    api = Client().get(f"/api/v1/consent/posts/{pub.pk}/copy", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.status_code == 409
    sanne.post(url + "kopie")
    assert sanne.get(url + "download").status_code == 200
    assert not pub.faces.get(index=0).shown_in_copy
