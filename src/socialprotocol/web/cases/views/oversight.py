"""The board's overview (charts without names) and the privacy officer's audit log."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from socialprotocol.web.cases.access import can_read_audit_log, can_see_overview
from socialprotocol.web.cases.actions.dossier import do_log_list_read
from socialprotocol.web.cases.overview import overview
from socialprotocol.web.cases.views.common import board_or_404, require, two_factor_required
from socialprotocol.web.core.actions import write_audit
from socialprotocol.web.core.models import AuditLog

LOG_ROWS = 500


@login_required
@two_factor_required
@require_GET
def board_overview(request: HttpRequest) -> HttpResponse:
    require(can_see_overview(request.user))
    board = board_or_404(request)
    charts = overview(board)
    do_log_list_read("case_overview_read", board, len(charts), acting_user=request.user)
    return render(request, "cases/overview.html", {"charts": charts})


@login_required
@two_factor_required
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    require(can_read_audit_log(request.user))
    board = board_or_404(request)
    event = request.GET.get("event", "")[:80]
    rows = AuditLog.objects.filter(board=board).select_related("acting_user")
    if event:
        rows = rows.filter(event=event)
    with transaction.atomic():
        write_audit("audit_log_read", acting_user=request.user, board=board,
                    detail={"event": event})  # fmt: skip
    return render(request, "cases/audit_log.html",
                  {"rows": list(rows[:LOG_ROWS]), "event": event, "limit": LOG_ROWS})  # fmt: skip
