"""The consent operations in the JSON API (/api/v1/consent/...): the same actions and the same
permission checks as the pages. Bodies are parsed with pydantic; errors are ApiErrors."""

from __future__ import annotations

import json
from typing import Any, Literal, TypeVar
from uuid import UUID

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils import timezone
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from socialprotocol.engine.model import InputError
from socialprotocol.web.api.auth import Caller, authenticate
from socialprotocol.web.api.errors import NOT_FOUND, ApiError
from socialprotocol.web.api.views import api_view
from socialprotocol.web.checks.models import CheckMedia
from socialprotocol.web.consent import access as rules_access
from socialprotocol.web.consent.actions import (
    ConsentError,
    do_log_consent_read,
    do_record_consent,
    do_start_round,
)
from socialprotocol.web.consent.importer import import_consents
from socialprotocol.web.consent.lookup import statuses_for_purpose
from socialprotocol.web.consent.models import Method, Publication, Purpose
from socialprotocol.web.consent.overview import history_of, open_round, purposes_of, uses_of
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
    publication_for,
    publications_for,
    school_of,
)
from socialprotocol.web.consent.requests import do_request_consent, request_from_token
from socialprotocol.web.people.access import Access, access_of
from socialprotocol.web.people.models import Person, School

M = TypeVar("M", bound=BaseModel)


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DecisionIn(_Body):
    purpose: str = Field(max_length=40)
    decision: Literal["given", "refused", "withdrawn"]


class LookupIn(_Body):
    purpose: str = Field(max_length=40)
    people: list[int] = Field(max_length=500)
    post: UUID | None = None


class PostIn(_Body):
    check_id: UUID
    media_index: int = Field(ge=0, le=100)
    purpose: str | None = Field(default=None, max_length=40)
    title: str = Field(default="", max_length=200)


class TagsIn(_Body):
    faces: dict[str, int | Literal["unknown"] | None] = Field(default_factory=dict)
    voices: list[int] | None = Field(default=None, max_length=200)
    purpose: str | None = Field(default=None, max_length=40)


class RoundIn(_Body):
    name: str = Field(min_length=1, max_length=100)
    deadline: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    school: int | None = None


class AnswerIn(_Body):
    answer: Literal["given", "refused"]


def _parse(request: HttpRequest, model: type[M]) -> M:
    if request.content_type != "application/json":
        raise ApiError(
            415, "unsupported_media_type", "Stuur application/json.", "Send application/json."
        )
    try:
        return model.model_validate(json.loads(request.body or b"null"))
    except (ValueError, ValidationError) as exc:
        fields: dict[str, Any] = {}
        if isinstance(exc, ValidationError):
            for err in exc.errors()[:10]:
                name = ".".join(str(p) for p in err["loc"]) or "body"
                fields[name] = {"nl": f"Ongeldig: {err['msg']}", "en": err["msg"]}
        raise ApiError(
            400, "invalid_input", "Ongeldige invoer.", "Invalid input.", fields
        ) from None


def _refused(exc: Exception) -> ApiError:
    return ApiError(400, "not_allowed", str(exc), str(exc))


def _staff(caller: Caller) -> Access:
    access = access_of(caller.user)
    if access.person is None or not rules_access.is_staff(access):
        raise ApiError(403, "forbidden", "Alleen voor medewerkers van de school.", "Staff only.")
    return access


def _purpose(caller: Caller, key: str | None) -> Purpose:
    found = Purpose.objects.filter(board=caller.board, active=True)
    purpose = found.filter(key=key).first() if key else found.first()
    if purpose is None:
        raise ApiError(400, "unknown_purpose", "Onbekend doel.", "Unknown purpose.")
    return purpose


def _person(caller: Caller, person_id: int) -> Person:
    person = Person.objects.filter(pk=person_id, board=caller.board).first()
    if person is None:
        raise ApiError(404, *NOT_FOUND)
    return person


def _purpose_json(p: Purpose) -> dict[str, Any]:
    return {"id": p.pk, "key": p.key, "name": p.name, "name_en": p.name_en}


@api_view("GET")
def purposes(request: HttpRequest) -> HttpResponse:
    caller = authenticate(request)
    return JsonResponse({"purposes": [_purpose_json(p) for p in purposes_of(caller.board)]})


@api_view("GET")
def person(request: HttpRequest, person_id: int) -> HttpResponse:
    caller = authenticate(request)
    subject = _person(caller, person_id)
    access = access_of(caller.user)
    today = timezone.localdate()
    own = subject == access.person or rules_access.may_decide(access, subject, today)
    if not own:
        if not rules_access.staff_may_see(access, subject):
            raise ApiError(404, *NOT_FOUND)
        do_log_consent_read(caller.board, [subject.pk], where="api", acting_user=caller.user)
    qs = purposes_of(caller.board)
    from socialprotocol.web.consent.lookup import answers

    found = answers(caller.board, [subject.pk], [q.pk for q in qs], day=today)
    return JsonResponse({
        "person": {"id": subject.pk, "name": subject.full_name,
                   "decides": rules_access.who_decides(subject, today).value},
        "consents": [{"purpose": q.key, "status": found[(subject.pk, q.pk)].value} for q in qs],
        "history": [
            {"purpose": r.purpose.key, "decision": r.decision, "capacity": r.capacity,
             "given_by": r.given_by.full_name if r.given_by else r.given_by_name,
             "method": r.method, "decided_on": r.decided_on.isoformat(),
             "recorded": r.created.isoformat(), "post": str(r.publication_id) if r.publication_id else None}
            for r in history_of(subject)
        ],
        "uses": [{"post": str(u.publication.pk), "title": u.publication.title,
                  "purpose": u.publication.purpose.key, "status": u.status.value,
                  "take_down": u.take_down} for u in uses_of(subject)],
    })  # fmt: skip


@api_view("POST")
def decide(request: HttpRequest, person_id: int) -> HttpResponse:
    caller = authenticate(request)
    body = _parse(request, DecisionIn)
    subject = _person(caller, person_id)
    access = access_of(caller.user)
    if not rules_access.may_decide(access, subject, timezone.localdate()):
        raise ApiError(404, *NOT_FOUND)
    try:
        record = do_record_consent(
            subject, _purpose(caller, body.purpose), body.decision, given_by=access.person,
            method=Method.FORM, consent_round=open_round(subject), acting_user=caller.user,
        )  # fmt: skip
    except ConsentError as exc:
        raise _refused(exc) from None
    return JsonResponse({"id": record.pk, "decision": record.decision}, status=201)


@api_view("POST")
def lookup(request: HttpRequest) -> HttpResponse:
    """The registry's answer for up to 500 people of the caller's school (one query)."""
    caller = authenticate(request)
    access = _staff(caller)
    body = _parse(request, LookupIn)
    purpose = _purpose(caller, body.purpose)
    allowed = set(
        rules_access.people_for_staff(access)
        .filter(pk__in=body.people)
        .values_list("pk", flat=True)
    )
    pub = _post(caller, body.post) if body.post else None
    found = statuses_for_purpose(caller.board, allowed, purpose.pk,
                                 day=timezone.localdate(), publication=pub)  # fmt: skip
    do_log_consent_read(caller.board, sorted(allowed), where="api_lookup", acting_user=caller.user)
    return JsonResponse({"purpose": purpose.key,
                         "statuses": {str(k): v.value for k, v in sorted(found.items())}})  # fmt: skip


@api_view("GET")
def search(request: HttpRequest) -> HttpResponse:
    caller = authenticate(request)
    people = rules_access.search_people(_staff(caller), request.GET.get("q", "")[:80])
    return JsonResponse({"results": [{"id": p.pk, "name": p.full_name} for p in people]})


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


def _post(caller: Caller, pub_id: UUID) -> Publication:
    access = _staff(caller)
    try:
        return publication_for(access, pub_id)
    except Http404:
        raise ApiError(404, *NOT_FOUND) from None


@api_view("POST")
def posts(request: HttpRequest) -> HttpResponse:
    caller = authenticate(request)
    access = _staff(caller)
    body = _parse(request, PostIn)
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
        pub = do_create_publication(item, _purpose(caller, body.purpose), title=body.title,
                                    school=school_of(access), acting_user=caller.user)  # fmt: skip
    except (InputError, ConsentError) as exc:
        raise _refused(exc) from None
    return JsonResponse(post_json(pub), status=201)


@api_view("GET")
def post(request: HttpRequest, post_id: UUID) -> HttpResponse:
    caller = authenticate(request)
    pub = _post(caller, post_id)
    do_log_consent_read(caller.board, sorted(current_statuses(pub)), where="api_post",
                        acting_user=caller.user)  # fmt: skip
    return JsonResponse(post_json(pub))


@api_view("PUT")
def tags(request: HttpRequest, post_id: UUID) -> HttpResponse:
    caller = authenticate(request)
    pub = _post(caller, post_id)
    body = _parse(request, TagsIn)
    access = _staff(caller)
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
            do_change_purpose(pub, _purpose(caller, body.purpose), acting_user=caller.user)
        do_tag_faces(pub, faces, acting_user=caller.user)
        if body.voices is not None:
            do_set_voices(pub, [allowed[v] for v in body.voices], acting_user=caller.user)
    except ConsentError as exc:
        raise _refused(exc) from None
    pub.refresh_from_db()
    return JsonResponse(post_json(pub))


@api_view("POST")
def requests(request: HttpRequest, post_id: UUID) -> HttpResponse:
    caller = authenticate(request)
    pub = _post(caller, post_id)
    try:
        sent, unreachable = do_request_consent(
            pub, base_url=request.build_absolute_uri("/"), acting_user=caller.user
        )
    except (InputError, ConsentError) as exc:
        raise _refused(exc) from None
    return JsonResponse({"sent": len(sent), "unreachable": [p.pk for p in unreachable]})


@api_view("GET", "POST")
def copy(request: HttpRequest, post_id: UUID) -> HttpResponseBase:
    caller = authenticate(request)
    pub = _post(caller, post_id)
    if request.method == "POST":
        try:
            do_make_copy(pub, acting_user=caller.user)
        except (InputError, ConsentError) as exc:
            raise _refused(exc) from None
        return JsonResponse(post_json(pub))
    if not pub.copy:
        raise ApiError(404, *NOT_FOUND)
    return FileResponse(
        pub.copy.open("rb"), as_attachment=True, filename=f"publiceerbaar-{pub.pk}.jpg"
    )


@api_view("GET")
def takedowns(request: HttpRequest) -> HttpResponse:
    from socialprotocol.web.consent.overview import take_downs

    caller = authenticate(request)
    found = take_downs(publications_for(_staff(caller)))
    return JsonResponse({"posts": [{"id": str(p.pk), "title": p.title, "purpose": p.purpose.key,
                                    "people": people} for p, people in found]})  # fmt: skip


@api_view("POST")
def rounds(request: HttpRequest) -> HttpResponse:
    from datetime import date

    caller = authenticate(request)
    access = access_of(caller.user)
    scope = rules_access.staff_schools(access, rules_access.MANAGING_ROLES)
    body = _parse(request, RoundIn)
    if access.person is None or scope == set() or (scope is not None and body.school not in scope):
        raise ApiError(403, "forbidden", "Alleen voor de directie.", "Management only.")
    school = (
        School.objects.filter(pk=body.school, board=caller.board).first() if body.school else None
    )
    try:
        deadline = date.fromisoformat(body.deadline)
        made = do_start_round(
            caller.board, body.name, deadline, school=school, acting_user=caller.user
        )
    except (ValueError, ConsentError) as exc:
        raise _refused(exc) from None
    return JsonResponse({"id": made.pk, "deadline": made.deadline.isoformat()}, status=201)


@api_view("POST")
def imports(request: HttpRequest) -> HttpResponse:
    caller = authenticate(request)
    access = access_of(caller.user)
    if rules_access.staff_schools(access, frozenset({"admin", "privacy_officer"})) is not None:
        raise ApiError(
            403, "forbidden", "Alleen voor de beheerder van het bestuur.", "Board admins only."
        )
    if request.content_type != "text/csv":
        raise ApiError(415, "unsupported_media_type", "Stuur text/csv.", "Send text/csv.")
    try:
        text = request.body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ApiError(400, "invalid_input", "Het bestand is geen UTF-8.", "Not UTF-8.") from None
    result = import_consents(caller.board, text, apply=request.GET.get("apply") == "true",
                             acting_user=caller.user)  # fmt: skip
    return JsonResponse(result.as_dict())


@api_view("GET", "POST")
def link(request: HttpRequest, token: str) -> HttpResponse:
    """The signed link as JSON (no login: the token is the key)."""
    req = request_from_token(token)
    if req is None:
        raise ApiError(
            404, "not_found", "Deze link is verlopen of klopt niet.", "Expired or invalid link."
        )
    if request.method == "POST":
        body = _parse(request, AnswerIn)
        try:
            do_answer_request(req, body.answer, acting_user=None)
        except ConsentError as exc:
            raise _refused(exc) from None
        req.refresh_from_db()
    return JsonResponse({"post": req.publication.title, "purpose": req.publication.purpose.key,
                         "person": req.subject.first_name, "answer": req.answer or None,
                         "expires_at": req.expires_at.isoformat()})  # fmt: skip
