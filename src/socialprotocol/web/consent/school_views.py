"""School pages: who in a group may be shown; start a re-confirmation round; import consents."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from socialprotocol.web.consent import access as rules_access
from socialprotocol.web.consent.actions import ConsentError, do_log_consent_read, do_start_round
from socialprotocol.web.consent.forms import ImportForm, RoundForm
from socialprotocol.web.consent.importer import import_consents
from socialprotocol.web.consent.models import ConsentRound
from socialprotocol.web.consent.overview import consents_of, purposes_of, status_text
from socialprotocol.web.consent.rounds import do_notify_round
from socialprotocol.web.people.access import access_of
from socialprotocol.web.people.models import Group, Membership, Person, Role, School

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


@login_required
@require_GET
def people_page(request: HttpRequest) -> HttpResponse:
    """The people of the caller's school(s) with their answer per purpose, one group at a time
    (who in my class may not be shown?). The read is logged."""
    access = access_of(request.user)
    if access.person is None or not rules_access.is_staff(access):
        raise Http404
    people = rules_access.people_for_staff(access)
    groups = list(
        Group.objects.filter(school__board_id=access.person.board_id)
        .filter(pk__in=Membership.objects.filter(person__in=people).values("group_id"))
        .select_related("school")
    )
    chosen = next((g for g in groups if str(g.pk) == request.GET.get("groep", "")), None)
    shown: list[Person] = []
    if chosen is not None:
        shown = list(people.filter(memberships__group=chosen).distinct()[:200])
        do_log_consent_read(access.person.board, [p.pk for p in shown], where="school_list",
                            acting_user=request.user)  # fmt: skip
    lang = get_language() or "nl"
    purposes = purposes_of(access.person.board_id)
    rows = [
        {"person": pc.person,
         "statuses": [(s.value, status_text(s, lang)) for _, s in pc.statuses]}
        for pc in consents_of(shown, purposes, timezone.localdate())
    ]  # fmt: skip
    context = {"groups": groups, "chosen": chosen, "purposes": purposes, "rows": rows}
    return render(request, "consent/people.html", context)
