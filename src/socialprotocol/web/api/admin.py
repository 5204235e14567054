from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from socialprotocol.web.api.models import ApiToken
from socialprotocol.web.core.admin import TenantAdmin


@admin.register(ApiToken)
class ApiTokenAdmin(TenantAdmin):
    list_display = ("name", "prefix", "user", "created", "revoked")
    fields = ("name", "prefix", "user", "created", "revoked")
    readonly_fields = ("name", "prefix", "user", "created")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # created with the create_api_token command, which shows the key once
