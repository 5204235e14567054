"""The admin site per board: every list and every object of another board stays invisible."""

from __future__ import annotations

from typing import Any

import pytest

from socialprotocol.web.api.actions import do_create_api_token
from socialprotocol.web.core.models import AuditLog
from socialprotocol.web.people.models import ParentLink, Person, School
from tests.web.conftest import World

# admin list url -> how to find the object of a board, and the text that marks it on the page
MODELS = {
    "people/person": lambda board: Person.objects.filter(board=board).order_by("pk").first(),
    "people/school": lambda board: School.objects.filter(board=board).first(),
    "people/parentlink": lambda board: ParentLink.objects.filter(parent__board=board).first(),
    "core/auditlog": lambda board: AuditLog.objects.filter(board=board).order_by("pk").first(),
    "api/apitoken": lambda board: __import__(
        "socialprotocol.web.api.models", fromlist=["ApiToken"]
    ).ApiToken.objects.filter(board=board).first(),
}


@pytest.fixture
def tokens(world: World) -> None:
    do_create_api_token(world["sanne"], "asko-koppeling", acting_user=None)
    do_create_api_token(world["olaf"], "anders-koppeling", acting_user=None)
    # Stichting Anders gets a parent link too, so every model has an object on both sides.
    from socialprotocol.web.people.actions import do_link_parent

    olaf = Person.objects.get(board=world.other, external_id="x1")
    pim = Person.objects.get(board=world.other, external_id="x2")
    do_link_parent(olaf, pim, acting_user=None)


@pytest.mark.parametrize("model", sorted(MODELS))
@pytest.mark.parametrize(("admin", "own", "foreign"), [("anna", "asko", "other"), ("olaf", "other", "asko")])
def test_a_board_admin_never_reaches_another_boards_objects(
    world: World, clients: Any, tokens: None, model: str, admin: str, own: str, foreign: str
) -> None:
    boards = {"asko": world.asko, "other": world.other}
    mine, theirs = MODELS[model](boards[own]), MODELS[model](boards[foreign])
    assert mine is not None and theirs is not None
    client = clients[admin]
    listing = client.get(f"/beheer/{model}/")
    assert listing.status_code == 200
    body = listing.content.decode()
    assert f"/beheer/{model}/{mine.pk}/change/" in body
    assert f"/beheer/{model}/{theirs.pk}/change/" not in body
    own_page = client.get(f"/beheer/{model}/{mine.pk}/change/")
    assert own_page.status_code == 200
    foreign_page = client.get(f"/beheer/{model}/{theirs.pk}/change/")
    assert foreign_page.status_code == 302  # "does not exist", back to the admin index
    foreign_delete = client.post(f"/beheer/{model}/{theirs.pk}/delete/", {"post": "yes"})
    assert foreign_delete.status_code in {302, 403}  # 403: the audit log is never deleted
    assert type(theirs).objects.filter(pk=theirs.pk).exists()


@pytest.mark.parametrize("url", ["/beheer/auth/user/", "/beheer/auth/group/", "/beheer/core/board/"])
def test_a_board_admin_cannot_list_accounts_or_boards(clients: Any, url: str) -> None:
    assert clients["anna"].get(url).status_code in {403, 404}


def test_the_audit_log_cannot_be_changed_in_the_admin(world: World, clients: Any) -> None:
    row = AuditLog.objects.filter(board=world.asko).first()
    assert row is not None
    clients["anna"].post(f"/beheer/core/auditlog/{row.pk}/delete/", {"post": "yes"})
    assert AuditLog.objects.filter(pk=row.pk).exists()
