"""Dossiers: the keepers read them (reason asked and logged on every read), the person
concerned exports their own; everyone else gets nothing."""

from __future__ import annotations

import time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from socialprotocol.web.cases.access import (
    can_close_file,
    own_dossiers,
    readable_dossiers,
)
from socialprotocol.web.cases.actions.dossier import (
    do_export_dossier,
    do_log_dossier_read,
    do_log_file_download,
    do_log_list_read,
    do_record_file_end,
)
from socialprotocol.web.cases.forms import FileEndForm, ReasonForm
from socialprotocol.web.cases.models import Dossier
from socialprotocol.web.cases.views.common import board_or_404, require, two_factor_required
from socialprotocol.web.people.access import access_of
from socialprotocol.web.people.models import Role

_REASON_KEY = "dossier_reason_{}"
_REASON_SECONDS = 30 * 60


def _keeper(request: HttpRequest) -> bool:
    return access_of(request.user).has(Role.HR, Role.BOARD, Role.PUPIL_RECORDS, Role.MANAGEMENT)


def _readable(request: HttpRequest, dossier_id: int) -> Dossier:
    dossier = (
        readable_dossiers(request.user).select_related("person", "board")
        .filter(pk=dossier_id).first()
    )  # fmt: skip
    if dossier is None:
        raise Http404
    return dossier


@login_required
@two_factor_required
@require_GET
def dossier_list(request: HttpRequest) -> HttpResponse:
    require(_keeper(request))
    rows = list(readable_dossiers(request.user).select_related("person").order_by("person__last_name"))
    do_log_list_read("dossier_list_read", board_or_404(request), len(rows),
                     acting_user=request.user)  # fmt: skip
    return render(request, "cases/dossiers.html", {"dossiers": rows})


@login_required
@two_factor_required
@require_http_methods(["GET", "POST"])
def dossier_read(request: HttpRequest, dossier_id: int) -> HttpResponse:
    dossier = _readable(request, dossier_id)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        do_log_dossier_read(dossier, reason, acting_user=request.user)
        request.session[_REASON_KEY.format(dossier.pk)] = [reason, time.time()]
        entries = list(dossier.entries.select_related("case", "created_by"))
        return render(request, "cases/dossier.html", {
            "dossier": dossier, "entries": entries, "reason": reason,
            "end_form": FileEndForm(initial={"ended_on": dossier.ended_on}),
            "can_close": can_close_file(request.user, dossier),
        })  # fmt: skip
    status = 400 if request.method == "POST" else 200
    return render(request, "cases/dossier_reason.html", {"dossier": dossier, "form": form},
                  status=status)  # fmt: skip


@login_required
@two_factor_required
@require_GET
def dossier_entry_file(request: HttpRequest, dossier_id: int, entry_id: int) -> HttpResponseBase:
    dossier = _readable(request, dossier_id)
    entry = dossier.entries.filter(pk=entry_id).select_related("dossier__board").first()
    if entry is None or not entry.file:
        raise Http404
    saved = request.session.get(_REASON_KEY.format(dossier.pk))
    if not saved or time.time() - float(saved[1]) > _REASON_SECONDS:
        return redirect("cases:dossier", dossier_id=dossier.pk)  # ask the reason again
    do_log_file_download(entry, str(saved[0]), acting_user=request.user)
    return FileResponse(entry.file.open("rb"), as_attachment=True, filename=f"{entry.title}.pdf",
                        content_type="application/pdf")  # fmt: skip


@login_required
@two_factor_required
@require_POST
def dossier_end(request: HttpRequest, dossier_id: int) -> HttpResponse:
    dossier = _readable(request, dossier_id)
    require(can_close_file(request.user, dossier))
    form = FileEndForm(request.POST)
    if form.is_valid():
        do_record_file_end(dossier, form.cleaned_data["ended_on"], acting_user=request.user)
        messages.success(request, _("De einddatum is vastgelegd; de bewaartermijn loopt."))
    else:
        messages.error(request, _("Vul een geldige datum in."))
    return redirect("cases:dossier", dossier_id=dossier.pk)


@login_required
@require_GET
def my_files(request: HttpRequest) -> HttpResponse:
    rows = list(own_dossiers(request.user).select_related("person"))
    return render(request, "cases/my_files.html", {"dossiers": rows})


@login_required
@require_POST
def export(request: HttpRequest, dossier_id: int) -> HttpResponse:
    dossier = own_dossiers(request.user).select_related("person", "board").filter(
        pk=dossier_id
    ).first()
    if dossier is None:
        raise Http404
    data = do_export_dossier(dossier, acting_user=request.user)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="dossier-{dossier.pk}.zip"'
    return response


