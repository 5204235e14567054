from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from socialprotocol.web.people.access import access_of


def site(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    access = access_of(user) if user is not None and user.is_authenticated else None
    return {
        "person": access.person if access else None,
        "retention_minutes": settings.CHECK_RETENTION_MINUTES,
        "saved_retention_days": settings.SAVED_CHECK_RETENTION_DAYS,
    }
