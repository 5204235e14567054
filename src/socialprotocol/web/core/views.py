"""Log in (throttled), log out, two-factor set-up and confirmation, error pages."""

from __future__ import annotations

import base64
from typing import Any

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import auth
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from socialprotocol.web.api.errors import error_response
from socialprotocol.web.core.forms import LoginForm, TokenForm
from socialprotocol.web.core.security import (
    do_confirm_totp_device,
    do_record_failed_login,
    do_record_failed_otp,
    do_record_login,
    do_start_totp_setup,
    login_blocked,
)
from socialprotocol.web.people.access import access_of


def client_ip(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


def _next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        username, ip = form.cleaned_data["username"], client_ip(request)
        if login_blocked(username, ip):
            error = _(
                "Te veel mislukte pogingen. Probeer het over %(minutes)d minuten opnieuw."
            ) % {"minutes": settings.LOGIN_FAILURE_WINDOW_MINUTES}
        else:
            user = auth.authenticate(
                request, username=username, password=form.cleaned_data["password"]
            )
            if user is None:
                do_record_failed_login(username, ip)
                error = _("Gebruikersnaam of wachtwoord klopt niet.")
            else:
                auth.login(request, user)
                do_record_login(user, ip)
                target = _next(request, "/")
                if user.is_superuser or access_of(user).needs_two_factor:
                    return HttpResponseRedirect(f"/account/2fa/?next={target}")
                return HttpResponseRedirect(target)
    status = 200 if not error else 400
    return render(
        request, "core/login.html", {"form": form, "error": error, "next": _next(request, "")},
        status=status,
    )  # fmt: skip


def admin_login(request: HttpRequest) -> HttpResponse:
    """The admin's own login form would bypass throttling and two-factor: use ours."""
    target = _next(request, "/beheer/")
    return HttpResponseRedirect(f"/account/login/?next={target}")


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    auth.logout(request)
    return redirect("login")


def _qr_svg(device: TOTPDevice) -> str:
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return str(image.to_string(encoding="unicode"))


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    target = _next(request, "/")
    if user.is_verified():
        return HttpResponseRedirect(target)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    setup = device is None
    if setup:
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        if device is None:
            device = do_start_totp_setup(user)
    assert device is not None
    form = TokenForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        ip = client_ip(request)
        token = form.cleaned_data["token"].replace(" ", "")
        if login_blocked(user.get_username(), ip):
            error = _("Te veel mislukte pogingen. Probeer het later opnieuw.")
        elif device.verify_token(token):
            if setup:
                do_confirm_totp_device(device, acting_user=user)
            otp_login(request, device)
            return HttpResponseRedirect(target)
        else:
            do_record_failed_otp(user, ip)
            error = _("Die code klopt niet. Kijk of de tijd op je telefoon goed staat.")
    context = {"form": form, "error": error, "setup": setup, "next": target}
    if setup:
        context["qr_svg"] = _qr_svg(device)
        context["secret"] = base64.b32encode(device.bin_key).decode()
    return render(request, "core/two_factor.html", context, status=400 if error else 200)


def _error_page(request: HttpRequest, status: int, nl: str, en: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        code = {404: "not_found", 403: "forbidden", 400: "bad_request"}.get(status, "internal_error")
        return error_response(status, code, nl, en)
    return render(request, "error.html", {"status": status}, status=status)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(request, 404, "Niet gevonden.", "Not found.")


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(request, 403, "Geen toegang.", "Forbidden.")


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(request, 400, "Ongeldig verzoek.", "Bad request.")


def server_error(request: HttpRequest) -> HttpResponse:
    return _error_page(
        request, 500, "Er ging iets mis aan onze kant.", "Something went wrong on our side."
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Django's CSRF refusal, in Dutch: usually an old form or cookies switched off."""
    return render(request, "csrf.html", status=403)
