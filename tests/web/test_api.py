"""The JSON API: the same report as the CLI, JSON errors in Dutch and English, limits."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from socialprotocol.engine.inputs import post_from_mapping
from socialprotocol.engine.report import report_dict, report_schema
from socialprotocol.web.api.actions import do_create_api_token, do_revoke_api_token
from socialprotocol.web.api.models import ApiToken
from socialprotocol.web.checks.engine import checker_for
from socialprotocol.web.checks.models import Check
from tests.web.conftest import World
from tests.web.helpers import PHONE_POST, tiny_png


@pytest.fixture
def api(world: World) -> tuple[Client, str]:
    _, key = do_create_api_token(world["sanne"], "test", acting_user=None)
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}"), key


def post_json(client: Client, body: Any) -> Any:
    return client.post("/api/v1/checks", json.dumps(body), content_type="application/json")


def test_it_answers_a_text_check_with_the_engines_report(world: World, api: Any) -> None:
    import jsonschema

    line = {"id": "p1", "text": PHONE_POST, "role": "medewerker", "context": "werk"}
    response = post_json(api[0], line)
    assert response.status_code == 200
    body = response.json()
    expected = report_dict(checker_for(world.asko).check(post_from_mapping(
        {k: v for k, v in line.items() if k != "id"})), "p1")  # fmt: skip
    assert body == json.loads(json.dumps(expected))
    jsonschema.validate(body, report_schema())
    assert any(f["category"] == "phone" for f in body["findings"])


def test_a_text_check_stores_nothing(world: World, api: Any, django_assert_max_num_queries: Any) -> None:
    post_json(api[0], {"text": "hallo", "role": "staff", "context": "work"})  # warm the checker
    with django_assert_max_num_queries(0):  # the token is cached; nothing is stored
        post_json(api[0], {"text": PHONE_POST, "role": "staff", "context": "work"})
    assert not Check.objects.exists()


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"text": "x", "role": "koning", "context": "work"}, 400, "invalid_input"),
        ({"text": "x", "role": "staff"}, 400, "invalid_input"),
        ({"text": "x", "role": "staff", "context": "work", "media": ["/etc/passwd"]}, 400, "media_as_upload"),
        ([1, 2], 400, "invalid_json"),
    ],
)
def test_it_rejects_bad_input_with_a_json_error_in_two_languages(
    api: Any, body: Any, status: int, code: str
) -> None:
    response = post_json(api[0], body)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message"]["nl"] and error["message"]["en"]


def test_it_rejects_a_body_that_is_not_json(api: Any) -> None:
    response = api[0].post("/api/v1/checks", "{nope", content_type="application/json")
    assert response.json()["error"]["code"] == "invalid_json"


def test_it_refuses_a_request_over_the_size_limit(api: Any, settings: Any) -> None:
    settings.MAX_REQUEST_BYTES = 1000
    response = post_json(api[0], {"text": "x" * 2000, "role": "staff", "context": "work"})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "request_too_large"


def test_it_refuses_a_text_over_the_text_limit(api: Any, settings: Any) -> None:
    settings.MAX_TEXT_CHARS = 300
    response = post_json(api[0], {"text": "a" * 301, "role": "staff", "context": "work"})
    assert response.status_code == 413


@pytest.mark.parametrize("header", ["Bearer nope", "Basic abc", "Bearer "])
def test_it_rejects_unknown_tokens(world: World, header: str) -> None:
    response = Client(HTTP_AUTHORIZATION=header).get("/api/v1/rules")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


def test_a_revoked_token_no_longer_works(world: World, api: Any) -> None:
    do_revoke_api_token(ApiToken.objects.get(), acting_user=world["anna"])
    assert api[0].get("/api/v1/rules").status_code == 401


def test_it_lists_the_protocol_rules(api: Any) -> None:
    body = api[0].get("/api/v1/rules").json()
    assert body["protocol"]["id"] == "asko-2018"
    ids = {r["id"] for r in body["rules"]}
    assert {"A2", "A5", "B1", "C4"} <= ids


def test_it_takes_a_photo_by_multipart_and_reports_on_polling(
    world: World, api: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    photo = SimpleUploadedFile("klas.png", tiny_png(), content_type="image/png")
    with django_capture_on_commit_callbacks(execute=True):
        response = api[0].post(
            "/api/v1/checks",
            {"text": "Onze klas van ASKO", "role": "staff", "context": "work", "media": [photo]},
        )
    assert response.status_code == 202, response.content
    check_id = response.json()["id"]
    polled = api[0].get(f"/api/v1/checks/{check_id}").json()
    assert polled["status"] in {"done", "failed"}  # the test settings run tasks at once
    assert polled["report"]["schema"] == "socialprotocol/report/v1"
    assert polled["media"][0]["kind"] == "image"


def test_it_refuses_a_file_that_is_not_a_photo_by_content(api: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("foto.jpg", b"MZ\x90\x00 not a photo", content_type="image/jpeg")
    response = api[0].post(
        "/api/v1/checks", {"text": "x", "role": "staff", "context": "work", "media": [fake]}
    )
    assert response.status_code == 400
    assert "media" in response.json()["error"]["fields"]
    assert not Check.objects.exists()


def test_a_session_post_needs_the_csrf_token(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["lisa"])
    response = post_json(client, {"text": "x", "role": "pupil", "context": "private"})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "csrf_failed"


def test_a_session_of_a_two_factor_role_must_be_verified(world: World) -> None:
    client = Client()
    client.force_login(world["henk"])
    response = client.get("/api/v1/rules")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "two_factor_required"


def test_unknown_api_paths_answer_json(api: Any) -> None:
    response = api[0].get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_the_openapi_document_is_served(world: World) -> None:
    doc = Client().get("/api/v1/openapi.json").json()
    assert doc["openapi"].startswith("3.1")
    assert "/api/v1/checks" in doc["paths"]
