"""Which case links the menu shows (the pages check access again themselves)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from socialprotocol.web.people.access import access_of
from socialprotocol.web.people.models import Role


def nav(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"case_nav": {}}
    access = access_of(user)
    return {
        "case_nav": {
            "cases": access.has(Role.BOARD, Role.MANAGEMENT),
            "dossiers": access.has(Role.HR, Role.BOARD, Role.PUPIL_RECORDS, Role.MANAGEMENT),
            "overview": access.has(Role.BOARD),
            "log": access.has(Role.PRIVACY_OFFICER),
        }
    }
