"""Login throttling and two-factor set-up, as audited actions.

Failed logins are audit rows; the throttle counts them, so there is one record of what
happened and nothing else to keep in step.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from socialprotocol.web.core.actions import write_audit
from socialprotocol.web.core.models import AuditLog


def login_blocked(username: str, ip: str) -> bool:
    since = timezone.now() - timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)
    failures = AuditLog.objects.filter(event="login_failed", created__gte=since).filter(
        Q(subject_key=username.casefold()) | Q(detail__ip=ip)
    )
    return failures.count() >= settings.LOGIN_MAX_FAILURES


def do_record_failed_login(username: str, ip: str) -> None:
    with transaction.atomic():
        write_audit(
            "login_failed", acting_user=None, subject_key=username.casefold(), detail={"ip": ip}
        )


def do_record_login(user: Any, ip: str) -> None:
    with transaction.atomic():
        write_audit("login", acting_user=user, subject=user, detail={"ip": ip})


def do_start_totp_setup(user: Any) -> TOTPDevice:
    """A new unconfirmed authenticator; an earlier unconfirmed one is replaced."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
        write_audit("totp_setup_started", acting_user=user, subject=user)
    return device


def do_confirm_totp_device(device: TOTPDevice, *, acting_user: Any) -> None:
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        write_audit("totp_confirmed", acting_user=acting_user, subject=device.user)


def do_record_failed_otp(user: Any, ip: str) -> None:
    with transaction.atomic():
        write_audit(
            "login_failed",
            acting_user=user,
            subject_key=user.get_username().casefold(),
            detail={"ip": ip, "step": "otp"},
        )
