"""The API views: parse, authenticate, call the action or the engine, answer JSON."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from functools import wraps
from typing import Any
from uuid import UUID

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFilesSent
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt

from socialprotocol.engine.inputs import post_from_mapping
from socialprotocol.engine.model import InputError
from socialprotocol.web.api.auth import Caller, authenticate
from socialprotocol.web.api.errors import NOT_FOUND, ApiError, error_response
from socialprotocol.web.api.openapi import openapi_document
from socialprotocol.web.checks.actions import check_post, do_create_check, do_delete_check
from socialprotocol.web.checks.engine import protocol_for
from socialprotocol.web.checks.forms import CheckForm
from socialprotocol.web.checks.models import Check, CheckMedia

log = logging.getLogger(__name__)
View = Callable[..., HttpResponseBase]


def api_view(*methods: str) -> Callable[[View], View]:
    def wrap(view: View) -> View:
        @csrf_exempt
        @wraps(view)
        def inner(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if request.method not in methods:
                return error_response(
                    405,
                    "method_not_allowed",
                    f"Methode {request.method} kan hier niet; wel: {', '.join(methods)}.",
                    f"Method {request.method} not allowed here; use: {', '.join(methods)}.",
                )
            try:
                return view(request, *args, **kwargs)
            except ApiError as exc:
                return exc.response()
            except MultiPartParserError:
                return error_response(
                    400, "invalid_multipart",
                    "De multipart-body is niet te lezen.", "The multipart body cannot be read.",
                )  # fmt: skip
            except (RequestDataTooBig, TooManyFilesSent):
                return error_response(
                    413, "request_too_large",
                    "Te veel of te grote gegevens in één verzoek.", "Too much data in one request.",
                )  # fmt: skip
            except Exception:
                log.exception("API error")
                return error_response(
                    500,
                    "internal_error",
                    "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
                    "Something went wrong on our side. Please try again later.",
                )

        return inner

    return wrap


@api_view("GET")
def index(request: HttpRequest) -> HttpResponse:
    return JsonResponse(
        {"openapi": reverse("api:openapi"), "checks": reverse("api:checks"), "rules": reverse("api:rules")}
    )


@api_view("GET")
def openapi(request: HttpRequest) -> HttpResponse:
    return JsonResponse(openapi_document())


@api_view("GET")
def rules(request: HttpRequest) -> HttpResponse:
    caller = authenticate(request)
    protocol = protocol_for(caller.board)
    return JsonResponse(
        {
            "protocol": {"id": protocol.id, "title": protocol.title,
                         "approved_on": protocol.approval.date.isoformat()},
            "rules": [
                {
                    "id": a.id,
                    "section": a.section,
                    "statement": a.statement.model_dump(),
                    "guidance": a.guidance.model_dump(),
                    "roles": [r.value for r in a.roles],
                    "contexts": [c.value for c in a.contexts],
                    "checks": list(a.checks),
                }
                for a in protocol.articles
            ],
        }
    )  # fmt: skip


def _json_body(request: HttpRequest) -> dict[str, Any]:
    try:
        data = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, "invalid_json", "De body is geen geldige JSON.", "The body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise ApiError(400, "invalid_json", "Stuur een JSON-object.", "Send a JSON object.")
    if "media" in data:
        raise ApiError(
            400,
            "media_as_upload",
            "Stuur foto's en video's als multipart/form-data (veld 'media').",
            "Send photos and videos as multipart/form-data (field 'media').",
        )
    return data


@api_view("POST")
def checks(request: HttpRequest) -> HttpResponse:
    caller = authenticate(request)
    if request.content_type == "multipart/form-data":
        return _media_check(request, caller)
    if request.content_type != "application/json":
        raise ApiError(
            415,
            "unsupported_media_type",
            "Stuur application/json of multipart/form-data.",
            "Send application/json or multipart/form-data.",
        )
    data = _json_body(request)
    post_id = data.pop("id", None)
    try:
        post = post_from_mapping(data)
    except InputError as exc:
        raise ApiError(400, "invalid_input", str(exc), str(exc)) from None
    if len(post.text) > settings.MAX_TEXT_CHARS:
        raise ApiError(
            413, "text_too_long",
            f"De tekst is langer dan {settings.MAX_TEXT_CHARS} tekens.",
            f"The text is longer than {settings.MAX_TEXT_CHARS} characters.",
        )  # fmt: skip
    report = check_post(caller.board, post)
    if post_id is not None:
        report = {"id": post_id, **report}
    return JsonResponse(report)


def _form_errors(form: CheckForm) -> tuple[str, str, dict[str, Any]]:
    both: dict[str, dict[str, list[str]]] = {}
    for lang in ("nl", "en"):
        with translation.override(lang):
            for name, errors in form.errors.items():
                both.setdefault(name, {})[lang] = [str(e) for e in errors]
    fields = {name: {"nl": " ".join(v["nl"]), "en": " ".join(v["en"])} for name, v in both.items()}
    first = next(iter(fields.values()))
    return first["nl"], first["en"], fields


def _media_check(request: HttpRequest, caller: Caller) -> HttpResponse:
    form = CheckForm(request.POST, request.FILES)
    if not form.is_valid() or form.post is None:
        nl, en, fields = _form_errors(form)
        raise ApiError(400, "invalid_input", nl, en, fields)
    check = do_create_check(caller.board, form.post, form.uploads, acting_user=caller.user)
    return JsonResponse(check_status(check), status=202 if form.uploads else 201)


def check_status(check: Check) -> dict[str, Any]:
    return {
        "id": str(check.pk),
        "status": check.status,
        "progress": check.progress,
        "expires_at": check.expires_at.isoformat(),
        "report": check.report,
        "error": check.error,
        "media": [
            {
                "index": m.index,
                "name": m.name,
                "kind": m.kind,
                "redacted": reverse("api:redacted", args=[check.pk, m.index]) if m.redacted else None,
            }
            for m in check.media.all()
        ],
    }


def _own_check(caller: Caller, check_id: UUID) -> Check:
    check = Check.objects.filter(pk=check_id, user=caller.user, board=caller.board).first()
    if check is None:
        raise ApiError(404, *NOT_FOUND)
    return check


@api_view("GET", "DELETE")
def check_detail(request: HttpRequest, check_id: UUID) -> HttpResponse:
    caller = authenticate(request)
    check = _own_check(caller, check_id)
    if request.method == "DELETE":
        do_delete_check(check, acting_user=caller.user)
        return HttpResponse(status=204)
    return JsonResponse(check_status(check))


@api_view("GET")
def redacted(request: HttpRequest, check_id: UUID, index: int) -> HttpResponseBase:
    caller = authenticate(request)
    check = _own_check(caller, check_id)
    media = CheckMedia.objects.filter(check_obj=check, index=index).first()
    if media is None or not media.redacted:
        raise ApiError(404, *NOT_FOUND)
    return FileResponse(media.redacted.open("rb"), as_attachment=True, filename=f"vervaagd-{media.name}")
