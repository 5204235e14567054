"""School management: start a re-confirmation round; import existing consents."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from socialprotocol.web.consent import access as rules_access
from socialprotocol.web.consent.actions import ConsentError, do_start_round
from socialprotocol.web.consent.forms import ImportForm, RoundForm
from socialprotocol.web.consent.importer import import_consents
from socialprotocol.web.consent.models import ConsentRound
from socialprotocol.web.consent.rounds import do_notify_round
from socialprotocol.web.people.access import access_of
from socialprotocol.web.people.models import Role, School

BOARD_ADMINS = frozenset({Role.ADMIN, Role.PRIVACY_OFFICER})


@login_required
@require_http_methods(["GET", "POST"])
def rounds(request: HttpRequest) -> HttpResponse:
    access = access_of(request.user)
    scope = rules_access.staff_schools(access, rules_access.MANAGING_ROLES)
    if access.person is None or scope == set():
        raise Http404
    board = access.person.board
    schools = School.objects.filter(board=board)
    if scope is not None:
        schools = schools.filter(pk__in=scope)
    choices = [(s.pk, s.name) for s in schools]
    form = RoundForm(request.POST or None, schools=choices)
    if scope is not None:
        form.fields["school"].required = True
    if request.method == "POST" and form.is_valid():
        school = schools.filter(pk=form.cleaned_data["school"] or 0).first()
        try:
            made = do_start_round(board, form.cleaned_data["name"], form.cleaned_data["deadline"],
                                  school=school, acting_user=request.user)  # fmt: skip
        except ConsentError as exc:
            messages.error(request, str(exc))
        else:
            sent = do_notify_round(
                made, base_url=request.build_absolute_uri("/"), acting_user=request.user
            )
            messages.success(
                request, _("De ronde is gestart; %(n)d e-mail(s) verstuurd.") % {"n": sent}
            )
            return redirect("consent:rounds")
    existing = ConsentRound.objects.filter(board=board).select_related("school")[:20]
    status = 400 if request.method == "POST" else 200
    return render(request, "consent/rounds.html", {"form": form, "rounds": existing}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest) -> HttpResponse:
    """Existing consents from CSV: checked row by row; with 'apply' the good rows recorded."""
    access = access_of(request.user)
    if access.person is None or rules_access.staff_schools(access, BOARD_ADMINS) is not None:
        raise Http404  # board-wide admin or privacy officer only
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = import_consents(access.person.board, form.cleaned_data["file"],
                                 apply=form.cleaned_data["apply"], acting_user=request.user)  # fmt: skip
    status = 400 if request.method == "POST" and not form.is_valid() else 200
    return render(request, "consent/import.html", {"form": form, "result": result}, status=status)
