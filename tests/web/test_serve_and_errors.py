"""The serve command's options, and Dutch pages for refusals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
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


@pytest.mark.slow
def test_serve_demo_starts_the_site_and_the_worker(tmp_path: Path) -> None:
    """The README's run command, for real: migrations, demo board, worker, gunicorn."""
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "SOCIALPROTOCOL_DATA_DIR": str(tmp_path), "SOCIALPROTOCOL_SECRET_KEY": "t"}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "socialprotocol", "serve", "--demo", "--port", str(port), "--workers", "1"],
        env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline, body = time.monotonic() + 90, ""
        while time.monotonic() < deadline and not body:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/account/login/", timeout=5) as r:
                    body = r.read().decode()
            except OSError:
                time.sleep(0.5)
        assert "Inloggen" in body
    finally:
        server.send_signal(signal.SIGTERM)
        output = server.communicate(timeout=30)[0].decode()
    assert "demo-protocol-2018" in output  # the demo logins are printed
    assert "Starting worker" in output
