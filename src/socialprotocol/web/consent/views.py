"""Parents (and pupils from 16, and staff for themselves) see and change consents; staff see
the people of their school, every read logged. Views parse, check permission, call an action."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from socialprotocol.web.consent import access as rules_access
from socialprotocol.web.consent.actions import ConsentError, do_log_consent_read, do_record_consent
from socialprotocol.web.consent.forms import DecisionForm
from socialprotocol.web.consent.models import Method, Purpose
from socialprotocol.web.consent.overview import (
    confirmed_in,
    consents_of,
    history_of,
    open_round,
    purposes_of,
    status_text,
    uses_of,
)
from socialprotocol.web.consent.paper_views import may_record_paper
from socialprotocol.web.consent.rules import Status
from socialprotocol.web.consent.school_views import BOARD_ADMINS
from socialprotocol.web.people.access import access_of
from socialprotocol.web.people.models import Person


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """'Toestemming': the consents this account decides, per person and purpose."""
    access = access_of(request.user)
    if access.person is None:
        raise Http404
    today = timezone.localdate()
    people = rules_access.own_people(access)
    mine = [p for p in people if rules_access.may_decide(access, p, today)]
    others = [p for p in people if p not in mine and p.pk != access.person.pk]
    purposes = purposes_of(access.person.board_id)
    lang = get_language() or "nl"
    rows = []
    for pc in consents_of(mine, purposes, today):
        running = open_round(pc.person)
        confirmed = confirmed_in(pc.person, running) if running else set()
        rows.append({
            "person": pc.person,
            "me": pc.person.pk == access.person.pk,
            "statuses": [
                {"purpose": q, "status": s.value, "text": status_text(s, lang),
                 "to_confirm": running is not None and s is Status.YES and q.pk not in confirmed}
                for q, s in pc.statuses
            ],
            "uses": uses_of(pc.person),
            "round": running,
        })  # fmt: skip
    return render(
        request,
        "consent/home.html",
        {
            "rows": rows,
            "others": others,
            "is_staff": rules_access.is_staff(access),
            "can_round": rules_access.staff_schools(access, rules_access.MANAGING_ROLES) != set(),
            "can_import": rules_access.staff_schools(access, BOARD_ADMINS) is None,
        },
    )


@login_required
@require_POST
def decide(request: HttpRequest, person_id: int, purpose_id: int) -> HttpResponse:
    access = access_of(request.user)
    today = timezone.localdate()
    person = Person.objects.filter(pk=person_id, board_id=access.board_id or 0).first()
    purpose = Purpose.objects.filter(pk=purpose_id, board_id=access.board_id or 0).first()
    if person is None or purpose is None or not rules_access.may_decide(access, person, today):
        raise Http404
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies ja, nee of intrekken."))
        return redirect("consent:home")
    try:
        do_record_consent(
            person,
            purpose,
            form.cleaned_data["decision"],
            given_by=access.person,
            method=Method.FORM,
            consent_round=open_round(person),
            acting_user=request.user,
        )
    except ConsentError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Opgeslagen. Je kunt dit altijd weer veranderen."))
    return redirect(f"{reverse('consent:home')}#person-{person.pk}")


@login_required
@require_GET
def person_detail(request: HttpRequest, person_id: int) -> HttpResponse:
    """One person's consents, their full history (the proof) and the posts that used them.

    A parent sees their own children; staff the people of their school, and the read is logged."""
    access = access_of(request.user)
    person = Person.objects.filter(pk=person_id, board_id=access.board_id or 0).first()
    if person is None:
        raise Http404
    today = timezone.localdate()
    as_parent = rules_access.may_decide(access, person, today) or person == access.person
    as_staff = not as_parent and rules_access.staff_may_see(access, person)
    if not (as_parent or as_staff):
        raise Http404
    if as_staff:
        do_log_consent_read(
            person.board, [person.pk], where="person_page", acting_user=request.user
        )
    lang = get_language() or "nl"
    purposes = purposes_of(person.board_id)
    (consents,) = consents_of([person], purposes, today)
    return render(
        request,
        "consent/person.html",
        {
            "subject": person,
            "statuses": [(q, s.value, status_text(s, lang)) for q, s in consents.statuses],
            "history": history_of(person),
            "uses": uses_of(person),
            "decider": rules_access.who_decides(person, today).value,
            "as_staff": as_staff,
            "can_paper": may_record_paper(access, person),
        },
    )
