"""Every view × every persona: nobody sees anything of anyone else's, nor of another board."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from socialprotocol.web.api.actions import do_create_api_token
from socialprotocol.web.checks.models import CheckMedia
from tests.web.conftest import PERSONAS, World
from tests.web.helpers import make_check, tiny_png

OWNER = "sanne"

# (method, url template, status for the owner)
OWNED_VIEWS = [
    ("get", "/controles/{id}/", 200),
    ("get", "/controles/{id}/status", 200),
    ("post", "/controles/{id}/bewaren", 302),
    ("post", "/controles/{id}/verbeter/0", 302),
    ("get", "/controles/{id}/media/0", 200),
    ("post", "/controles/{id}/media/0/vervaag", 302),
    ("get", "/controles/{id}/media/0/vervaagd", 200),
    ("get", "/api/v1/checks/{id}", 200),
    ("get", "/api/v1/checks/{id}/media/0/redacted", 200),
    ("post", "/controles/{id}/verwijderen", 302),
    ("delete", "/api/v1/checks/{id}", 204),
]


@pytest.fixture
def owned(world: World, settings: Any) -> str:
    from django.core.files.base import ContentFile

    check = make_check(world[OWNER])
    media = CheckMedia(check_obj=check, index=0, name="foto.png", kind="image",
                       content_type="image/png", size=10, width=40, height=30)  # fmt: skip
    media.file.save("foto.png", ContentFile(tiny_png()), save=False)
    media.redacted.save("foto-vervaagd.jpg", ContentFile(tiny_png()), save=False)
    media.save()
    return str(check.pk)


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != OWNER])
@pytest.mark.parametrize(("method", "url", "_owner_status"), OWNED_VIEWS)
def test_it_hides_a_check_from_everyone_but_its_author(
    clients: dict[str, Client], owned: str, persona: str, method: str, url: str, _owner_status: int
) -> None:
    data = {"purpose": "consultation"} if url.endswith("bewaren") else {}
    response = getattr(clients[persona], method)(url.format(id=owned), data)
    assert response.status_code == 404


@pytest.mark.parametrize(("method", "url", "owner_status"), OWNED_VIEWS)
def test_the_author_reaches_each_view_of_their_own_check(
    clients: dict[str, Client], owned: str, method: str, url: str, owner_status: int
) -> None:
    data = {"purpose": "consultation"} if url.endswith("bewaren") else {}
    response = getattr(clients[OWNER], method)(url.format(id=owned), data)
    if "vervaag" in url and "vervaagd" not in url:
        assert response.status_code in {302, 400}  # 400 where this engine cannot blur
        return
    assert response.status_code == owner_status


@pytest.mark.parametrize(("method", "url", "_s"), OWNED_VIEWS)
def test_it_sends_anonymous_visitors_to_the_login(
    world: World, owned: str, method: str, url: str, _s: int
) -> None:
    response = getattr(Client(), method)(url.format(id=owned))
    if url.startswith("/api/"):
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthorized"
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/account/login/")


def test_an_api_token_of_another_board_cannot_read_a_check(world: World, owned: str) -> None:
    _, key = do_create_api_token(world["olaf"], "koppeling", acting_user=None)
    response = Client().get(f"/api/v1/checks/{owned}", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_lists_only_their_own_checks(
    world: World, clients: dict[str, Client], persona: str
) -> None:
    ids = {name: str(make_check(world[name]).pk) for name in PERSONAS}
    body = clients[persona].get("/controles/").content.decode()
    for name, check_id in ids.items():
        assert (check_id in body) == (name == persona)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url", ["/", "/controles/", "/protocol/", "/api/v1/rules"])
def test_every_persona_with_a_board_reaches_the_shared_pages(
    clients: dict[str, Client], persona: str, url: str
) -> None:
    assert clients[persona].get(url).status_code == 200


@pytest.mark.parametrize("persona", ["lisa", "fatma", "sanne", "marieke", "henk"])
@pytest.mark.parametrize(
    "url", ["/beheer/", "/beheer/people/person/", "/beheer/core/auditlog/", "/beheer/people/person/import/"]
)
def test_it_keeps_people_without_the_admin_role_out_of_the_admin(
    clients: dict[str, Client], persona: str, url: str
) -> None:
    response = clients[persona].get(url)
    assert response.status_code == 302
    assert "/beheer/login/" in response["Location"]


@pytest.mark.parametrize(("admin", "own", "foreign"), [("anna", "Yilmaz", "Olsen"), ("olaf", "Olsen", "Yilmaz")])
def test_a_board_admin_sees_only_their_own_board_in_the_admin(
    world: World, clients: dict[str, Client], admin: str, own: str, foreign: str
) -> None:
    body = clients[admin].get("/beheer/people/person/").content.decode()
    assert own in body
    assert foreign not in body
    from socialprotocol.web.people.models import Person

    stranger = Person.objects.filter(last_name=foreign).first()
    assert stranger is not None
    response = clients[admin].get(f"/beheer/people/person/{stranger.pk}/change/")
    assert response.status_code == 302  # the admin says "does not exist" and goes back
    audit = clients[admin].get("/beheer/core/auditlog/").content.decode()
    assert "Stichting Anders" not in audit or admin == "olaf"


def test_a_board_admin_is_offered_only_their_own_schools(
    world: World, clients: dict[str, Client]
) -> None:
    from socialprotocol.web.people.models import Person

    lisa = Person.objects.get(last_name="Yilmaz", first_name="Lisa")
    body = clients["anna"].get(f"/beheer/people/person/{lisa.pk}/change/").content.decode()
    assert "De Zonnewijzer" in body
    assert "De Andere School" not in body
