"""The serve command's options, and Dutch pages for refusals."""

from __future__ import annotations

from typing import Any

from django.test import Client

from socialprotocol.cli.main import build_parser
from socialprotocol.web.api.actions import do_create_api_token
from socialprotocol.web.api.models import ApiToken
from tests.web.conftest import World


def test_serve_takes_demo_host_and_port() -> None:
    args = build_parser(["serve"]).parse_args(["serve", "--demo", "--host", "0.0.0.0", "--port", "9000"])
    assert (args.demo, args.host, args.port) == (True, "0.0.0.0", 9000)
    defaults = build_parser(["serve"]).parse_args(["serve"])
    assert (defaults.demo, defaults.host, defaults.port) == (False, "127.0.0.1", 8000)


def test_a_form_without_csrf_gets_a_dutch_page(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["lisa"])
    response = client.post("/", {"text": "x", "role": "pupil", "context": "private"})
    assert response.status_code == 403
    assert "Dit formulier is verlopen" in response.content.decode()


def test_revoking_a_key_in_the_admin_stops_it_at_once(world: World, clients: Any) -> None:
    _, key = do_create_api_token(world["anna"], "koppeling", acting_user=None)
    api = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert api.get("/api/v1/rules").status_code == 200
    token = ApiToken.objects.get(name="koppeling")
    response = clients["anna"].post(f"/beheer/api/apitoken/{token.pk}/change/", {"revoked": "on"})
    assert response.status_code == 302
    assert api.get("/api/v1/rules").status_code == 401
