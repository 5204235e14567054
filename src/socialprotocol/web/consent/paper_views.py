"""The school's administration records a signed paper form (with its scan) for a person, and
staff open the scan; both only for people of their own school, every read logged."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from socialprotocol.web.consent import access as rules_access
from socialprotocol.web.consent.actions import ConsentError, do_log_consent_read, do_record_consent
from socialprotocol.web.consent.forms import PaperForm
from socialprotocol.web.consent.models import ConsentRecord, Method, Purpose
from socialprotocol.web.people.access import Access, access_of
from socialprotocol.web.people.models import ParentLink, Person, Role

PAPER_ROLES = frozenset({Role.MANAGEMENT, Role.ADMIN, Role.PRIVACY_OFFICER, Role.PUPIL_RECORDS})


def may_record_paper(access: Access, person: Person) -> bool:
    return rules_access.people_for_staff(access, PAPER_ROLES).filter(pk=person.pk).exists()


@login_required
@require_http_methods(["GET", "POST"])
def paper(request: HttpRequest, person_id: int) -> HttpResponse:
    access = access_of(request.user)
    person = Person.objects.filter(pk=person_id, board_id=access.board_id or 0).first()
    if person is None or not may_record_paper(access, person):
        raise Http404
    purposes = {p.pk: p for p in Purpose.objects.filter(board_id=person.board_id, active=True)}
    parents = Person.objects.filter(
        pk__in=ParentLink.objects.filter(child=person).values("parent_id")
    )
    signers = {p.pk: p for p in [*parents, person]}
    form = PaperForm(
        request.POST or None,
        request.FILES or None,
        purposes=[(k, str(v)) for k, v in purposes.items()],
        signers=[(k, v.full_name) for k, v in signers.items()],
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            do_record_consent(
                person, purposes[data["purpose"]], data["decision"],
                given_by=signers.get(data["given_by"]) if data["given_by"] else None,
                given_by_name=data["given_by_name"], decided_on=data["decided_on"],
                method=Method.PAPER, evidence=data["evidence"], scan=data["scan"],
                acting_user=request.user,
            )  # fmt: skip
        except ConsentError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Het formulier is vastgelegd."))
            return redirect("consent:person", person_id=person.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "consent/paper.html", {"form": form, "subject": person}, status=status)


@login_required
@require_GET
def scan(request: HttpRequest, record_id: int) -> HttpResponseBase:
    access = access_of(request.user)
    record = (
        ConsentRecord.objects.select_related("subject", "board")
        .filter(pk=record_id, board_id=access.board_id or 0)
        .exclude(scan="")
        .first()
    )
    if record is None or not rules_access.staff_may_see(access, record.subject):
        raise Http404
    do_log_consent_read(record.board, [record.subject_id], where="scan", acting_user=request.user)
    response = FileResponse(record.scan.open("rb"), as_attachment=True)
    response["Cache-Control"] = "private, no-store"
    return response
