"""Logging in: Argon2, throttling, and the authenticator for roles that can read dossiers."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.hashers import get_hasher
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from socialprotocol.web.core.models import AuditLog
from tests.web.conftest import PASSWORD, World


def login(client: Client, username: str, password: str = PASSWORD) -> Any:
    return client.post("/account/login/", {"username": username, "password": password})


def test_new_passwords_are_hashed_with_argon2(settings: Any) -> None:
    from socialprotocol.web import settings as real

    assert real.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    settings.PASSWORD_HASHERS = real.PASSWORD_HASHERS
    assert get_hasher().algorithm == "argon2"


def test_a_pupil_logs_in_and_lands_on_the_check_page(world: World) -> None:
    client = Client()
    response = login(client, "lisa")
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    assert AuditLog.objects.filter(event="login", acting_user=world["lisa"]).exists()


def test_it_says_in_dutch_when_the_password_is_wrong(world: World) -> None:
    response = login(Client(), "lisa", "fout")
    assert response.status_code == 400
    assert "klopt niet" in response.content.decode()


def test_it_blocks_logging_in_after_five_failures(world: World) -> None:
    client = Client()
    for _ in range(5):
        login(client, "lisa", "fout")
    response = login(client, "lisa")  # even the right password, for now
    assert response.status_code == 400
    assert "Te veel mislukte pogingen" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("persona", ["henk", "anna", "olaf"])
def test_roles_that_read_dossiers_must_set_up_an_authenticator(world: World, persona: str) -> None:
    client = Client()
    response = login(client, persona)
    assert response["Location"].startswith("/account/2fa/")
    assert client.get("/").status_code == 302  # nothing else until confirmed
    page = client.get("/account/2fa/")
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=world[persona], confirmed=False)
    token = f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"
    response = client.post("/account/2fa/", {"token": token, "next": "/"})
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    assert TOTPDevice.objects.get(user=world[persona]).confirmed


def test_a_wrong_authenticator_code_is_refused(world: World) -> None:
    client = Client()
    login(client, "henk")
    client.get("/account/2fa/")
    response = client.post("/account/2fa/", {"token": "000000"})
    assert response.status_code == 400
    assert client.get("/").status_code == 302


@pytest.mark.parametrize("persona", ["lisa", "fatma", "sanne", "marieke"])
def test_other_roles_need_no_authenticator(world: World, persona: str) -> None:
    client = Client()
    response = login(client, persona)
    assert response["Location"] == "/"


def test_an_account_without_a_board_gets_a_dutch_not_found(db: Any) -> None:
    from django.contrib.auth.models import User

    client = Client()
    client.force_login(User.objects.create_user("zwerver", password=PASSWORD))
    response = client.get("/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_the_admin_login_goes_through_the_throttled_login(world: World) -> None:
    response = Client().post("/beheer/login/", {"username": "anna", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/?next=/beheer/")
    assert "_auth_user_id" not in Client().session
