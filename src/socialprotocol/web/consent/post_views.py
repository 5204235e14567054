"""The consent flow of one post (staff): start it from a checked photo, tag faces, name
voices, ask for consent, make and download the publishable copy."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from socialprotocol.engine.model import InputError
from socialprotocol.web.checks.models import CheckMedia
from socialprotocol.web.consent import access as rules_access
from socialprotocol.web.consent.actions import ConsentError, do_log_consent_read
from socialprotocol.web.consent.models import Publication
from socialprotocol.web.consent.overview import (
    copy_is_stale,
    purposes_of,
    status_text,
    take_downs,
)
from socialprotocol.web.consent.post_actions import (
    current_statuses,
    do_change_purpose,
    do_create_publication,
    do_make_copy,
    do_set_voices,
    do_tag_faces,
    open_requests,
)
from socialprotocol.web.consent.publications import (
    TagInput,
    parse_tags,
    publication_for,
    publications_for,
    school_of,
)
from socialprotocol.web.consent.requests import do_request_consent
from socialprotocol.web.consent.rules import Status
from socialprotocol.web.people.access import Access, access_of
from socialprotocol.web.people.models import Membership

STALE = gettext_lazy(
    "Iemand op deze kopie heeft geen toestemming meer. Maak een nieuwe kopie: die vervaagt hen."
)


def _staff(request: HttpRequest) -> Access:
    access = access_of(request.user)
    if access.person is None or not rules_access.is_staff(access):
        raise Http404
    return access


@login_required
@require_POST
def start(request: HttpRequest, check_id: UUID, index: int) -> HttpResponse:
    """From the check page: a post in the consent flow for one of the author's own photos."""
    access = access_of(request.user)
    item = (
        CheckMedia.objects.select_related("check_obj__board")
        .filter(check_obj_id=check_id, check_obj__user_id=request.user.pk or 0, index=index)
        .first()
    )
    if item is None:
        raise Http404
    if access.person is None or not rules_access.is_staff(access):
        messages.error(request, _("Alleen medewerkers van de school kunnen mensen taggen."))
        return redirect("checks:detail", check_id=check_id)
    purposes = purposes_of(item.check_obj.board_id)
    if not purposes:
        messages.error(request, _("Het bestuur heeft nog geen doelen voor toestemming ingesteld."))
        return redirect("checks:detail", check_id=check_id)
    try:
        pub = do_create_publication(
            item, purposes[0], school=school_of(access), acting_user=request.user
        )
    except (InputError, ConsentError) as exc:
        messages.error(request, str(exc))
        return redirect("checks:detail", check_id=check_id)
    return redirect("consent:post", pub_id=pub.pk)


@login_required
@require_GET
def post_list(request: HttpRequest) -> HttpResponse:
    access = _staff(request)
    pubs = publications_for(access)
    return render(request, "consent/post_list.html", {"pubs": pubs, "take_downs": take_downs(pubs)})


def _faces_context(pub: Publication, statuses: dict[int, Status], lang: str) -> dict[str, object]:
    waiting = open_requests(pub)
    faces = []
    for f in pub.faces.select_related("person"):
        status = statuses.get(f.person_id) if f.person_id else None
        faces.append({
            "tag": f,
            "left": 100 * f.x / max(pub.width, 1), "top": 100 * f.y / max(pub.height, 1),
            "width": 100 * f.w / max(pub.width, 1), "height": 100 * f.h / max(pub.height, 1),
            "status": status.value if status else "",
            "status_text": status_text(status, lang) if status else "",
            "requested": f.person_id in waiting,
        })  # fmt: skip
    voices = [
        {"person": v.person, "status": statuses[v.person_id].value,
         "status_text": status_text(statuses[v.person_id], lang)}
        for v in pub.voices.select_related("person")
    ]  # fmt: skip
    missing = sum(1 for f in faces if f["status"] and f["status"] != "yes") + sum(
        1 for v in voices if v["status"] != "yes"
    )
    return {
        "faces": faces,
        "voices": voices,
        "untagged": sum(1 for f in pub.faces.all() if not f.person_id and not f.unknown),
        "missing": missing,
        "waiting": len(waiting),
    }


@login_required
@require_http_methods(["GET", "POST"])
def post(request: HttpRequest, pub_id: UUID) -> HttpResponse:
    """The tagging page; POST saves the tags, the voices and the purpose."""
    access = _staff(request)
    pub = publication_for(access, pub_id)
    errors: dict[int, str] = {}
    if request.method == "POST":
        parsed: TagInput = parse_tags(access, pub, request.POST)
        errors = parsed.errors
        if not errors:
            try:
                if parsed.purpose is not None and parsed.purpose != pub.purpose:
                    do_change_purpose(pub, parsed.purpose, acting_user=request.user)
                do_tag_faces(pub, parsed.faces, acting_user=request.user)
                do_set_voices(pub, parsed.voices, acting_user=request.user)
            except ConsentError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("Opgeslagen."))
                return redirect("consent:post", pub_id=pub.pk)
    lang = get_language() or "nl"
    statuses = current_statuses(pub)
    do_log_consent_read(pub.board, sorted(statuses), where="publication", acting_user=request.user)
    context = _faces_context(pub, statuses, lang)
    context.update(
        {"pub": pub, "purposes": purposes_of(pub.board_id), "errors": errors, "lang": lang,
         "answered": pub.requests.filter(answered__isnull=False).count(),
         "stale": bool(pub.copy) and copy_is_stale(pub), "stale_text": STALE}
    )  # fmt: skip
    return render(request, "consent/post.html", context, status=400 if errors else 200)


@login_required
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """Search-as-you-type for the tagging page: people of the caller's school(s) by name."""
    access = _staff(request)
    query = request.GET.get("q", "")[:80]
    people = rules_access.search_people(access, query)
    groups = _groups([p.pk for p in people])
    return JsonResponse(
        {"results": [{"id": p.pk, "name": p.full_name, "detail": groups.get(p.pk, "")}
                     for p in people]}
    )  # fmt: skip


def _groups(person_ids: list[int]) -> dict[int, str]:
    rows = Membership.objects.filter(person_id__in=person_ids, group__isnull=False).values_list(
        "person_id", "group__name"
    )
    return dict(rows)


@login_required
@require_GET
def original(request: HttpRequest, pub_id: UUID) -> HttpResponseBase:
    pub = publication_for(_staff(request), pub_id)
    if not pub.original:
        raise Http404
    response = FileResponse(pub.original.open("rb"))
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def request_consent(request: HttpRequest, pub_id: UUID) -> HttpResponse:
    pub = publication_for(_staff(request), pub_id)
    try:
        sent, unreachable = do_request_consent(
            pub, base_url=request.build_absolute_uri("/"), acting_user=request.user
        )
    except (InputError, ConsentError) as exc:
        messages.error(request, str(exc))
        return redirect("consent:post", pub_id=pub.pk)
    messages.success(request, _("%(n)d verzoek(en) verstuurd.") % {"n": len(sent)})
    if unreachable:
        names = ", ".join(p.full_name for p in unreachable)
        messages.warning(
            request,
            _("Niet bereikt (geen e-mailadres, of de e-mail kon niet weg): %(names)s.")
            % {"names": names},
        )
    return redirect("consent:post", pub_id=pub.pk)


@login_required
@require_POST
def make_copy(request: HttpRequest, pub_id: UUID) -> HttpResponse:
    pub = publication_for(_staff(request), pub_id)
    try:
        do_make_copy(pub, acting_user=request.user)
    except (InputError, ConsentError) as exc:
        messages.error(request, str(exc))
    return redirect("consent:post", pub_id=pub.pk)


@login_required
@require_GET
def download(request: HttpRequest, pub_id: UUID) -> HttpResponseBase:
    pub = publication_for(_staff(request), pub_id)
    if not pub.copy:
        raise Http404
    if copy_is_stale(pub):
        messages.error(request, STALE)
        return redirect("consent:post", pub_id=pub.pk)
    name = f"publiceerbaar-{pub.pk}{Path(pub.copy.name or 'x.jpg').suffix}"
    return FileResponse(pub.copy.open("rb"), as_attachment=True, filename=name)


@login_required
@require_GET
def answers_count(request: HttpRequest, pub_id: UUID) -> HttpResponse:
    """How many consent requests of this post are answered (the page polls it while some are
    open, to say that new answers came in). Counts only: nothing about who said what."""
    pub = publication_for(_staff(request), pub_id)
    answered = pub.requests.filter(answered__isnull=False).count()
    return JsonResponse({"answered": answered, "open": len(open_requests(pub))})
