"""The consent registry in the JSON API (/api/v1/consent/...): the same actions and permission
checks as the pages. The post flow is in ``api_posts``."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone

from socialprotocol.web.api.auth import authenticate
from socialprotocol.web.api.errors import NOT_FOUND, ApiError
from socialprotocol.web.api.views import api_view
from socialprotocol.web.consent import access as rules_access
from socialprotocol.web.consent.actions import (
    ConsentError,
    do_log_consent_read,
    do_record_consent,
    do_start_round,
)
from socialprotocol.web.consent.api_common import (
    DecisionIn,
    LookupIn,
    RoundIn,
    own_post,
    parse_body,
    person_of,
    purpose_json,
    purpose_of,
    refused,
    staff_access,
)
from socialprotocol.web.consent.importer import import_consents
from socialprotocol.web.consent.lookup import answers, statuses_for_purpose
from socialprotocol.web.consent.models import Method
from socialprotocol.web.consent.overview import history_of, open_round, purposes_of, uses_of
from socialprotocol.web.consent.rounds import do_notify_round
from socialprotocol.web.people.access import access_of
from socialprotocol.web.people.models import School


@api_view("GET")
def purposes(request: HttpRequest) -> HttpResponse:
    caller = authenticate(request)
    return JsonResponse({"purposes": [purpose_json(p) for p in purposes_of(caller.board)]})


@api_view("GET")
def person(request: HttpRequest, person_id: int) -> HttpResponse:
    caller = authenticate(request)
    subject = person_of(caller, person_id)
    access = access_of(caller.user)
    today = timezone.localdate()
    own = subject == access.person or rules_access.may_decide(access, subject, today)
    if not own:
        if not rules_access.staff_may_see(access, subject):
            raise ApiError(404, *NOT_FOUND)
        do_log_consent_read(caller.board, [subject.pk], where="api", acting_user=caller.user)
    qs = purposes_of(caller.board)
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
    body = parse_body(request, DecisionIn)
    subject = person_of(caller, person_id)
    access = access_of(caller.user)
    if not rules_access.may_decide(access, subject, timezone.localdate()):
        raise ApiError(404, *NOT_FOUND)
    try:
        record = do_record_consent(
            subject, purpose_of(caller, body.purpose), body.decision, given_by=access.person,
            method=Method.FORM, consent_round=open_round(subject), acting_user=caller.user,
        )  # fmt: skip
    except ConsentError as exc:
        raise refused(exc) from None
    return JsonResponse({"id": record.pk, "decision": record.decision}, status=201)


@api_view("POST")
def lookup(request: HttpRequest) -> HttpResponse:
    """The registry's answer for up to 500 people of the caller's school (one query)."""
    caller = authenticate(request)
    access = staff_access(caller)
    body = parse_body(request, LookupIn)
    purpose = purpose_of(caller, body.purpose)
    allowed = set(
        rules_access.people_for_staff(access)
        .filter(pk__in=body.people)
        .values_list("pk", flat=True)
    )
    pub = own_post(caller, body.post) if body.post else None
    found = statuses_for_purpose(caller.board, allowed, purpose.pk,
                                 day=timezone.localdate(), publication=pub)  # fmt: skip
    do_log_consent_read(caller.board, sorted(allowed), where="api_lookup", acting_user=caller.user)
    return JsonResponse({"purpose": purpose.key,
                         "statuses": {str(k): v.value for k, v in sorted(found.items())}})  # fmt: skip


@api_view("GET")
def search(request: HttpRequest) -> HttpResponse:
    caller = authenticate(request)
    people = rules_access.search_people(staff_access(caller), request.GET.get("q", "")[:80])
    return JsonResponse({"results": [{"id": p.pk, "name": p.full_name} for p in people]})


@api_view("POST")
def rounds(request: HttpRequest) -> HttpResponse:
    caller = authenticate(request)
    access = access_of(caller.user)
    scope = rules_access.staff_schools(access, rules_access.MANAGING_ROLES)
    body = parse_body(request, RoundIn)
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
        raise refused(exc) from None
    sent = do_notify_round(made, base_url=request.build_absolute_uri("/"), acting_user=caller.user)
    return JsonResponse(
        {"id": made.pk, "deadline": made.deadline.isoformat(), "emails": sent}, status=201
    )


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
