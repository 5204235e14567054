"""The consent flow of one post in the JSON API (/api/v1/consent/posts/...) and the signed
link as JSON."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.urls import reverse

from socialprotocol.engine.model import InputError
from socialprotocol.web.api.auth import authenticate
from socialprotocol.web.api.errors import NOT_FOUND, ApiError
from socialprotocol.web.api.views import api_view
from socialprotocol.web.checks.models import CheckMedia
from socialprotocol.web.consent import access as rules_access
from socialprotocol.web.consent.actions import (
    ConsentError,
    do_log_consent_read,
)
from socialprotocol.web.consent.api_common import (
    AnswerIn,
    PostIn,
    TagsIn,
    own_post,
    parse_body,
    purpose_of,
    refused,
    staff_access,
)
from socialprotocol.web.consent.models import Publication
from socialprotocol.web.consent.overview import copy_is_stale, take_downs
from socialprotocol.web.consent.post_actions import (
    current_statuses,
    do_answer_request,
    do_change_purpose,
    do_create_publication,
    do_make_copy,
    do_set_voices,
    do_tag_faces,
    open_requests,
)
from socialprotocol.web.consent.publications import (
    publications_for,
    school_of,
)
from socialprotocol.web.consent.requests import do_request_consent, request_from_token
from socialprotocol.web.people.models import Person


def post_json(pub: Publication) -> dict[str, Any]:
    statuses = current_statuses(pub)
    waiting = open_requests(pub)
    return {
        "id": str(pub.pk),
        "title": pub.title,
        "purpose": pub.purpose.key,
        "kind": pub.kind,
        "faces": [
            {"index": f.index, "box": list(f.box), "person": f.person_id, "unknown": f.unknown,
             "status": statuses[f.person_id].value if f.person_id else None,
             "requested": f.person_id in waiting, "shown_in_copy": f.shown_in_copy}
            for f in pub.faces.all()
        ],
        "voices": [{"person": v.person_id, "status": statuses[v.person_id].value}
                   for v in pub.voices.all()],
        "copy": reverse("api:consent:copy", args=[pub.pk]) if pub.copy else None,
    }  # fmt: skip


@api_view("POST")
def posts(request: HttpRequest) -> HttpResponse:
    caller = authenticate(request)
    access = staff_access(caller)
    body = parse_body(request, PostIn)
    item = (
        CheckMedia.objects.filter(
            check_obj_id=body.check_id, check_obj__user=caller.user, index=body.media_index
        )
        .select_related("check_obj__board")
        .first()
    )
    if item is None:
        raise ApiError(404, *NOT_FOUND)
    try:
        pub = do_create_publication(item, purpose_of(caller, body.purpose), title=body.title,
                                    school=school_of(access), acting_user=caller.user)  # fmt: skip
    except (InputError, ConsentError) as exc:
        raise refused(exc) from None
    return JsonResponse(post_json(pub), status=201)


@api_view("GET")
def post(request: HttpRequest, post_id: UUID) -> HttpResponse:
    caller = authenticate(request)
    pub = own_post(caller, post_id)
    do_log_consent_read(caller.board, sorted(current_statuses(pub)), where="api_post",
                        acting_user=caller.user)  # fmt: skip
    return JsonResponse(post_json(pub))


@api_view("PUT")
def tags(request: HttpRequest, post_id: UUID) -> HttpResponse:
    caller = authenticate(request)
    pub = own_post(caller, post_id)
    body = parse_body(request, TagsIn)
    access = staff_access(caller)
    ids = {v for v in body.faces.values() if isinstance(v, int)} | set(body.voices or [])
    allowed = {p.pk: p for p in rules_access.people_for_staff(access).filter(pk__in=ids)}
    if ids - set(allowed):
        raise ApiError(400, "not_allowed", "Niet iedereen hoort bij jouw school.",
                       "Not everyone belongs to your school.")  # fmt: skip
    faces: dict[int, Person | str | None] = {}
    for key, value in body.faces.items():
        if not key.isdigit():
            raise ApiError(400, "invalid_input", "Gezichten per nummer.", "Faces by index.")
        faces[int(key)] = allowed[value] if isinstance(value, int) else value
    try:
        if body.purpose is not None:
            do_change_purpose(pub, purpose_of(caller, body.purpose), acting_user=caller.user)
        do_tag_faces(pub, faces, acting_user=caller.user)
        if body.voices is not None:
            do_set_voices(pub, [allowed[v] for v in body.voices], acting_user=caller.user)
    except ConsentError as exc:
        raise refused(exc) from None
    pub.refresh_from_db()
    return JsonResponse(post_json(pub))


@api_view("POST")
def requests(request: HttpRequest, post_id: UUID) -> HttpResponse:
    caller = authenticate(request)
    pub = own_post(caller, post_id)
    try:
        sent, unreachable = do_request_consent(
            pub, base_url=request.build_absolute_uri("/"), acting_user=caller.user
        )
    except (InputError, ConsentError) as exc:
        raise refused(exc) from None
    return JsonResponse({"sent": len(sent), "unreachable": [p.pk for p in unreachable]})


@api_view("GET", "POST")
def copy(request: HttpRequest, post_id: UUID) -> HttpResponseBase:
    caller = authenticate(request)
    pub = own_post(caller, post_id)
    if request.method == "POST":
        try:
            do_make_copy(pub, acting_user=caller.user)
        except (InputError, ConsentError) as exc:
            raise refused(exc) from None
        return JsonResponse(post_json(pub))
    if not pub.copy:
        raise ApiError(404, *NOT_FOUND)
    if copy_is_stale(pub):
        raise ApiError(409, "copy_stale",
                       "Iemand op deze kopie heeft geen toestemming meer: maak een nieuwe kopie.",
                       "Someone in this copy no longer consents: make a new copy.")  # fmt: skip
    return FileResponse(
        pub.copy.open("rb"), as_attachment=True, filename=f"publiceerbaar-{pub.pk}.jpg"
    )


@api_view("GET")
def takedowns(request: HttpRequest) -> HttpResponse:
    caller = authenticate(request)
    found = take_downs(publications_for(staff_access(caller)))
    return JsonResponse({"posts": [{"id": str(p.pk), "title": p.title, "purpose": p.purpose.key,
                                    "people": people} for p, people in found]})  # fmt: skip


@api_view("GET", "POST")
def link(request: HttpRequest, token: str) -> HttpResponse:
    """The signed link as JSON (no login: the token is the key)."""
    req = request_from_token(token)
    if req is None:
        raise ApiError(
            404, "not_found", "Deze link is verlopen of klopt niet.", "Expired or invalid link."
        )
    if request.method == "POST":
        body = parse_body(request, AnswerIn)
        try:
            do_answer_request(req, body.answer, acting_user=None)
        except ConsentError as exc:
            raise refused(exc) from None
        req.refresh_from_db()
    return JsonResponse({"post": req.publication.title, "purpose": req.publication.purpose.key,
                         "person": req.subject.first_name, "answer": req.answer or None,
                         "expires_at": req.expires_at.isoformat()})  # fmt: skip
