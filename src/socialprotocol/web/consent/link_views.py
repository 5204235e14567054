"""The signed, expiring link in a consent e-mail: the recipient sees the photo with only their
own child (or themself) visible and answers yes or no. No login: the link is the key, and it
only ever opens this one request."""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from socialprotocol.web.consent.actions import ConsentError
from socialprotocol.web.consent.forms import AnswerForm
from socialprotocol.web.consent.post_actions import do_answer_request
from socialprotocol.web.consent.requests import preview_name, request_from_token


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    req = request_from_token(token)
    if req is None:
        return render(request, "consent/link_expired.html", status=404)
    error = ""
    if request.method == "POST" and req.answered is None:
        form = AnswerForm(request.POST)
        if form.is_valid():
            try:
                do_answer_request(req, form.cleaned_data["answer"], acting_user=request.user)
            except ConsentError as exc:
                error = str(exc)
        else:
            error = "Kies ja of nee."
    context = {
        "req": req,
        "pub": req.publication,
        "token": token,
        "error": error,
        "has_preview": default_storage.exists(preview_name(req)),
        "for_self": req.subject_id == req.recipient_id,
    }
    response = render(request, "consent/link.html", context, status=400 if error else 200)
    response["Referrer-Policy"] = "same-origin"  # the token never leaves the site
    return response


@never_cache
@require_GET
def preview(request: HttpRequest, token: str) -> HttpResponseBase:
    req = request_from_token(token)
    if req is None or not default_storage.exists(preview_name(req)):
        raise Http404
    response = FileResponse(
        default_storage.open(preview_name(req), "rb"), content_type="image/jpeg"
    )
    response["Cache-Control"] = "private, no-store"
    return response
