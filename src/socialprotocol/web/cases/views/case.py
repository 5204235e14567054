"""Case pages for those who handle them: the list, the case (each read logged), evidence."""

from __future__ import annotations

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from socialprotocol.web.cases.access import (
    can_decide_staff,
    case_handlers,
    is_case_handler,
    visible_cases,
)
from socialprotocol.web.cases.actions.dossier import (
    do_log_case_read,
    do_log_file_download,
    do_log_list_read,
)
from socialprotocol.web.cases.actions.report import suggested_articles
from socialprotocol.web.cases.forms import (
    ArticlesForm,
    AssignForm,
    CallTaskForm,
    InvolvementForm,
    PoliceTaskForm,
    TransitionForm,
)
from socialprotocol.web.cases.models import TRANSITIONS, Evidence, State
from socialprotocol.web.cases.protocol import article_choices, measures_for
from socialprotocol.web.cases.views.common import (
    board_or_404,
    handled_case,
    require,
    two_factor_required,
)


@login_required
@two_factor_required
@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    require(is_case_handler(request.user))
    cases = visible_cases(request.user)
    rows = list(
        cases.select_related("school")
        .only("reference", "state", "created", "deadline", "school__name")
    )  # fmt: skip
    do_log_list_read("case_list_read", board_or_404(request), len(rows), acting_user=request.user)
    return render(request, "cases/list.html", {"cases": rows})


@login_required
@two_factor_required
@require_GET
def case_detail(request: HttpRequest, case_id: UUID) -> HttpResponse:
    case = handled_case(request, case_id)
    do_log_case_read(case, "zaakbehandeling", acting_user=request.user)
    people = list(case.people.select_related("person", "child"))
    measures = list(case.measures.select_related("involvement__person", "decided_by"))
    ladders = {
        "staff": measures_for(case.board, "staff"),
        "pupil_parent": measures_for(case.board, "pupil_parent"),
    }
    context = {
        "case": case,
        "people": people,
        "transitions": list(case.transitions.select_related("actor")),
        "tasks": list(case.tasks.select_related("completed_by")),
        "measures": measures,
        "evidence": list(case.evidence.select_related("uploaded_by")),
        "next_states": [(s, State(s).label) for s in sorted(TRANSITIONS[case.state])],
        "suggested": suggested_articles(case.suggestion),
        "articles_form": ArticlesForm(initial={"articles": case.articles},
                                      choices=article_choices(case.board)),
        "assign_form": AssignForm(initial={"deadline": case.deadline},
                                  handlers=case_handlers(case.board_id)),
        "person_form": InvolvementForm(board=case.board, prefix="person"),
        "transition_form": TransitionForm(),
        "call_form": CallTaskForm(prefix="call"),
        "police_form": PoliceTaskForm(prefix="police"),
        "ladders": ladders,
        "is_board": can_decide_staff(request.user, case),
        "has_staff": any(p.role == "staff" and p.part == "reported" for p in people),
    }
    return render(request, "cases/detail.html", context)


@login_required
@two_factor_required
@require_GET
def evidence_file(request: HttpRequest, case_id: UUID, evidence_id: int) -> FileResponse:
    case = handled_case(request, case_id)
    row = Evidence.objects.filter(case=case, pk=evidence_id).select_related("case__board").first()
    if row is None:
        raise Http404
    do_log_file_download(row, "zaakbehandeling", acting_user=request.user)
    return FileResponse(row.file.open("rb"), as_attachment=True, filename=row.name,
                        content_type=row.content_type)
