"""Cases and dossiers in the JSON API (/api/v1/): the same access rules as the pages."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation

from socialprotocol.web.api.auth import Caller, authenticate
from socialprotocol.web.api.errors import NOT_FOUND, ApiError
from socialprotocol.web.api.views import api_view
from socialprotocol.web.cases.access import (
    can_export_dossier,
    is_case_handler,
    own_dossiers,
    readable_dossiers,
    visible_cases,
)
from socialprotocol.web.cases.actions.dossier import (
    do_export_dossier,
    do_log_case_read,
    do_log_dossier_read,
    do_log_list_read,
)
from socialprotocol.web.cases.actions.report import NewReport, do_report_case
from socialprotocol.web.cases.actions.workflow import WorkflowError, do_transition_case
from socialprotocol.web.cases.forms import ReportForm
from socialprotocol.web.cases.models import Case, Dossier
from socialprotocol.web.people.access import access_of

FORBIDDEN = ApiError(403, "forbidden", "Hier heb je geen toegang toe.", "You have no access here.")


def _body(request: HttpRequest) -> dict[str, Any]:
    try:
        data = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, "invalid_json", "De body is geen geldige JSON.",
                       "The body is not valid JSON.") from None  # fmt: skip
    if not isinstance(data, dict):
        raise ApiError(400, "invalid_json", "Stuur een JSON-object.", "Send a JSON object.")
    return data


@api_view("POST")
def reports(request: HttpRequest) -> HttpResponse:
    caller = authenticate(request)
    access = access_of(caller.user)
    data = {"poster_role": "other", "post_context": "private", **_body(request)}
    form = ReportForm(data, board=caller.board, can_hide=access.has("pupil", "parent"),
                      can_be_anonymous=True)  # fmt: skip
    if not form.is_valid():
        fields: dict[str, dict[str, str]] = {}
        for lang in ("nl", "en"):
            with translation.override(lang):
                for key, errors in form.errors.items():
                    fields.setdefault(key, {})[lang] = " ".join(str(e) for e in errors)
        first = next(iter(fields.values()))
        raise ApiError(400, "invalid_input", first["nl"], first["en"], fields)
    d = form.cleaned_data
    report = NewReport(
        description=d["description"], school=d["school"], link=d["link"],
        platform=d["platform"], post_text=d["post_text"], post_context=d["post_context"],
        poster_role=d["poster_role"], involved_text=d["involved_text"], reporter=access.person,
        hide_name=bool(d.get("hide_name")), anonymous=bool(d.get("anonymous")),
    )  # fmt: skip
    case, code = do_report_case(caller.board, report, acting_user=caller.user)
    return JsonResponse({"reference": case.reference, "state": case.state,
                         "receipt_code": code or None}, status=201)  # fmt: skip


TWO_FACTOR = ApiError(
    403, "two_factor_required",
    "Zaken en dossiers alleen na inloggen met je authenticator-app (geen API-sleutel).",
    "Cases and files only after logging in with your authenticator app (no API key).",
)  # fmt: skip


def verified(request: HttpRequest) -> Caller:
    caller = authenticate(request)
    if not getattr(caller.user, "is_verified", lambda: False)():
        raise TWO_FACTOR
    return caller


def _summary(case: Case) -> dict[str, Any]:
    return {"id": str(case.pk), "reference": case.reference, "state": case.state,
            "school": case.school.name if case.school else None,
            "created": case.created.isoformat(),
            "deadline": case.deadline.isoformat() if case.deadline else None}  # fmt: skip


@api_view("GET")
def cases(request: HttpRequest) -> HttpResponse:
    caller = verified(request)
    if not is_case_handler(caller.user):
        raise FORBIDDEN
    rows = list(visible_cases(caller.user).select_related("school")[:500])
    do_log_list_read("case_list_read", caller.board, len(rows), acting_user=caller.user)
    return JsonResponse({"cases": [_summary(c) for c in rows]})


def _case(caller_user: Any, case_id: UUID) -> Case:
    case = visible_cases(caller_user).select_related("school", "board").filter(pk=case_id).first()
    if case is None:
        raise ApiError(404, *NOT_FOUND)
    return case


@api_view("GET")
def case_detail(request: HttpRequest, case_id: UUID) -> HttpResponse:
    caller = verified(request)
    case = _case(caller.user, case_id)
    do_log_case_read(case, "zaakbehandeling (API)", acting_user=caller.user)
    body = _summary(case) | {
        "description": case.description, "link": case.link, "platform": case.platform,
        "post_text": case.post_text, "articles": case.articles,
        "suggested_report": case.suggestion, "grensoverschrijdend": case.grensoverschrijdend,
        "possibly_criminal": case.possibly_criminal,
        "history": [{"from": t.from_state or None, "to": t.to_state, "at": t.at.isoformat(),
                     "actor": t.actor.username if t.actor else None, "note": t.note}
                    for t in case.transitions.select_related("actor")],
        "tasks": [{"kind": t.kind, "title": t.title, "done": t.done} for t in case.tasks.all()],
        "measures": [{"measure": m.measure, "name": m.name, "decided_on": m.decided_on.isoformat(),
                      "letter_sent": m.letter_sent_at is not None} for m in case.measures.all()],
        "evidence": [{"name": e.name, "sha256": e.sha256, "size": e.size,
                      "content_type": e.content_type} for e in case.evidence.all()],
    }  # fmt: skip
    return JsonResponse(body)


@api_view("POST")
def case_transition(request: HttpRequest, case_id: UUID) -> HttpResponse:
    caller = verified(request)
    case = _case(caller.user, case_id)
    data = _body(request)
    try:
        row = do_transition_case(case, str(data.get("to", "")), note=str(data.get("note", "")),
                                 acting_user=caller.user)  # fmt: skip
    except WorkflowError as exc:
        raise ApiError(409, "invalid_transition", str(exc), str(exc)) from None
    return JsonResponse({"from": row.from_state, "to": row.to_state, "at": row.at.isoformat()})


def _entries(dossier: Dossier) -> list[dict[str, Any]]:
    return [{"id": e.pk, "kind": e.kind, "title": e.title, "text": e.body, "sha256": e.sha256,
             "created": e.created.isoformat(), "case": e.case.reference if e.case else None}
            for e in dossier.entries.select_related("case")]  # fmt: skip


@api_view("GET")
def dossier_detail(request: HttpRequest, dossier_id: int) -> HttpResponse:
    caller = verified(request)
    dossier = readable_dossiers(caller.user).select_related("board", "person").filter(
        pk=dossier_id
    ).first()
    if dossier is None:
        raise ApiError(404, *NOT_FOUND)
    reason = request.GET.get("reason", "").strip()
    if len(reason) < 3:
        raise ApiError(400, "reason_required", "Geef de reden van inzage (?reason=…).",
                       "Give the reason for reading (?reason=…).")  # fmt: skip
    do_log_dossier_read(dossier, reason, acting_user=caller.user)
    return JsonResponse({"id": dossier.pk, "kind": dossier.kind,
                         "person": dossier.person.full_name, "entries": _entries(dossier)})  # fmt: skip


@api_view("GET")
def dossier_export(request: HttpRequest, dossier_id: int) -> HttpResponse:
    caller = authenticate(request)
    dossier = own_dossiers(caller.user).select_related("board", "person").filter(
        pk=dossier_id
    ).first()
    if dossier is None or not can_export_dossier(caller.user, dossier):
        raise ApiError(404, *NOT_FOUND)
    data = do_export_dossier(dossier, acting_user=caller.user)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="dossier-{dossier.pk}.zip"'
    return response
