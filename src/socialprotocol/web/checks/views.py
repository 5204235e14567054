"""The check page ("Controleer je bericht") and what hangs off it. Views parse, check
permission (a check is only ever its author's) and call an action."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    JsonResponse,
)
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from socialprotocol.web.checks import actions
from socialprotocol.web.checks.engine import protocol_for
from socialprotocol.web.checks.forms import CheckForm
from socialprotocol.web.checks.models import Check, CheckMedia, Status
from socialprotocol.web.checks.present import (
    ShownFinding,
    segments,
    shown_findings,
    verdict_text,
)
from socialprotocol.web.checks.redaction import redactor
from socialprotocol.web.people.access import access_of


def _board_or_404(request: HttpRequest) -> Any:
    board = access_of(request.user).board
    if board is None:
        raise Http404
    return board


def _own(request: HttpRequest, check_id: UUID) -> Check:
    """The caller's own check; anything else is simply not found."""
    check = (
        Check.objects.select_related("board")
        .filter(pk=check_id, user_id=request.user.pk or 0)
        .first()
    )
    if check is None:
        raise Http404
    return check


@login_required
@require_http_methods(["GET", "POST"])
def new(request: HttpRequest) -> HttpResponse:
    board = _board_or_404(request)
    if request.method == "POST":
        form = CheckForm(request.POST, request.FILES)
        if form.is_valid() and form.post is not None:
            check = actions.do_create_check(
                board, form.post, form.uploads, acting_user=request.user
            )
            return redirect("checks:detail", check_id=check.pk)
        status = 400
    else:
        form = CheckForm(initial={"role": access_of(request.user).poster_role, "context": "work"})
        status = 200
    return render(request, "checks/new.html", {"form": form}, status=status)


def _boxes(findings: list[ShownFinding], index: int) -> list[tuple[int, dict[str, float]]]:
    return [(f.number, b) for f in findings for b in f.image_boxes if b["media"] == index]


@login_required
@require_GET
def detail(request: HttpRequest, check_id: UUID) -> HttpResponse:
    check = _own(request, check_id)
    lang = get_language() or "nl"
    media = list(check.media.all())
    report = check.report or {}
    sizes = {m.index: (m.width, m.height) for m in media if m.width and m.height}
    findings = shown_findings(report, check.text, protocol_for(check.board), lang, sizes)
    context = {
        "check": check,
        "report": report,
        "lang": lang,
        "verdict": verdict_text(report.get("verdict", ""), lang) if report else "",
        "findings": findings,
        "segments": segments(check.text, report) if report else [],
        "media": [{"m": m, "boxes": _boxes(findings, m.index)} for m in media],
        "can_blur": redactor() is not None,
        "pending": check.status in {Status.QUEUED, Status.RUNNING},
    }
    return render(request, "checks/detail.html", context)


@login_required
@require_GET
def status(request: HttpRequest, check_id: UUID) -> HttpResponse:
    check = _own(request, check_id)
    return JsonResponse({"status": check.status, "progress": check.progress})


@login_required
@require_GET
def history(request: HttpRequest) -> HttpResponse:
    lang = get_language() or "nl"
    checks = [
        (c, verdict_text(c.report["verdict"], lang) if c.report else c.get_status_display())
        for c in Check.objects.filter(user_id=request.user.pk or 0)[:50]
    ]
    return render(request, "checks/list.html", {"checks": checks})


@login_required
@require_POST
def save(request: HttpRequest, check_id: UUID) -> HttpResponse:
    check = _own(request, check_id)
    purpose = request.POST.get("purpose", "")
    if purpose not in actions.SAVE_PURPOSES:
        return HttpResponseBadRequest()
    actions.do_save_check(check, purpose, acting_user=request.user)
    return redirect("checks:detail", check_id=check.pk)


@login_required
@require_POST
def delete(request: HttpRequest, check_id: UUID) -> HttpResponse:
    actions.do_delete_check(_own(request, check_id), acting_user=request.user)
    return redirect("checks:new")


@login_required
@require_POST
def fix(request: HttpRequest, check_id: UUID, finding: int) -> HttpResponse:
    check = _own(request, check_id)
    try:
        actions.do_apply_fix(check, finding, acting_user=request.user)
    except ValueError:
        return HttpResponseBadRequest()
    return redirect("checks:detail", check_id=check.pk)


def _media(request: HttpRequest, check_id: UUID, index: int) -> CheckMedia:
    check = _own(request, check_id)
    media = CheckMedia.objects.filter(check_obj=check, index=index).first()
    if media is None:
        raise Http404
    return media


@login_required
@require_GET
def media_file(request: HttpRequest, check_id: UUID, index: int) -> HttpResponseBase:
    media = _media(request, check_id, index)
    response = FileResponse(media.file.open("rb"), content_type=media.content_type)
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def blur(request: HttpRequest, check_id: UUID, index: int) -> HttpResponse:
    media = _media(request, check_id, index)
    if media.kind != "image" or redactor() is None:
        return HttpResponseBadRequest()
    try:
        actions.do_redact_media(media, acting_user=request.user)
    except ValueError as exc:  # InputError included: a Dutch message about the file
        messages.error(request, str(exc))
    return redirect("checks:detail", check_id=check_id)


@login_required
@require_GET
def blurred(request: HttpRequest, check_id: UUID, index: int) -> HttpResponseBase:
    media = _media(request, check_id, index)
    if not media.redacted:
        raise Http404
    download = "bekijk" not in request.GET  # ?bekijk shows it in the page instead
    stem = media.name.rsplit(".", 1)[0]
    response = FileResponse(
        media.redacted.open("rb"), as_attachment=download, filename=f"{stem}-vervaagd.jpg",
        content_type="image/jpeg",
    )  # fmt: skip
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def protocol(request: HttpRequest) -> HttpResponse:
    user = request.user
    board = access_of(user).board if user.is_authenticated else None
    proto = protocol_for(board)
    return render(request, "checks/protocol.html", {"protocol": proto, "lang": get_language()})
