"""Every change made on a case page: parse the form, check permission, call one action."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from socialprotocol.web.cases.access import can_decide_staff, case_handlers
from socialprotocol.web.cases.actions import measures as measure_actions
from socialprotocol.web.cases.actions import report as report_actions
from socialprotocol.web.cases.actions import workflow
from socialprotocol.web.cases.evidence import EvidenceError, check_evidence
from socialprotocol.web.cases.forms import (
    ArticlesForm,
    AssignForm,
    CallTaskForm,
    InvolvementForm,
    MeasureForm,
    PoliceTaskForm,
    TransitionForm,
)
from socialprotocol.web.cases.models import Case, Involvement, Measure, Task
from socialprotocol.web.cases.protocol import article_choices
from socialprotocol.web.cases.views.common import handled_case, require, two_factor_required

Step = Callable[[HttpRequest, Case, str], str]


def _invalid(form: Any) -> str:
    errors = [e for field in form.errors.values() for e in field]
    return " ".join(str(e) for e in errors) or _("Controleer de invoer.")


def _transition(request: HttpRequest, case: Case, arg: str) -> str:
    form = TransitionForm(request.POST)
    if not form.is_valid():
        return _invalid(form)
    workflow.do_transition_case(case, form.cleaned_data["to_state"],
                                note=form.cleaned_data["note"], acting_user=request.user)  # fmt: skip
    return ""


def _articles(request: HttpRequest, case: Case, arg: str) -> str:
    form = ArticlesForm(request.POST, choices=article_choices(case.board))
    if not form.is_valid():
        return _invalid(form)
    workflow.do_set_case_articles(case, form.cleaned_data["articles"], acting_user=request.user)
    return ""


def _assign(request: HttpRequest, case: Case, arg: str) -> str:
    form = AssignForm(request.POST, handlers=case_handlers(case.board_id))
    if not form.is_valid():
        return _invalid(form)
    person = form.cleaned_data["assignee"]
    workflow.do_assign_case(case, person.user if person else None,
                            form.cleaned_data["deadline"], acting_user=request.user)  # fmt: skip
    return ""


def _person(request: HttpRequest, case: Case, arg: str) -> str:
    form = InvolvementForm(request.POST, board=case.board, prefix="person")
    if not form.is_valid():
        return _invalid(form)
    d = form.cleaned_data
    involved = report_actions.Involved(role=d["role"], part=d["part"], person=d["person"],
                                       name=d["name"])  # fmt: skip
    report_actions.do_add_involvement(case, involved, acting_user=request.user)
    return ""


def _qualify(request: HttpRequest, case: Case, arg: str) -> str:
    require(can_decide_staff(request.user, case))
    workflow.do_qualify_grensoverschrijdend(case, acting_user=request.user)
    return ""


def _criminal(request: HttpRequest, case: Case, arg: str) -> str:
    workflow.do_mark_possibly_criminal(case, acting_user=request.user)
    return ""


def _task(request: HttpRequest, case: Case, arg: str) -> str:
    task = Task.objects.filter(case=case, pk=int(arg)).first() if arg.isdigit() else None
    if task is None:
        raise Http404
    if task.phone:
        require(can_decide_staff(request.user, case))
        form: Any = CallTaskForm(request.POST, prefix="call")
        if not form.is_valid():
            return _invalid(form)
        workflow.do_complete_call_task(task, acting_user=request.user, **form.cleaned_data)
        return ""
    form = PoliceTaskForm(request.POST, prefix="police")
    if not form.is_valid():
        return _invalid(form)
    workflow.do_complete_police_task(task, acting_user=request.user, **form.cleaned_data)
    return ""


def _measure(request: HttpRequest, case: Case, arg: str) -> str:
    form = MeasureForm(request.POST)
    if not form.is_valid():
        return _invalid(form)
    d = form.cleaned_data
    involvement = Involvement.objects.filter(case=case, pk=d["involvement"]).first()
    if involvement is None:
        raise Http404
    if involvement.role == "staff":
        require(can_decide_staff(request.user, case))
    measure_actions.do_decide_measure(involvement, d["measure"], decided_on=d["decided_on"],
                                      reasons=d["reasons"], acting_user=request.user)  # fmt: skip
    return ""


def _own_measure(request: HttpRequest, case: Case, arg: str) -> Measure:
    measure = (
        Measure.objects.filter(case=case, pk=int(arg)).select_related("case__board", "involvement")
        .first() if arg.isdigit() else None
    )  # fmt: skip
    if measure is None:
        raise Http404
    if measure.ladder == "staff":
        require(can_decide_staff(request.user, case))
    return measure


def _step(request: HttpRequest, case: Case, arg: str) -> str:
    measure = _own_measure(request, case, arg)
    index = request.POST.get("index", "")
    if not index.isdigit():
        raise Http404
    measure_actions.do_check_measure_step(measure, int(index), acting_user=request.user)
    return ""


def _letter(request: HttpRequest, case: Case, arg: str) -> str:
    measure = _own_measure(request, case, arg)
    measure_actions.do_send_measure_letter(measure, acting_user=request.user)
    return ""


def _evidence(request: HttpRequest, case: Case, arg: str) -> str:
    files = request.FILES.getlist("evidence")
    if not files:
        return _("Kies een bestand.")
    try:
        checked = [check_evidence(f) for f in files]
    except EvidenceError as exc:
        return str(exc)
    for item in checked:
        report_actions.do_add_evidence(case, item, acting_user=request.user)
    return ""


STEPS: dict[str, Step] = {
    "status": _transition, "artikelen": _articles, "toewijzen": _assign, "betrokkene": _person,
    "grensoverschrijdend": _qualify, "strafbaar": _criminal, "taak": _task,
    "maatregel": _measure, "stap": _step, "brief": _letter, "bewijs": _evidence,
}  # fmt: skip


@login_required
@two_factor_required
@require_POST
def case_step(request: HttpRequest, case_id: UUID, step: str, arg: str = "") -> HttpResponse:
    handler = STEPS.get(step)
    if handler is None:
        raise Http404
    case = handled_case(request, case_id)
    try:
        error = handler(request, case, arg)
    except (workflow.WorkflowError, ValueError) as exc:
        error = str(exc)
    if error:
        messages.error(request, error)
        response = redirect("cases:detail", case_id=case.pk)
        response.status_code = 303
        return response
    messages.success(request, _("Opgeslagen."))
    return redirect("cases:detail", case_id=case.pk)
