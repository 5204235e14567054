"""Reporting a post (anyone logged in), one's own reports, and follow-up by receipt code."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from socialprotocol.web.cases.actions.report import (
    NewReport,
    anonymous_allowed,
    do_report_case,
    hash_receipt,
)
from socialprotocol.web.cases.forms import ReceiptForm, ReportForm
from socialprotocol.web.cases.models import Case
from socialprotocol.web.cases.views.common import board_or_404
from socialprotocol.web.people.access import access_of


@login_required
@require_http_methods(["GET", "POST"])
def new_report(request: HttpRequest) -> HttpResponse:
    board = board_or_404(request)
    access = access_of(request.user)
    form = ReportForm(request.POST or None, request.FILES or None, board=board,
                      can_hide=access.has("pupil", "parent"),
                      can_be_anonymous=anonymous_allowed(board))  # fmt: skip
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        report = NewReport(
            description=data["description"], school=data["school"], link=data["link"],
            platform=data["platform"], post_text=data["post_text"],
            post_context=data["post_context"], poster_role=data["poster_role"],
            involved_text=data["involved_text"], reporter=access.person,
            hide_name=bool(data.get("hide_name")), anonymous=bool(data.get("anonymous")),
            files=form.checked,
        )  # fmt: skip
        case, code = do_report_case(board, report, acting_user=request.user)
        return render(request, "cases/reported.html", {"case": case, "code": code})
    status = 400 if request.method == "POST" else 200
    return render(request, "cases/report_new.html", {"form": form}, status=status)


@login_required
@require_GET
def my_reports(request: HttpRequest) -> HttpResponse:
    person = access_of(request.user).person
    cases = Case.objects.filter(reporter=person) if person else Case.objects.none()
    return render(request, "cases/my_reports.html",
                  {"cases": cases.only("reference", "state", "created")})  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def follow(request: HttpRequest) -> HttpResponse:
    board = board_or_404(request)
    form = ReceiptForm(request.POST or None)
    case = None
    if request.method == "POST" and form.is_valid():
        case = (
            Case.objects.filter(board=board, anonymous=True,
                                receipt_hash=hash_receipt(form.cleaned_data["code"]))
            .only("reference", "state").first()
        )  # fmt: skip
    status = 404 if request.method == "POST" and case is None else 200
    return render(request, "cases/follow.html", {"form": form, "case": case}, status=status)
