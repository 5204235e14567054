from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from socialprotocol.web.api.actions import do_revoke_api_token
from socialprotocol.web.api.models import ApiToken
from socialprotocol.web.core.admin import TenantAdmin


@admin.register(ApiToken)
class ApiTokenAdmin(TenantAdmin):
    list_display = ("name", "prefix", "user", "created", "revoked")
    fields = ("name", "prefix", "user", "created", "revoked")
    readonly_fields = ("name", "prefix", "user", "created")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # created with the create_api_token command, which shows the key once

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if "revoked" in form.changed_data and obj.revoked:
            do_revoke_api_token(obj, acting_user=request.user)  # audited, cache cleared
            return
        super().save_model(request, obj, form, change)
