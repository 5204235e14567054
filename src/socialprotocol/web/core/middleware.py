"""Request size limit and the two-factor requirement for roles that can read dossiers."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from socialprotocol.web.api.errors import error_response
from socialprotocol.web.people.access import access_of

Handler = Callable[[HttpRequest], HttpResponse]


class RequestSizeLimitMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            mb = settings.MAX_REQUEST_BYTES // (1024 * 1024)
            if request.path.startswith("/api/"):
                return error_response(
                    413,
                    "request_too_large",
                    f"Het verzoek is te groot (meer dan {mb} MB).",
                    f"The request is too large (over {mb} MB).",
                )
            return render(request, "413.html", {"mb": mb}, status=413)
        return self.get_response(request)


class TwoFactorRequiredMiddleware:
    """Pages (not the token API) need a confirmed authenticator for hr, board, admin, …"""

    ALLOWED = ("/account/", "/static/", "/i18n/", "/api/")

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(self.ALLOWED)
            and (user.is_superuser or access_of(user).needs_two_factor)
            and not getattr(user, "is_verified", lambda: False)()
        ):
            return HttpResponseRedirect(f"{reverse('two_factor')}?next={request.path}")
        return self.get_response(request)
